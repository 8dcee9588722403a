#include "TestSupport.h"
#include "core/Settings.h"
#include "incidents/Timeline.h"
#include "storage/Database.h"
#include "ui/ActiveIncident.h"
#include "ui/FeatureLinks.h"
#include "ui/IncidentCockpit.h"
#include "ui/MainWindow.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDockWidget>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QtTest>

using namespace ic;
using namespace ic::ui;

// The announcement path in the real window: declared incident, initial alert, Ctrl+Shift+C.
class TestDraftsInWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dataDir;
    std::unique_ptr<Database> m_database;

private Q_SLOTS:
    void initTestCase()
    {
        DatabaseOpenResult result;
        m_database = Database::open(m_dataDir.filePath(QStringLiteral("console.db")), &result);
        QVERIFY2(m_database, qPrintable(result.message));
    }

    void initialAlertIsCopiedAndLoggedWithOneKeystroke()
    {
        MainWindow window(WindowServices{m_database.get(), m_dataDir.path(), {}});
        ActiveIncident *incident = installIncidentCockpit(window, *m_database, m_dataDir.path());
        installDrafts(window, incident, m_dataDir.path());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        incidents::DeclareRequest request;
        request.title = QStringLiteral("Checkout returns 502 🚨");
        request.severity = QStringLiteral("SEV-2");
        request.services = {QStringLiteral("checkout")};
        request.impact = QStringLiteral("EU card payments fail");
        request.commander = QStringLiteral("Ana Lima");
        QVERIFY(incident->declare(request));
        const QDateTime dueBefore = incident->nextUpdateDue();

        auto *combo = window.findChild<QComboBox *>(QStringLiteral("draftTemplate"));
        combo->setCurrentIndex(combo->findData(QStringLiteral("initial")));
        auto *editor = window.findChild<QPlainTextEdit *>(QStringLiteral("draftEditor"));
        QTRY_VERIFY(editor->isVisible());
        QVERIFY(editor->toPlainText().contains(QStringLiteral("Checkout returns 502 🚨")));

        QApplication::clipboard()->clear();
        QTest::qWait(1100); // the countdown restart must be visible in whole seconds
        QTest::keyClick(&window, Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY(!QApplication::clipboard()->text().isEmpty());
        const QString copied = QApplication::clipboard()->text();
        QVERIFY(copied.startsWith(QStringLiteral("🚨 *INCIDENT DECLARED: Checkout returns 502 🚨*")));
        QVERIFY(copied.contains(QStringLiteral("*Impact:* EU card payments fail")));

        // The copy is logged, and then "Send the first announcement" ticks itself.
        const auto &events = incident->events();
        QVERIFY(events.size() >= 2);
        const incidents::TimelineEvent &sent = events.at(events.size() - 2);
        QCOMPARE(sent.kind, incidents::EventKind::UpdateSent);
        QCOMPARE(sent.data.value(QStringLiteral("text")).toString(), copied);
        QCOMPARE(events.back().kind, incidents::EventKind::Tick);
        QVERIFY2(events.back().text.startsWith(
                     QStringLiteral("Done: Send the first announcement (ticked: Initial alert "
                                    "copied at ")),
                 qPrintable(events.back().text));
        QVERIFY(incident->nextUpdateDue() > dueBefore);
        auto *status = window.findChild<QLabel *>(QStringLiteral("draftStatus"));
        QVERIFY(status->text().contains(QStringLiteral("Copied")));

        // The postmortem is drafted from the timeline, edited, and kept with the incident.
        combo->setCurrentIndex(combo->findData(QStringLiteral("postmortem")));
        QVERIFY(editor->toPlainText().startsWith(QStringLiteral("# Postmortem: Checkout")));
        auto *save = window.findChild<QPushButton *>(QStringLiteral("draftSave"));
        QTRY_VERIFY(save->isVisible());
        editor->appendPlainText(QStringLiteral("Root cause: a pool limit of 5."));
        const QString written = editor->toPlainText();
        QTest::mouseClick(save, Qt::LeftButton);
        QCOMPARE(incident->postmortem(), written);
        // Saved, and "Write the incident report" ticks itself after it.
        const auto &afterSave = incident->events();
        QCOMPARE(afterSave.at(afterSave.size() - 2).kind, incidents::EventKind::PostmortemSaved);
        QVERIFY2(
            afterSave.back().text.startsWith(QStringLiteral("Done: Write the incident report")),
            qPrintable(afterSave.back().text));
        window.findChild<QPushButton *>(QStringLiteral("draftRefill"))->click();
        QCOMPARE(editor->toPlainText(), written); // the saved version, not a fresh draft
    }

    void commanderNameComesFromTheSettings()
    {
        QTemporaryDir dir;
        {
            Settings settings(dir.path());
            settings.set(settings::commanderName, QStringLiteral("Jo Commander"));
            QVERIFY(settings.sync());
        }
        DatabaseOpenResult result;
        auto database = Database::open(dir.filePath(QStringLiteral("console.db")), &result);
        MainWindow window(WindowServices{database.get(), dir.path(), {}});
        ActiveIncident *incident = installIncidentCockpit(window, *database, dir.path());
        QCOMPARE(incident->service().actor(), QStringLiteral("Jo Commander"));
    }
};

QTEST_MAIN(TestDraftsInWindow)
#include "test_drafts_in_window.moc"
