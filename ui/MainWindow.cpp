#include "MainWindow.h"

#include "CommandPalette.h"
#include "EmptyState.h"
#include "IncidentHeader.h"
#include "SettingsDialog.h"
#include "ShortcutOverview.h"
#include "Theme.h"
#include "core/AsyncTask.h"
#include "core/Settings.h"
#include "health/HealthConfig.h"
#include "storage/Backups.h"
#include "storage/Database.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QStatusBar>
#include <QUrl>
#include <QVBoxLayout>

namespace ic::ui {
namespace {

// Bump when docks are added or renamed, so an old saved state is not forced onto them.
constexpr int layoutVersion = 1;

constexpr const char *geometryKey = "window/geometry";
constexpr const char *stateKey = "window/state";

const char *stateKeyOf(MainWindow::Mode mode)
{
    return mode == MainWindow::Mode::Peacetime ? "window/state_peacetime" : "window/state_wartime";
}

// Says in words, not colour alone, that nothing done in this window is saved, and why.
QLabel *createReadOnlyBanner(const QString &reason, QWidget *parent)
{
    auto *banner = new QLabel(
        MainWindow::tr("Read-only: the database is open read-only because %1. You can look at "
                       "everything, but changes are not saved.")
            .arg(reason),
        parent);
    banner->setObjectName(QStringLiteral("readOnlyBanner"));
    banner->setWordWrap(true);
    banner->setAccessibleName(MainWindow::tr("Read-only database"));
    return banner;
}

} // namespace

MainWindow::MainWindow(const WindowServices &services, QWidget *parent)
    : QMainWindow(parent), m_services(services),
      m_settings(std::make_unique<Settings>(services.dataDir)), m_header(new IncidentHeader(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Incident Console"));
    setDockOptions(AnimatedDocks | AllowTabbedDocks | AllowNestedDocks);

    auto *central = new QWidget(this);
    central->setObjectName(QStringLiteral("cockpit"));
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 6, 6, 0);
    layout->setSpacing(6);
    if (services.database && services.database->isReadOnly())
        layout->addWidget(createReadOnlyBanner(services.database->readOnlyReason(), central));
    layout->addWidget(m_header);
    m_runbooksArea =
        new EmptyState(tr("Runbooks"),
                       tr("The runbook index and reader live here: search every bundled runbook "
                          "and your own folders, offline, and copy commands in one click."),
                       central);
    m_runbooksArea->setObjectName(QStringLiteral("runbooksArea"));
    layout->addWidget(m_runbooksArea, 1);
    setCentralWidget(central);

    addAreaDock(Area::Checklist, tr("Checklist"), QStringLiteral("checklistDock"),
                Qt::LeftDockWidgetArea,
                new EmptyState(tr("No checklist yet"),
                               tr("Declaring an incident opens the commander's checklist: "
                                  "initial response, investigation, resolution and "
                                  "post-incident, each item with its deadline.")));
    addAreaDock(Area::Health, tr("Health"), QStringLiteral("healthDock"), Qt::RightDockWidgetArea,
                new EmptyState(tr("No health checks yet"),
                               tr("Live checks from health.yaml (HTTP, TCP, TLS, DNS, Redis, "
                                  "PostgreSQL, Prometheus, commands) show their state here.")));
    addAreaDock(Area::Drafts, tr("Drafts"), QStringLiteral("draftsDock"), Qt::RightDockWidgetArea,
                new EmptyState(tr("No drafts yet"),
                               tr("Announcements filled from the incident (initial alert, "
                                  "updates, resolution, postmortem) are prepared here.")));
    addAreaDock(Area::Timeline, tr("Timeline"), QStringLiteral("timelineDock"),
                Qt::BottomDockWidgetArea,
                new EmptyState(tr("The timeline is empty"),
                               tr("Every action during an incident lands here with its time: "
                                  "declaration, ticks, status changes, notes and messages.")));
    resize(1280, 800);
    createMenus();
    restoreLayout();
}

MainWindow::~MainWindow() = default;

CommandPalette *MainWindow::commandPalette()
{
    if (!m_palette)
        m_palette = new CommandPalette(this);
    return m_palette;
}

QDockWidget *MainWindow::addAreaDock(Area area, const QString &title, const QString &objectName,
                                     Qt::DockWidgetArea side, QWidget *content)
{
    auto *dock = new QDockWidget(title, this);
    dock->setObjectName(objectName);
    // Closable too: the View menu and Ctrl+K bring a hidden area back.
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable |
                      QDockWidget::DockWidgetClosable);
    dock->setWidget(content);
    dock->setAccessibleName(title);
    addDockWidget(side, dock);
    switch (area) {
    case Area::Checklist:
        m_checklistDock = dock;
        break;
    case Area::Health:
        m_healthDock = dock;
        break;
    case Area::Drafts:
        m_draftsDock = dock;
        break;
    case Area::Timeline:
        m_timelineDock = dock;
        break;
    case Area::Runbooks:
        break;
    }
    return dock;
}

void MainWindow::setAreaContent(Area area, QWidget *content)
{
    if (area == Area::Runbooks) {
        auto *layout = static_cast<QVBoxLayout *>(centralWidget()->layout());
        content->setObjectName(QStringLiteral("runbooksArea"));
        delete layout->replaceWidget(m_runbooksArea, content); // the old layout item is ours
        delete m_runbooksArea;
        m_runbooksArea = content;
        return;
    }
    const QMap<Area, QDockWidget *> docks{{Area::Checklist, m_checklistDock},
                                          {Area::Health, m_healthDock},
                                          {Area::Drafts, m_draftsDock},
                                          {Area::Timeline, m_timelineDock}};
    QDockWidget *dock = docks.value(area);
    delete dock->widget();
    dock->setWidget(content);
}

QWidget *MainWindow::areaContent(Area area) const
{
    if (area == Area::Runbooks)
        return m_runbooksArea;
    return dock(area)->widget();
}

QDockWidget *MainWindow::dock(Area area) const
{
    switch (area) {
    case Area::Runbooks:
        break;
    case Area::Checklist:
        return m_checklistDock;
    case Area::Health:
        return m_healthDock;
    case Area::Drafts:
        return m_draftsDock;
    case Area::Timeline:
        return m_timelineDock;
    }
    return nullptr;
}

void MainWindow::showArea(Area area)
{
    if (QDockWidget *areaDock = dock(area)) {
        areaDock->show();
        areaDock->raise();
    }
}

void MainWindow::setAction(Action role, QAction *action)
{
    addAction(action);
    m_actions.insert(role, action);
}

QAction *MainWindow::action(Action role) const
{
    return m_actions.value(role);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->setObjectName(QStringLiteral("fileMenu"));
    QAction *backup = file->addAction(tr("&Back up database now"), this, &MainWindow::backUpNow);
    backup->setObjectName(QStringLiteral("backupAction"));
    QAction *preferences = file->addAction(tr("&Settings…"), this, [this] {
        auto *dialog = new SettingsDialog(*m_settings, m_services.dataDir, this,
                                          m_services.database && !m_services.database->isReadOnly()
                                              ? m_services.database->path()
                                              : QString());
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &SettingsDialog::themeChanged, this,
                [](const QString &theme) { applyTheme(*qApp, theme); });
        connect(dialog, &QDialog::accepted, this, &MainWindow::settingsSaved);
        dialog->open();
    });
    preferences->setObjectName(QStringLiteral("settingsAction"));
    preferences->setShortcut(QKeySequence::Preferences);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *incident = menuBar()->addMenu(tr("&Incident"));
    incident->setObjectName(QStringLiteral("incidentMenu"));

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    // Made on first use: a dialog the first frame never shows.
    QAction *palette =
        view->addAction(tr("Command &palette…"), this, [this] { commandPalette()->open(); });
    palette->setObjectName(QStringLiteral("paletteAction"));
    palette->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    QAction *runbooks = view->addAction(tr("Browse &runbooks"), this, [this] {
        if (auto *search = m_runbooksArea->findChild<QWidget *>(QStringLiteral("runbookSearch")))
            search->setFocus(Qt::ShortcutFocusReason);
    });
    runbooks->setObjectName(QStringLiteral("browseRunbooksAction"));
    runbooks->setShortcut(QKeySequence::Find);
    QAction *health = view->addAction(tr("Set up &health checks…"), this, [this] {
        // Raised too: it shares its place with the Alerts dock, which may be in front.
        showArea(Area::Health);
        const QString path = health::healthConfigPath(m_services.dataDir);
        if (!QDesktopServices::openUrl(QUrl::fromLocalFile(path)))
            statusBar()->showMessage(tr("Edit %1 with a text editor; the board follows its "
                                        "changes.")
                                         .arg(path));
    });
    health->setObjectName(QStringLiteral("editHealthConfigAction"));
    health->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H));
    m_header->addFirstStep(runbooks, tr("The bundled runbooks and your own folders, offline."));
    m_header->addFirstStep(health, tr("Your services in health.yaml, live on the Health board."));
    view->addSeparator();
    for (QDockWidget *dock : {m_checklistDock, m_healthDock, m_draftsDock, m_timelineDock}) {
        QAction *toggle = dock->toggleViewAction();
        toggle->setText(tr("Show %1").arg(dock->windowTitle()));
        view->addAction(toggle);
    }

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("helpMenu"));
    QAction *shortcuts = help->addAction(tr("&Keyboard shortcuts"), this, [this] {
        auto *overview = new ShortcutOverview(this);
        overview->setAttribute(Qt::WA_DeleteOnClose);
        overview->open();
    });
    shortcuts->setObjectName(QStringLiteral("shortcutsAction"));
    shortcuts->setShortcut(QKeySequence::HelpContents);
    help->addAction(tr("&About Incident Console"), this, [this] {
        QMessageBox::about(
            this, tr("About Incident Console"),
            tr("<b>Incident Console %1</b><p>Runbooks, the commander's checklist, "
               "health checks and announcements, offline.</p><p>Data: %2</p>")
                .arg(QStringLiteral(INCIDENT_CONSOLE_VERSION), m_services.dataDir.toHtmlEscaped()));
    });
}

QMenu *MainWindow::menu(const QString &objectName) const
{
    return menuBar()->findChild<QMenu *>(objectName);
}

void MainWindow::backUpNow()
{
    if (!m_services.database)
        return;
    statusBar()->showMessage(tr("Backing up…"));
    const QString path = m_services.database->path();
    // VACUUM INTO reads the whole database: a pool thread with its own connection does it.
    runAsync(
        this,
        [path]() -> Result<QString> {
            QString error;
            QString written;
            if (auto database = Database::openAdditional(path, &error)) {
                const Backups backups(QFileInfo(path).dir().filePath(QStringLiteral("backups")));
                written =
                    backups.writeRotated(database->connection(), QStringLiteral("manual"), &error);
            }
            if (written.isEmpty())
                return failure(error);
            return written;
        },
        [this](const Result<QString> &written) {
            statusBar()->showMessage(written ? tr("Backup written to %1").arg(written.value())
                                             : tr("Backup failed: %1").arg(written.error()),
                                     15000);
        });
}

void MainWindow::restoreLayout()
{
    restoreGeometry(m_settings->raw(geometryKey).toByteArray());
    if (restoreState(m_settings->raw(stateKey).toByteArray(), layoutVersion))
        return;
    // First start: most of the screen, with the runbooks in the middle getting the most room
    // and the side areas wide enough to read a checklist item or a check on one line.
    if (const QScreen *screen = this->screen()) {
        const QRect available = screen->availableGeometry();
        resize(available.size() * 0.92);
        move(available.center() - rect().center());
    }
    // The checklist gets the widest side: its item texts are what the commander reads most.
    resizeDocks({m_checklistDock, m_healthDock}, {width() * 3 / 10, width() * 7 / 25},
                Qt::Horizontal);
    resizeDocks({m_healthDock, m_draftsDock, m_timelineDock},
                {height() * 2 / 5, height() * 2 / 5, height() / 5}, Qt::Vertical);
}

void MainWindow::saveLayout()
{
    m_settings->setRaw(geometryKey, saveGeometry());
    m_settings->setRaw(stateKey, saveState(layoutVersion));
    if (m_mode)
        m_settings->setRaw(stateKeyOf(*m_mode), saveState(layoutVersion));
    m_settings->sync();
}

void MainWindow::setMode(Mode mode)
{
    if (m_mode == mode)
        return;
    if (m_mode)
        m_settings->setRaw(stateKeyOf(*m_mode), saveState(layoutVersion));
    m_mode = mode;
    if (!restoreState(m_settings->raw(stateKeyOf(mode)).toByteArray(), layoutVersion))
        applyDefaultLayout(mode);
}

void MainWindow::applyDefaultLayout(Mode mode)
{
    // Peacetime: no empty checklist, drafts or timeline taking the room the runbooks and the
    // health board need. Wartime: the whole cockpit.
    const bool wartime = mode == Mode::Wartime;
    for (QDockWidget *cockpitDock : {m_checklistDock, m_draftsDock, m_timelineDock})
        cockpitDock->setVisible(wartime);
    // In front of the Alerts tab it shares a place with, until the user picks Alerts.
    m_healthDock->show();
    m_healthDock->raise();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    event->accept();
}

} // namespace ic::ui
