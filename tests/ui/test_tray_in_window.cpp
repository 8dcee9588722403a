#include "TestSupport.h"
#include "core/Settings.h"
#include "health/HealthMonitor.h"
#include "health/probes/Probe.h"
#include "storage/Database.h"
#include "ui/ActiveIncident.h"
#include "ui/DeclareDialog.h"
#include "ui/DesktopTray.h"
#include "ui/GuiLauncher.h"
#include "ui/MainWindow.h"

#include <QAction>
#include <QLineEdit>
#include <QMenu>
#include <QSignalSpy>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTemporaryDir>
#include <QtTest>

using namespace ic;
using namespace ic::ui;

namespace {

// Answers like a TCP probe whose target is up or down as the test decides.
class ScriptedProbe : public health::Probe
{
public:
    ScriptedProbe(const health::CheckDefinition &check, QObject *parent,
                  const QHash<QString, bool> &up)
        : Probe(check, parent), m_up(up.value(check.name, true))
    {}

protected:
    void start() override
    {
        QTimer::singleShot(0, this, [this] {
            health::Observation observation;
            observation.values.insert(QStringLiteral("[CONNECTED]"),
                                      m_up ? QStringLiteral("true") : QStringLiteral("false"));
            observation.message =
                m_up ? QStringLiteral("connected") : QStringLiteral("connection refused");
            finish(observation);
        });
    }
    health::Observation timedOut() override { return {}; }

private:
    bool m_up;
};

QList<TrayNotification> ofKind(const QSignalSpy &spy, TrayNotification::Kind kind)
{
    QList<TrayNotification> found;
    for (const QList<QVariant> &arguments : spy) {
        const auto notification = arguments.at(0).value<TrayNotification>();
        if (notification.kind == kind)
            found.append(notification);
    }
    return found;
}

QImage imageOf(const QIcon &icon)
{
    return icon.pixmap(32, 32).toImage().convertToFormat(QImage::Format_ARGB32);
}

} // namespace

// The tray of the real window: health from a monitor running scripted probes, an incident
// declared from the tray menu, and the notifications it asks for.
class TestTrayInWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dataDir;
    std::unique_ptr<Database> m_database;
    QHash<QString, bool> m_up;

    QString path(const char *name) const { return m_dataDir.filePath(QLatin1String(name)); }

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<TrayNotification>();
        // Short clocks so the update and the item fall due while the test watches.
        QVERIFY(test::writeFile(
            path("severity.yaml"),
            "name: TEST\nlevels:\n"
            "  - { id: SEV-1, label: Critical, definition: Down, response_target: 1m, "
            "update_every: 3s }\n"));
        QVERIFY(test::writeFile(path("checklist.yaml"),
                                "name: Test\nphases:\n"
                                "  - name: Initial response\n"
                                "    items:\n"
                                "      - { text: Page the DB on-call, due: 2s }\n"));
        QVERIFY(test::writeFile(path("health.yaml"),
                                "defaults: { interval: 1s, timeout: 1s, failure_threshold: 1 }\n"
                                "checks:\n"
                                "  - { name: api, type: tcp, host: 127.0.0.1, port: 1 }\n"
                                "  - { name: db, type: tcp, host: 127.0.0.1, port: 2 }\n"));
        DatabaseOpenResult result;
        m_database = Database::open(path("console.db"), &result);
        QVERIFY2(m_database, qPrintable(result.message));
    }

    void trayFollowsHealthAndIncidentAndNotifies()
    {
        health::HealthMonitor monitor(path("health.yaml"), QString());
        monitor.setProbeFactory([this](const health::CheckDefinition &check, QObject *parent) {
            return new ScriptedProbe(check, parent, m_up);
        });
        MainWindow window(WindowServices{m_database.get(), m_dataDir.path(), {}});
        ActiveIncident *incident =
            assembleWindow(window, *m_database, monitor, m_dataDir.path(), {});
        auto *tray = window.findChild<DesktopTray *>(QStringLiteral("desktopTray"));
        QVERIFY(tray);
        // Offscreen there is no tray to show an icon in: the model runs all the same.
        QCOMPARE(tray->trayIcon() != nullptr, QSystemTrayIcon::isSystemTrayAvailable());
        QSignalSpy notified(tray, &DesktopTray::notified);
        QSignalSpy results(&monitor, &health::HealthMonitor::statusChanged);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(tray->toolTip().contains(QStringLiteral("Health: no results yet")));
        QCOMPARE(imageOf(tray->icon()), imageOf(DesktopTray::iconFor(std::nullopt)));
        monitor.start();

        QTRY_VERIFY_WITH_TIMEOUT(tray->model().worstState() == health::State::Ok, 10000);
        QTRY_VERIFY(tray->toolTip().contains(QStringLiteral("Health: OK — all 2 checks")));
        QVERIFY(tray->toolTip().endsWith(QStringLiteral("No incident in progress")));
        QCOMPARE(imageOf(tray->icon()), imageOf(DesktopTray::iconFor(health::State::Ok)));

        // db goes down: the icon turns CRIT and one notification names it with its message.
        m_up.insert(QStringLiteral("db"), false);
        QTRY_VERIFY_WITH_TIMEOUT(tray->model().worstState() == health::State::Crit, 10000);
        QVERIFY2(tray->toolTip().contains(QStringLiteral("Health: CRIT — db (1 of 2 checks)")),
                 qPrintable(tray->toolTip()));
        QCOMPARE(imageOf(tray->icon()), imageOf(DesktopTray::iconFor(health::State::Crit)));
        QVERIFY(imageOf(tray->icon()) != imageOf(DesktopTray::iconFor(health::State::Ok)));
        QList<TrayNotification> crit = ofKind(notified, TrayNotification::Kind::CheckCrit);
        QCOMPARE(crit.size(), 1);
        QCOMPARE(crit.first().title, QStringLiteral("db is CRIT"));
        QVERIFY2(crit.first().text.contains(QStringLiteral("connection refused")),
                 qPrintable(crit.first().text));
        // Further CRIT results of the same outage stay quiet.
        const qsizetype seen = results.count();
        QTRY_VERIFY_WITH_TIMEOUT(results.count() >= seen + 4, 10000);
        QCOMPARE(ofKind(notified, TrayNotification::Kind::CheckCrit).size(), 1);

        // Declared from the tray menu: the tooltip names severity, title and elapsed time.
        auto *declare = tray->menu()->findChild<QAction *>(QStringLiteral("tray_declareAction"));
        QVERIFY(declare && declare->isEnabled());
        declare->trigger();
        auto *dialog = window.findChild<DeclareDialog *>(QStringLiteral("declareDialog"));
        QVERIFY(dialog);
        dialog->findChild<QLineEdit *>(QStringLiteral("declareTitle"))
            ->setText(QStringLiteral("Orders stuck in queue"));
        dialog->accept();
        QVERIFY(incident->hasIncident());
        QTRY_VERIFY2(tray->toolTip().contains(QStringLiteral("SEV-1 Orders stuck in queue — 0:0")),
                     qPrintable(tray->toolTip()));
        QVERIFY(tray->toolTip().contains(QStringLiteral("elapsed, next update in")));
        QVERIFY(tray->menu()
                    ->findChild<QAction *>(QStringLiteral("traySummary"))
                    ->text()
                    .contains(QStringLiteral("Orders stuck in queue")));

        // The checklist item and the update fall due: one notification each.
        QTRY_COMPARE_WITH_TIMEOUT(ofKind(notified, TrayNotification::Kind::ItemOverdue).size(), 1,
                                  10000);
        QCOMPARE(ofKind(notified, TrayNotification::Kind::ItemOverdue).first().text,
                 QStringLiteral("Page the DB on-call"));
        QTRY_COMPARE_WITH_TIMEOUT(ofKind(notified, TrayNotification::Kind::UpdateDue).size(), 1,
                                  10000);
        QVERIFY2(ofKind(notified, TrayNotification::Kind::UpdateDue)
                     .first()
                     .text.startsWith(QStringLiteral("SEV-1 Orders stuck in queue: ")),
                 qPrintable(ofKind(notified, TrayNotification::Kind::UpdateDue).first().text));
        QTRY_VERIFY(tray->toolTip().contains(QStringLiteral("update overdue by")));

        // Notifications off in the settings: a new CRIT reaches the status line, not the
        // desktop.
        {
            Settings settings(m_dataDir.path());
            settings.set(settings::notifications, false);
            QVERIFY(settings.sync());
        }
        const qsizetype before = notified.count();
        m_up.insert(QStringLiteral("api"), false);
        QTRY_VERIFY_WITH_TIMEOUT(
            window.statusBar()->currentMessage().contains(QStringLiteral("api is CRIT")), 10000);
        QCOMPARE(notified.count(), before);
        QCOMPARE(tray->model().checksIn(health::State::Crit),
                 (QStringList{QStringLiteral("api"), QStringLiteral("db")}));
    }

    void everyStateHasItsOwnIcon()
    {
        QList<QImage> images{imageOf(DesktopTray::iconFor(std::nullopt))};
        for (health::State state : {health::State::Ok, health::State::Warn, health::State::Crit,
                                    health::State::Unknown, health::State::Stale}) {
            const QImage image = imageOf(DesktopTray::iconFor(state));
            QVERIFY2(!images.contains(image), qPrintable(health::stateName(state)));
            images.append(image);
        }
    }
};

QTEST_MAIN(TestTrayInWindow)
#include "test_tray_in_window.moc"
