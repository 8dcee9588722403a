#include "TestSupport.h"
#include "WindowTestCase.h"
#include "storage/Database.h"
#include "ui/ActiveIncident.h"
#include "ui/EscalationStrip.h"
#include "ui/IncidentCockpit.h"
#include "ui/MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QRegularExpression>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>
#include <algorithm>

using namespace ic;
using namespace ic::ui;

// The cockpit of a SEV-1 incident says whom the next escalation step calls, and copies how.
class TestEscalationStrip : public test::WindowTestCase
{
    Q_OBJECT

private:
    QTemporaryDir m_dataDir;
    std::unique_ptr<Database> m_database;

    // The cockpit with its escalation row, shown and active.
    ActiveIncident *openCockpit(MainWindow &window)
    {
        ActiveIncident *incident = installIncidentCockpit(window, *m_database, m_dataDir.path());
        installEscalation(window, incident, m_dataDir.path(), {});
        window.show();
        window.activateWindow();
        return incident;
    }

    template <typename T> static T *child(QWidget &window, const char *name)
    {
        return window.findChild<T *>(QString::fromLatin1(name));
    }

private Q_SLOTS:
    void initTestCase()
    {
        // The bundled SEV-1 ladder calls the secondary on-call five minutes in.
        QVERIFY(test::writeFile(
            m_dataDir.filePath(QStringLiteral("contacts.yaml")),
            "people:\n"
            "  - { id: ana, name: Ana Lima, phone: \"+49 30 1234567\", chat: \"@ana\", tz: "
            "Europe/Berlin }\n"
            "  - { id: dana, name: Dana Park, phone: \"+44 20 7946 0000\", email: "
            "dana@example.com }\n"
            "roles:\n"
            "  secondary-on-call: [ana]\n"
            "  team-lead: [dana]\n"));
        DatabaseOpenResult result;
        m_database = Database::open(m_dataDir.filePath(QStringLiteral("console.db")), &result);
        QVERIFY2(m_database, qPrintable(result.message));
    }

    void nextStepNamesThePersonAndCopiesTheirNumber()
    {
        MainWindow window(WindowServices{m_database.get(), m_dataDir.path(), {}});
        ActiveIncident *incident = openCockpit(window);
        QVERIFY(QTest::qWaitForWindowActive(&window));
        auto *strip = child<EscalationStrip>(window, "escalationStrip");
        QVERIFY(strip);
        QVERIFY(!strip->isVisible());

        incidents::DeclareRequest request;
        request.title = QStringLiteral("Checkout down");
        request.severity = QStringLiteral("SEV-1");
        request.commander = QStringLiteral("Kim");
        QVERIFY(incident->declare(request));
        QTRY_VERIFY(strip->isVisible());
        auto *step = child<QLabel>(window, "escalationStep");
        auto *person = child<QLabel>(window, "escalationPerson");
        static const QRegularExpression countdown(
            QStringLiteral("^Next escalation in (5:00|4:[0-5][0-9]): "));
        QVERIFY2(countdown.match(step->text()).hasMatch(), qPrintable(step->text()));
        QVERIFY(step->text().endsWith(QStringLiteral("Page the secondary on-call")));
        QTRY_VERIFY2(person->text().contains(QStringLiteral("Ana Lima")),
                     qPrintable(person->text()));
        QVERIFY(person->text().startsWith(QStringLiteral("call secondary-on-call: Ana Lima")));
        // Her local time, whatever the zone of the machine running the test.
        const QDateTime berlinNow =
            QDateTime::currentDateTime().toTimeZone(QTimeZone("Europe/Berlin"));
        const auto theirTime = [](const QDateTime &time) {
            return QStringLiteral("their time %1 (Europe/Berlin)")
                .arg(time.toString(QStringLiteral("HH:mm")));
        };
        QVERIFY2(person->text().contains(theirTime(berlinNow)) ||
                     person->text().contains(theirTime(berlinNow.addSecs(-60))),
                 qPrintable(person->text()));
        QCOMPARE(child<QLabel>(window, "escalationReach")->text(),
                 QStringLiteral("+49 30 1234567 · @ana"));

        QApplication::clipboard()->clear();
        QTest::keyClick(&window, Qt::Key_P, Qt::ControlModifier | Qt::AltModifier);
        QTRY_COMPARE(QApplication::clipboard()->text(), QStringLiteral("+49 30 1234567"));
        QCOMPARE(window.statusBar()->currentMessage(),
                 QStringLiteral("Ana Lima's phone number copied"));
        QTest::keyClick(&window, Qt::Key_H, Qt::ControlModifier | Qt::AltModifier);
        QTRY_COMPARE(QApplication::clipboard()->text(), QStringLiteral("@ana"));
        // Ana has no e-mail address: nothing to copy, and the key says so by doing nothing. Its
        // button is not there either, leaving the row's room to the step and the person.
        QVERIFY(!child<QAction>(window, "escalationCopyEmail")->isEnabled());
        QVERIFY(!child<QWidget>(window, "escalationCopyEmailButton")->isVisible());
        QVERIFY(child<QWidget>(window, "escalationCopyPhoneButton")->isVisible());

        // Resolving the incident takes the strip away.
        QVERIFY(incident->setStatus(incidents::Status::Resolved));
        QTRY_VERIFY(!strip->isVisible());
    }

    // The checklist's escalation items name who holds the role now; Space ticks and the
    // timeline records who was called.
    void checklistEscalationItemNamesTheCalleeAndTheTickRecordsThem()
    {
        MainWindow window(WindowServices{m_database.get(), m_dataDir.path(), {}});
        ActiveIncident *incident = openCockpit(window);
        QVERIFY(QTest::qWaitForWindowActive(&window));
        incidents::DeclareRequest request;
        request.title = QStringLiteral("Search down");
        request.severity = QStringLiteral("SEV-1");
        request.commander = QStringLiteral("Kim");
        QVERIFY(incident->declare(request));

        auto *tree = child<QTreeWidget>(window, "checklistTree");
        QVERIFY(tree);
        const auto rowOf = [tree](const QString &text) -> QTreeWidgetItem * {
            for (QTreeWidgetItem *row :
                 tree->findItems(text, Qt::MatchContains | Qt::MatchRecursive))
                return row;
            return nullptr;
        };
        const QString teamLead = QStringLiteral("Escalate: bring in the team lead");
        QTRY_VERIFY(rowOf(teamLead) && rowOf(teamLead)->text(0).endsWith(
                                           QStringLiteral(" — call Dana Park (team-lead)")));
        QVERIFY2(rowOf(teamLead)->toolTip(0).contains(QStringLiteral(
                     "Calls team-lead: Dana Park · +44 20 7946 0000 · dana@example.com")),
                 qPrintable(rowOf(teamLead)->toolTip(0)));
        // Nobody in contacts.yaml holds the vendor role: the item still says what it calls.
        QVERIFY(rowOf(QStringLiteral("call outside support"))
                    ->text(0)
                    .endsWith(QStringLiteral(" — calls vendor")));
        // Items that call nobody stay as they are.
        QVERIFY(rowOf(QStringLiteral("Find the root cause"))
                    ->text(0)
                    .endsWith(QStringLiteral("Find the root cause")));

        tree->setFocus();
        tree->setCurrentItem(rowOf(teamLead));
        QTest::keyClick(tree, Qt::Key_Space);
        QTRY_VERIFY(rowOf(teamLead) && rowOf(teamLead)->checkState(0) == Qt::Checked);
        // Ticked, the row no longer asks for the call; the timeline says who took it.
        QVERIFY(!rowOf(teamLead)->text(0).contains(QStringLiteral("Dana Park")));
        const incidents::TimelineEvent &ticked = incident->events().back();
        QCOMPARE(ticked.kind, QStringLiteral("tick"));
        QVERIFY2(ticked.text.endsWith(QStringLiteral(" — called Dana Park (team-lead)")),
                 qPrintable(ticked.text));
        QVERIFY(!ticked.text.contains(QStringLiteral("7946")));

        // The holder did not answer: the commander names whom they called instead.
        const auto management =
            std::find_if(incident->items().begin(), incident->items().end(), [](const auto &item) {
                return item.text == QStringLiteral("Inform management of the incident");
            });
        QVERIFY(management != incident->items().end());
        QVERIFY(incident->tickCalling(management->id, QStringLiteral("Lee Chen")));
        QCOMPARE(incident->events().back().data.value(QStringLiteral("called")).toString(),
                 QStringLiteral("Lee Chen"));
        QCOMPARE(incident->events().back().data.value(QStringLiteral("calls")).toString(),
                 QStringLiteral("engineering-manager"));
        QVERIFY(incident->setStatus(incidents::Status::Resolved));
    }
};

QTEST_MAIN(TestEscalationStrip)
#include "test_escalation_strip.moc"
