#include "AlertServers.h"
#include "WindowTestCase.h"
#include "alerts/AlertsConfig.h"
#include "health/HealthMonitor.h"
#include "incidents/Timeline.h"
#include "storage/Database.h"
#include "ui/ActiveIncident.h"
#include "ui/AlertsModel.h"
#include "ui/DeclareDialog.h"
#include "ui/GuiLauncher.h"
#include "ui/MainWindow.h"
#include "ui/SilenceDialog.h"
#include "ui/runbooks/RunbookPanel.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStatusBar>
#include <QTabWidget>
#include <QTreeView>

using namespace ic;
using namespace ic::ui;
using namespace ic::test;

namespace {

QStringList kinds(const std::vector<incidents::TimelineEvent> &events)
{
    QStringList result;
    for (const auto &event : events)
        result << event.kind;
    return result;
}

} // namespace

// The Alerts dock of the real window against a real Alertmanager firing KubePodCrashLooping
// with an upstream runbook_url: the local runbook opens with one key, an incident is declared
// pre-filled in three actions, the alert is silenced and resolves, and the incident's
// timeline and postmortem tell it.
class TestAlertsInWindow : public WindowTestCase
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QProcess m_alertmanager;
    int m_port = 0;

private Q_SLOTS:
    void initTestCase()
    {
        m_port = startAlertmanager(m_alertmanager, m_dir);
        if (m_port == 0)
            QSKIP("prometheus-alertmanager is not installed or did not start (scripts/setup "
                  "installs it)");
        QVERIFY(writeFile(m_dir.filePath(QStringLiteral("alerts.yaml")),
                          QStringLiteral("sources:\n  - { name: prod, type: alertmanager, url: "
                                         "\"http://127.0.0.1:%1\", interval: 1s }\n")
                              .arg(m_port)
                              .toUtf8()));
        QFile::setPermissions(m_dir.filePath(QStringLiteral("alerts.yaml")),
                              QFile::ReadOwner | QFile::WriteOwner);
        QVERIFY(postAlerts(m_port,
                           {alertmanagerAlert(crashLoopingLabels(), crashLoopingAnnotations())}));
    }

    void cleanup()
    {
        SilenceDialog::answerForTests = nullptr;
        WindowTestCase::cleanup();
    }

    void cleanupTestCase() { stopServer(m_alertmanager); }

    void fromFiringToDeclaredSilencedAndResolved()
    {
        DatabaseOpenResult result;
        auto database = Database::open(m_dir.filePath(QStringLiteral("console.db")), &result);
        QVERIFY2(database, qPrintable(result.message));
        health::HealthMonitor health(m_dir.filePath(QStringLiteral("health.yaml")), QString());
        MainWindow window(WindowServices{database.get(), m_dir.path(), {}});
        ActiveIncident *incident = assembleWindow(window, *database, health, m_dir.path(), {});
        auto *runbooks =
            qobject_cast<RunbookPanel *>(window.areaContent(MainWindow::Area::Runbooks));
        QSignalSpy indexed(runbooks, &RunbookPanel::indexReady);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTRY_VERIFY_WITH_TIMEOUT(!indexed.isEmpty(), 20000);

        // Ctrl+Shift+A: the Alerts dock, its list focused.
        window.findChild<QAction *>(QStringLiteral("showAlertsAction"))->trigger();
        auto *view = window.findChild<QTreeView *>(QStringLiteral("alertsView"));
        QVERIFY(view);
        QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), 1, 15000);
        const QModelIndex group = view->model()->index(0, 0);
        QCOMPARE(group.data().toString(), QStringLiteral("KubePodCrashLooping"));
        QCOMPARE(view->model()->index(0, AlertsModel::Count).data().toString(),
                 QStringLiteral("1"));
        QCOMPARE(view->model()->index(0, AlertsModel::Severity).data().toString(),
                 QStringLiteral("critical"));
        auto *sources = window.findChild<QLabel *>(QStringLiteral("alertSources"));
        QVERIFY2(sources->text().contains(QStringLiteral("prod")), qPrintable(sources->text()));
        view->setFocus();
        view->setCurrentIndex(view->model()->index(0, 0, group));
        QTRY_VERIFY(view->hasFocus());

        // R opens the local runbook the upstream link names.
        auto *runbookButton = window.findChild<QPushButton *>(QStringLiteral("alertOpenRunbook"));
        QTRY_VERIFY_WITH_TIMEOUT(runbookButton->isEnabled(), 10000);
        QTest::keyClick(view, Qt::Key_R);
        auto *reader = window.findChild<QTabWidget *>(QStringLiteral("runbookReader"));
        QTRY_VERIFY2(
            reader->count() > 0 &&
                reader->tabText(reader->currentIndex()).contains(QStringLiteral("crash loop")),
            qPrintable(reader->count() > 0 ? reader->tabText(reader->currentIndex()) : QString()));

        // D, then Enter: declared, pre-filled, and linked (three actions from the list).
        view->setFocus();
        QTest::keyClick(view, Qt::Key_D);
        DeclareDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = window.findChild<DeclareDialog *>()) && dialog->isVisible());
        QCOMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("declareTitle"))->text(),
                 QStringLiteral("Pod prod/api-1 is crash looping"));
        QCOMPARE(dialog->request().severity, QStringLiteral("SEV-1"));
        QCOMPARE(dialog->request().services, QStringList{QStringLiteral("prod")});
        auto *title = dialog->findChild<QLineEdit *>(QStringLiteral("declareTitle"));
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(title));
        QTest::keyClick(title, Qt::Key_Return);
        QTRY_VERIFY2(incident->hasIncident(), qPrintable(window.statusBar()->currentMessage()));
        QCOMPARE(incident->incident().title, QStringLiteral("Pod prod/api-1 is crash looping"));
        QCOMPARE(incident->incident().severity, QStringLiteral("SEV-1"));
        QTRY_VERIFY(kinds(incident->events()).contains(incidents::EventKind::AlertLinked));
        QTRY_COMPARE(view->model()->index(0, AlertsModel::Incident).data().toString(),
                     incident->incident().id.left(8));

        // Silence: confirmed, sent to Alertmanager, on the timeline; the alert moves apart.
        SilenceDialog::answerForTests = [](const alerts::Alert &) {
            return std::optional<SilenceChoice>(
                SilenceChoice{std::chrono::seconds(3600), QStringLiteral("rolling back")});
        };
        view->setFocus();
        const QModelIndex alertRow = view->model()->index(0, 0, view->model()->index(0, 0));
        view->setCurrentIndex(alertRow);
        // The offscreen platform leaves no window active once a dialog closed, and shortcuts
        // need one: the button does what S does.
        QTest::mouseClick(window.findChild<QPushButton *>(QStringLiteral("alertSilence")),
                          Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(
            kinds(incident->events()).contains(incidents::EventKind::AlertSilenced), 10000);
        const QJsonArray silences =
            QJsonDocument::fromJson(http("GET", QUrl(QStringLiteral("http://127.0.0.1:%1/api/"
                                                                    "v2/silences")
                                                         .arg(m_port)))
                                        .body)
                .array();
        QCOMPARE(silences.size(), 1);
        QCOMPARE(silences.first().toObject().value(QLatin1String("comment")).toString(),
                 QStringLiteral("rolling back"));
        QTRY_VERIFY_WITH_TIMEOUT(
            view->model()->index(0, 0).data().toString().contains(QStringLiteral("silenced")),
            15000);

        // Resolved at the source: on the timeline, and in the postmortem.
        QVERIFY(postAlerts(
            m_port, {alertmanagerAlert(crashLoopingLabels(), crashLoopingAnnotations(), true)}));
        QTRY_VERIFY_WITH_TIMEOUT(
            kinds(incident->events()).contains(incidents::EventKind::AlertResolved), 15000);
        QTRY_COMPARE(view->model()->rowCount(), 0);
        const QVariantMap values = incident->templateValues();
        const QVariantList linked = values.value(QStringLiteral("alerts")).toList();
        QCOMPARE(linked.size(), 1);
        const QVariantMap alert = linked.first().toMap();
        QCOMPARE(alert.value(QStringLiteral("name")).toString(),
                 QStringLiteral("KubePodCrashLooping"));
        QVERIFY2(alert.value(QStringLiteral("resolved"))
                     .toString()
                     .startsWith(QStringLiteral("resolved ")),
                 qPrintable(alert.value(QStringLiteral("resolved")).toString()));
    }
};

QTEST_MAIN(TestAlertsInWindow)
#include "test_alerts_in_window.moc"
