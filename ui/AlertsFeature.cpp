#include "AlertsFeature.h"

#include "ActiveIncident.h"
#include "AlertsPanel.h"
#include "DeclareDialog.h"
#include "DesktopTray.h"
#include "MainWindow.h"
#include "SilenceDialog.h"
#include "alerts/AlertIncidents.h"
#include "alerts/AlertSilences.h"
#include "core/AsyncTask.h"
#include "core/Ids.h"
#include "core/Logging.h"
#include "runbooks/RunbookLibrary.h"
#include "storage/Database.h"
#include "ui/runbooks/RunbookPanel.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QStatusBar>
#include <QTimer>
#include <memory>

namespace ic::ui {
namespace {

// Everything the panel's actions share; lives as long as the panel.
struct AlertsContext
{
    MainWindow *window = nullptr;
    AlertsPanel *panel = nullptr;
    alerts::AlertMonitor *monitor = nullptr;
    ActiveIncident *incident = nullptr;
    QNetworkAccessManager *nam = nullptr;
    QString configPath;
    QString databasePath;
    bool readOnly = false;
    alerts::AlertsConfig config;
    std::unique_ptr<alerts::AlertLinks> links;

    void say(const QString &message) const { window->statusBar()->showMessage(message, 15000); }

    void loadConfig()
    {
        config = QFileInfo::exists(configPath) ? alerts::loadAlertsConfig(configPath)
                                               : alerts::AlertsConfig{};
        QStringList problems;
        for (const ConfigProblem &problem : config.problems)
            problems << problem.toString();
        panel->setConfigProblems(problems);
        monitor->setConfig(config);
    }

    void publishLinks() const
    {
        QHash<QString, QString> incidents;
        for (const alerts::AlertLink &link : links->links())
            incidents.insert(link.fingerprint, link.incidentId);
        panel->setIncidents(incidents);
    }

    // The runbook index is read on the pool with a connection of its own.
    void readRunbooks()
    {
        runAsync(
            panel,
            [path = databasePath] {
                std::vector<runbooks::RunbookRecord> records;
                QString error;
                if (auto database = Database::openAdditional(path, &error))
                    records = runbooks::RunbookLibrary(database->connection()).list();
                return records;
            },
            [panel = panel](const Result<std::vector<runbooks::RunbookRecord>> &records) {
                if (records)
                    panel->setResolver(alerts::RunbookResolver(*records));
            });
    }

    const alerts::AlertSource *sourceOf(const alerts::Alert &alert) const
    {
        for (const alerts::AlertSource &source : config.sources) {
            if (source.name == alert.source)
                return &source;
        }
        return nullptr;
    }

    void link(const QString &incidentId, const QList<alerts::Alert> &alerts)
    {
        for (const alerts::Alert &alert : alerts) {
            if (const auto linked = links->link(incidentId, alert);
                !linked && linked.errorKind() != ErrorKind::Unchanged)
                say(QObject::tr("Could not link %1: %2").arg(alert.alertname(), linked.error()));
        }
        publishLinks();
    }

    void declare(const QList<alerts::Alert> &alerts)
    {
        QString problem;
        const incidents::DeclareRequest request =
            alerts::declareRequestFor(alerts, config, incident->severities(), &problem);
        if (!problem.isEmpty())
            say(problem);
        auto *dialog =
            new DeclareDialog(incident->severities(), incident->service().actor(), window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setRequest(request);
        QObject::connect(dialog, &QDialog::accepted, panel, [this, dialog, alerts] {
            if (incident->declare(dialog->request()))
                link(incident->incident().id, alerts);
        });
        dialog->open();
    }

    void linkToOpenIncident(const QList<alerts::Alert> &alerts)
    {
        if (!incident->hasIncident() || !incident->incident().isOpen()) {
            say(QObject::tr("No open incident to link to; declare one from the alert with D"));
            return;
        }
        link(incident->incident().id, alerts);
        say(alerts.size() == 1
                ? QObject::tr("Linked the alert to the incident")
                : QObject::tr("Linked %1 alerts to the incident").arg(alerts.size()));
    }

    void silence(const alerts::Alert &alert)
    {
        const alerts::AlertSource *source = sourceOf(alert);
        if (!source || source->type != alerts::AlertSource::Type::Alertmanager) {
            say(QObject::tr("%1 comes from Prometheus, which has no silences; silence it in the "
                            "Alertmanager it notifies")
                    .arg(alert.alertname()));
            return;
        }
        std::optional<SilenceChoice> choice;
        if (SilenceDialog::answerForTests) {
            choice = SilenceDialog::answerForTests(alert);
        } else {
            SilenceDialog dialog(alert, window);
            if (dialog.exec() == QDialog::Accepted)
                choice = dialog.choice();
        }
        if (!choice)
            return;
        const QString comment = choice->comment;
        alerts::createSilence(
            nam, *source, alert, choice->duration, incident->service().actor(), comment, panel,
            [this, alert, comment](const Result<alerts::Silence> &silence) {
                if (!silence) {
                    say(silence.error());
                    return;
                }
                links->recordSilence(alert, silence->id, silence->endsAt, comment);
                say(QObject::tr("Silenced %1 until %2 (silence %3)")
                        .arg(alert.alertname(),
                             silence->endsAt.toLocalTime().toString(QStringLiteral("HH:mm")),
                             silence->id));
                monitor->poll(alert.source);
            });
    }

    void expire(const alerts::Alert &alert)
    {
        const alerts::AlertSource *source = sourceOf(alert);
        if (!source)
            return;
        for (const QString &silenceId : alert.silencedBy) {
            alerts::expireSilence(nam, *source, silenceId, panel,
                                  [this, silenceId, name = alert.source](const Result<void> &done) {
                                      if (!done) {
                                          say(done.error());
                                          return;
                                      }
                                      links->recordUnsilence(silenceId);
                                      say(QObject::tr("Silence %1 expired").arg(silenceId));
                                      monitor->poll(name);
                                  });
        }
    }
};

} // namespace

AlertsPanel *installAlerts(MainWindow &window, Database &database, ActiveIncident *incident,
                           RunbookPanel *runbooks, DesktopTray *tray, const QString &dataDir)
{
    auto *monitor = new alerts::AlertMonitor(&window);
    monitor->setObjectName(QStringLiteral("alertMonitor"));
    auto *panel = new AlertsPanel(*monitor);
    auto context = std::make_shared<AlertsContext>();
    context->window = &window;
    context->panel = panel;
    context->monitor = monitor;
    context->incident = incident;
    context->nam = new QNetworkAccessManager(panel);
    context->configPath = alerts::alertsConfigPath(dataDir);
    context->databasePath = database.path();
    context->readOnly = database.isReadOnly();
    context->links = std::make_unique<alerts::AlertLinks>(incident->service());

    auto *dock = new QDockWidget(QObject::tr("Alerts"), &window);
    dock->setObjectName(QStringLiteral("alertsDock"));
    dock->setWidget(panel);
    window.addDockWidget(Qt::RightDockWidgetArea, dock);
    if (QDockWidget *health = window.dock(MainWindow::Area::Health))
        window.tabifyDockWidget(health, dock);
    window.restoreDockWidget(dock);
    auto *show = new QAction(QObject::tr("&Alerts"), &window);
    show->setObjectName(QStringLiteral("showAlertsAction"));
    show->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_A);
    window.addAction(show);
    QObject::connect(show, &QAction::triggered, panel, [dock, panel] {
        dock->show();
        dock->raise();
        if (auto *view = panel->findChild<QWidget *>(QStringLiteral("alertsView")))
            view->setFocus(Qt::ShortcutFocusReason);
    });
    if (QMenu *view = window.menu(QStringLiteral("viewMenu")))
        view->addAction(show);

    context->loadConfig();
    context->publishLinks();
    context->readRunbooks();

    // alerts.yaml is read again when saved (editors replace the file, so the folder is watched).
    auto *watcher = new QFileSystemWatcher(panel);
    watcher->addPath(dataDir);
    if (QFileInfo::exists(context->configPath))
        watcher->addPath(context->configPath);
    auto *reload = new QTimer(panel);
    reload->setSingleShot(true);
    reload->setInterval(300);
    auto stamp = std::make_shared<QString>();
    const auto stampOf = [path = context->configPath] {
        const QFileInfo info(path);
        return info.exists() ? QString::number(info.size()) + QLatin1Char('/') +
                                   QString::number(info.lastModified().toMSecsSinceEpoch())
                             : QString();
    };
    *stamp = stampOf();
    QObject::connect(watcher, &QFileSystemWatcher::directoryChanged, reload,
                     qOverload<>(&QTimer::start));
    QObject::connect(watcher, &QFileSystemWatcher::fileChanged, reload,
                     qOverload<>(&QTimer::start));
    QObject::connect(reload, &QTimer::timeout, panel, [context, watcher, stamp, stampOf] {
        const QString now = stampOf();
        if (now == *stamp)
            return;
        *stamp = now;
        if (QFileInfo::exists(context->configPath) &&
            !watcher->files().contains(context->configPath))
            watcher->addPath(context->configPath);
        context->loadConfig();
    });

    QObject::connect(
        &incident->service(), &incidents::IncidentService::incidentChanged, panel,
        [context] {
            context->links->refresh();
            context->publishLinks();
        },
        Qt::QueuedConnection);
    QObject::connect(monitor, &alerts::AlertMonitor::polled, panel, [context](const QString &name) {
        const alerts::SourceStatus status = context->monitor->source(name);
        if (status.state == alerts::SourceStatus::State::Up && !context->readOnly &&
            context->links->reconcile(name, status.alerts) > 0)
            context->publishLinks();
    });
    // The runbook reader indexes its folders after the window opens, and again on changes.
    QObject::connect(runbooks, &RunbookPanel::indexReady, panel,
                     [context] { context->readRunbooks(); });
    QObject::connect(
        monitor, &alerts::AlertMonitor::alertFired, panel,
        [context, tray = QPointer<DesktopTray>(tray)](const alerts::Alert &alert) {
            if (alert.state != alerts::AlertState::Firing ||
                alerts::severityRank(alert.severity()) != 0)
                return;
            log::get(log::Ui)->warn("critical alert {} fired", alert.alertname().toStdString());
            if (tray) {
                tray->notifyCriticalAlert(alert.alertname(), alert.summary());
                return;
            }
            context->say(
                QObject::tr("✖ CRITICAL alert %1: %2").arg(alert.alertname(), alert.summary()));
            QApplication::alert(context->window);
        });
    QObject::connect(panel, &AlertsPanel::openRunbookRequested, runbooks,
                     [runbooks](const QString &path, const QString &root) {
                         runbooks->openRunbook(path, root);
                     });
    QObject::connect(panel, &AlertsPanel::declareRequested, panel,
                     [context](const QList<alerts::Alert> &alerts) { context->declare(alerts); });
    QObject::connect(
        panel, &AlertsPanel::linkRequested, panel,
        [context](const QList<alerts::Alert> &alerts) { context->linkToOpenIncident(alerts); });
    QObject::connect(panel, &AlertsPanel::silenceRequested, panel,
                     [context](const alerts::Alert &alert) { context->silence(alert); });
    QObject::connect(panel, &AlertsPanel::expireRequested, panel,
                     [context](const alerts::Alert &alert) { context->expire(alert); });
    monitor->start();
    return panel;
}

} // namespace ic::ui
