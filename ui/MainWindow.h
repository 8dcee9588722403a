#pragma once

#include <QMainWindow>
#include <memory>

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

    explicit MainWindow(const WindowServices &services, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Replaces an area's content (its empty state until a feature provides one).
    void setAreaContent(Area area, QWidget *content);
    QWidget *areaContent(Area area) const;

    void saveLayout();

    // Features add their runbooks, checks, ... to Ctrl+K here.
    CommandPalette *commandPalette() const { return m_palette; }
    // The window's menus, for features to add their actions to.
    QMenu *menu(const QString &objectName) const;

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    QDockWidget *addAreaDock(Area area, const QString &title, const QString &objectName,
                             Qt::DockWidgetArea side, QWidget *content);
    void restoreLayout();
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
};

} // namespace ic::ui
