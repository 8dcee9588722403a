#include "GuiLauncher.h"

#include "ActiveIncident.h"
#include "AlertsFeature.h"
#include "DatabaseProblemDialog.h"
#include "DesktopTray.h"
#include "EscalationStrip.h"
#include "FeatureLinks.h"
#include "FirstPaintProbe.h"
#include "HealthBoard.h"
#include "IncidentCockpit.h"
#include "MainWindow.h"
#include "Theme.h"
#include "WritableAgainWatch.h"
#include "alerts/AlertsConfig.h"
#include "core/AsyncTask.h"
#include "core/DataDir.h"
#include "core/Logging.h"
#include "core/ProcessClock.h"
#include "core/Settings.h"
#include "core/SingleInstance.h"
#include "health/HealthConfig.h"
#include "health/HealthMonitor.h"
#include "runbooks/RunbookLibrary.h"
#include "storage/Backups.h"
#include "storage/Database.h"
#include "storage/DatabaseFile.h"
#include "storage/WriteAccess.h"
#include "ui/runbooks/RunbookPanel.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QIcon>
#include <QMessageBox>
#include <QTimer>

namespace ic::ui {
namespace {

void showFatal(const QString &text)
{
    log::get(log::Ui)->error("{}", text.toStdString());
    if (DatabaseProblemDialog::answerForTests)
        return;
    QMessageBox::critical(nullptr, QApplication::translate("GuiLauncher", "Incident Console"),
                          text);
}

// Something was set aside while opening (a damaged -wal): the user hears of it, once.
void showNotice(const QString &text)
{
    if (text.isEmpty())
        return;
    log::get(log::Ui)->warn("{}", text.toStdString());
    if (DatabaseProblemDialog::answerForTests)
        return;
    QMessageBox::warning(nullptr, QApplication::translate("GuiLauncher", "Incident Console"), text);
}

std::unique_ptr<Database> openReadOnlyForGui(const QString &path, const QString &reason)
{
    DatabaseOpenResult result;
    auto database = Database::openReadOnly(path, reason, &result);
    if (!database)
        showFatal(result.message);
    else
        log::get(log::Storage)
            ->warn("{} opened read-only: {}", path.toStdString(), reason.toStdString());
    return database;
}

} // namespace

std::unique_ptr<Database> openDatabaseForGui(const QString &path)
{
    if (const QString readOnly = whyNotWritable(path); !readOnly.isEmpty())
        return openReadOnlyForGui(path, readOnly);
    DatabaseOpenResult result;
    auto database = Database::open(path, &result);
    if (database) {
        showNotice(result.notice);
        return database;
    }
    // A full disk is not a damaged file: show what is stored and say how to get back to
    // writing, never offer to move a healthy database aside.
    if (result.status == DatabaseOpenResult::Status::NoSpace)
        return openReadOnlyForGui(
            path, whyNoRoomToOpen(path) +
                      QStringLiteral(" (once there is room, the console goes back to writing by "
                                     "itself)"));
    QList<DatabaseProblemChoice> offered;
    if (result.status == DatabaseOpenResult::Status::NewerSchema && result.readableReadOnly)
        offered << DatabaseProblemChoice::OpenReadOnly;
    if (result.status == DatabaseOpenResult::Status::NotADatabase ||
        result.status == DatabaseOpenResult::Status::NewerSchema)
        offered << DatabaseProblemChoice::MoveAsideAndStartFresh;
    if (offered.isEmpty()) {
        showFatal(result.message);
        return nullptr;
    }
    offered << DatabaseProblemChoice::Quit;
    switch (DatabaseProblemDialog::ask(result.message, offered)) {
    case DatabaseProblemChoice::Quit:
        return nullptr;
    case DatabaseProblemChoice::OpenReadOnly:
        return openReadOnlyForGui(
            path, QStringLiteral("it was written by a newer console (schema version %1); this "
                                 "version only shows it")
                      .arg(result.fileVersion));
    case DatabaseProblemChoice::MoveAsideAndStartFresh:
        break;
    }
    QString error;
    const QString movedTo = moveDatabaseAside(path, &error);
    if (movedTo.isEmpty()) {
        showFatal(error);
        return nullptr;
    }
    log::get(log::Storage)
        ->warn("moved unreadable {} to {}", path.toStdString(), movedTo.toStdString());
    database = Database::open(path, &result);
    if (!database)
        showFatal(result.message);
    return database;
}

namespace {

void applyStyle(QApplication &app)
{
    QFile style(QStringLiteral(":/style/console.qss"));
    if (style.open(QIODevice::ReadOnly))
        app.setStyleSheet(QString::fromUtf8(style.readAll()));
    app.setWindowIcon(QIcon(QStringLiteral(":/icons/incident-console.svg")));
}

} // namespace

namespace {

// Where the time before the first frame goes: --log-level ui=debug.
void startupStep(const char *step)
{
    log::get(log::Ui)->debug("startup: {} at {} ms", step, millisecondsSinceProcessStart());
}

} // namespace

ActiveIncident *assembleWindow(MainWindow &window, Database &database,
                               health::HealthMonitor &monitor, const QString &dataDir,
                               const QStringList &runbookDirs)
{
    auto *runbookPanel = new RunbookPanel(
        database.path(),
        runbooks::runbookRoots(runbookDirs + Settings(dataDir).get(settings::runbookFolders)));
    window.setAreaContent(MainWindow::Area::Runbooks, runbookPanel);
    auto *healthBoard = new HealthBoard(&monitor, dataDir);
    window.setAreaContent(MainWindow::Area::Health, healthBoard);
    startupStep("runbooks and health docks made");
    ActiveIncident *incident = installIncidentCockpit(window, database, dataDir);
    startupStep("incident cockpit installed");
    installDrafts(window, incident, dataDir);
    startupStep("drafts installed");
    installEscalation(window, incident, dataDir, runbookDirs);
    linkHealth(window, monitor, healthBoard, runbookPanel, incident);
    linkRunbookTasks(runbookPanel, incident);
    DesktopTray *tray = installTray(window, &monitor, incident, dataDir);
    startupStep("escalation and tray installed");
    installAlerts(window, database, incident, runbookPanel, tray, dataDir);
    startupStep("alerts installed");
    followIncidentWithLayout(window, incident);
    return incident;
}

bool displayAvailable()
{
    return !qEnvironmentVariableIsEmpty("DISPLAY") ||
           !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") ||
           !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
}

namespace {

// What runWindow returns when its read-only database can be written again.
constexpr int reopenForWriting = 1000;

int runWindow(const cli::GlobalOptions &options, QTextStream &out, SingleInstance &instance,
              const QString &dataDirPath, Database &database, bool mayBecomeWritable);

} // namespace

int runGui(const cli::GlobalOptions &options, QTextStream &out, QTextStream &err)
{
    if (!cli::startLogging(options, err))
        return cli::UsageError;
    startupStep("logging started");
    const DataDirChoice dataDir = resolveDataDir(options.dataDir);
    if (const Result<void> ready = ensureDataDir(dataDir.path); !ready) {
        showFatal(ready.error());
        return cli::DataError;
    }
    // The startup probe measures a window, not a hand-over to one already running.
    SingleInstance instance(dataDir.path);
    if (!options.exitAfterFirstPaint && !options.exitWhenUsable && !instance.claim()) {
        out << "incident-console: already running for " << dataDir.path
            << "; its window was brought forward" << Qt::endl;
        return cli::Success;
    }
    startupStep("data dir ready");
    auto *app = qobject_cast<QApplication *>(QCoreApplication::instance());
    const QString path = QDir(dataDir.path).filePath(Database::defaultFileName());
    for (;;) {
        // A full disk or a read-only directory ends by itself: the window then opens again,
        // for writing. Known before opening, so a file that is only read-only because a newer
        // console wrote it is never reopened in a loop.
        const bool blockedByDisk =
            !whyNotWritable(path).isEmpty() || !whyNoRoomToOpen(path).isEmpty();
        auto database = openDatabaseForGui(path);
        if (!database)
            return cli::DataError;
        startupStep("database open");
        applyTheme(*app, Settings(dataDir.path).get(settings::theme));
        applyStyle(*app);
        startupStep("style applied");
        const int code = runWindow(options, out, instance, dataDir.path, *database,
                                   database->isReadOnly() && blockedByDisk);
        if (code != reopenForWriting)
            return code;
        log::get(log::Storage)->info("{} is writable again: reopening it", path.toStdString());
    }
}

namespace {

int runWindow(const cli::GlobalOptions &options, QTextStream &out, SingleInstance &instance,
              const QString &dataDirPath, Database &database, bool mayBecomeWritable)
{
    auto *app = qobject_cast<QApplication *>(QCoreApplication::instance());
    health::HealthMonitor healthMonitor(health::healthConfigPath(dataDirPath), database.path());
    MainWindow window({&database, dataDirPath, options.runbookDirs});
    startupStep("main window made");
    assembleWindow(window, database, healthMonitor, dataDirPath, options.runbookDirs);
    startupStep("window assembled");
    afterFirstPaint(&window, [] { startupStep("first frame painted"); });
    auto *runbookPanel = window.findChild<RunbookPanel *>();
    if (options.exitAfterFirstPaint)
        new FirstPaintProbe(&window, out);
    if (options.exitWhenUsable) {
        auto *usable = new UsableProbe(&window, out);
        QObject::connect(runbookPanel, &RunbookPanel::runbooksShown, usable,
                         [usable] { usable->markReady(UsableProbe::RunbookList); });
        QObject::connect(&healthMonitor, &health::HealthMonitor::checksChanged, usable,
                         [usable] { usable->markReady(UsableProbe::HealthBoard); });
    }
    // The first frame shows the window and what the database holds; the health checks, the
    // runbook scan (RunbookPanel starts itself after its first paint) and the daily backup
    // begin once it is on screen.
    // --exit-after-first-paint measures the first frame and leaves: none of it is started.
    if (!options.exitAfterFirstPaint)
        afterFirstPaint(&window, [&healthMonitor, &window, dataDirPath, &database] {
            if (const QString problem = health::ensureDefaultHealthConfig(dataDirPath);
                !problem.isEmpty())
                log::get(log::Health)->warn("{}", problem.toStdString());
            if (const QString problem = alerts::ensureDefaultAlertsConfig(dataDirPath);
                !problem.isEmpty())
                log::get(log::Ui)->warn("{}", problem.toStdString());
            healthMonitor.start();
            // A daily safety copy, written on a pool thread with its own connection; failures
            // are logged by writeDailyIfDue itself. Later still: it reads the whole database,
            // which the window's own start needs the disk for.
            if (!database.isReadOnly())
                QTimer::singleShot(std::chrono::seconds(30), &window, [&window, &database] {
                    runAsync(
                        &window,
                        [path = database.path()] { return Backups::writeDailyIfDue(path); },
                        [](const Result<QString> &written) {
                            if (written && !written.value().isEmpty())
                                log::get(log::Storage)
                                    ->info("daily backup written to {}",
                                           written.value().toStdString());
                        });
                });
        });
    if (mayBecomeWritable) {
        auto *watch = new WritableAgainWatch(database.path(), std::chrono::seconds(3), &window);
        QObject::connect(watch, &WritableAgainWatch::writable, &window, [&window] {
            // Closing saves the layout; the loop in runGui opens the database again.
            window.close();
            QCoreApplication::exit(reopenForWriting);
        });
    }
    window.show();
    startupStep("window shown");
    QObject::connect(&instance, &SingleInstance::activationRequested, &window, [&window] {
        log::get(log::Ui)->info("brought forward by a second launch");
        window.setWindowState((window.windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
        window.show();
        window.raise();
        window.activateWindow();
    });
    log::get(log::Ui)->info("window shown, data dir {}", dataDirPath.toStdString());
    return app->exec();
}

} // namespace

} // namespace ic::ui
