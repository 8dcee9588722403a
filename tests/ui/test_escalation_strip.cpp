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
#include <QtTest>

using namespace ic;
using namespace ic::ui;

// The cockpit of a SEV-1 incident says whom the next escalation step calls, and copies how.
class TestEscalationStrip : public test::WindowTestCase
{
    Q_OBJECT

private:
    QTemporaryDir m_dataDir;
    std::unique_ptr<Database> m_database;

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
        ActiveIncident *incident = installIncidentCockpit(window, *m_database, m_dataDir.path());
        installEscalation(window, incident, m_dataDir.path(), {});
        window.show();
        window.activateWindow();
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
        // Ana has no e-mail address: nothing to copy, and the key says so by doing nothing.
        QVERIFY(!child<QAction>(window, "escalationCopyEmail")->isEnabled());

        // Resolving the incident takes the strip away.
        QVERIFY(incident->setStatus(incidents::Status::Resolved));
        QTRY_VERIFY(!strip->isVisible());
    }
};

QTEST_MAIN(TestEscalationStrip)
#include "test_escalation_strip.moc"
