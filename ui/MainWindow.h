#pragma once

#include <QHash>
#include <QMainWindow>
#include <memory>
#include <optional>

class QAction;
class QDockWidget;
class QMenu;

namespace ic {
class Database;
class Settings;
} // namespace ic

namespace ic::ui {

class CommandPalette;
class IncidentHeader;

// What the window works on. Owned by the launcher, outlives the window.
struct WindowServices
{
    Database *database = nullptr;
    QString dataDir;
    QStringList runbookDirs;
};

// The cockpit: the incident header on top, the runbook area in the middle and one dock per
// working area around it. Docks and geometry are remembered per data dir.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    enum class Area
    {
        Runbooks,
        Checklist,
        Health,
        Drafts,
        Timeline
    };

    // Actions that features provide and other features trigger (the tray, the palette).
    enum class Action
    {
        Declare,
        CopyDraft
    };

    // Before an incident the window is a runbook browser and health board; during one, the
    // cockpit with checklist, drafts and timeline. Each mode keeps the user's own arrangement.
    enum class Mode
    {
        Peacetime,
        Wartime
    };

    explicit MainWindow(const WindowServices &services, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Replaces an area's content (its empty state until a feature provides one).
    void setAreaContent(Area area, QWidget *content);
    QWidget *areaContent(Area area) const;

    void saveLayout();
    // Keeps the arrangement of the mode it leaves and brings back the new mode's: as the user
    // left it there, or the mode's default. Until the first call every dock shows.
    void setMode(Mode mode);
    std::optional<Mode> mode() const { return m_mode; }

    // The header strip on top (severity, title, clocks), where features add rows.
    IncidentHeader *header() const { return m_header; }
    // The dock that holds an area; nullptr for the central runbook area.
    QDockWidget *dock(Area area) const;
    // Shows and raises an area's dock.
    void showArea(Area area);
    // Registers an action under its role (adding it to the window's shortcuts), and finds it;
    // nullptr until the feature that owns it is installed.
    void setAction(Action role, QAction *action);
    QAction *action(Action role) const;

    // Features add their runbooks, checks, ... to Ctrl+K here.
    CommandPalette *commandPalette();
    // The window's menus, for features to add their actions to.
    QMenu *menu(const QString &objectName) const;

Q_SIGNALS:
    // The Settings dialog stored new preferences.
    void settingsSaved();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    QDockWidget *addAreaDock(Area area, const QString &title, const QString &objectName,
                             Qt::DockWidgetArea side, QWidget *content);
    void restoreLayout();
    void applyDefaultLayout(Mode mode);
    void createMenus();
    void backUpNow();

    WindowServices m_services;
    std::unique_ptr<Settings> m_settings;
    IncidentHeader *m_header;
    QWidget *m_runbooksArea = nullptr;
    QDockWidget *m_checklistDock = nullptr;
    QDockWidget *m_healthDock = nullptr;
    QDockWidget *m_draftsDock = nullptr;
    QDockWidget *m_timelineDock = nullptr;
    CommandPalette *m_palette = nullptr;
    QHash<Action, QAction *> m_actions;
    std::optional<Mode> m_mode;
};

} // namespace ic::ui
