#pragma once

#include <QHash>
#include <QSet>
#include <QTimer>
#include <QWidget>

class QLabel;
class QStackedWidget;
class QToolButton;
class QVBoxLayout;

namespace ic::health {
class HealthMonitor;
}

namespace ic::ui {

class HealthGrid;
class HealthTile;

// The health board, live from the monitor, with the config's problems listed on top (the
// valid checks run regardless), in one of two views:
// - the grid (HealthGrid): every check as a small cell, worst first, filtered by text, group
//   and state; where a board of more than gridFrom checks starts;
// - tiles grouped by their group, each with its message, sparkline and buttons. A board of
//   more than maxExpandedChecks starts with its groups folded, each heading counting its
//   states: a tile is a dozen widgets, and thousands of them cost seconds and hundreds of
//   megabytes for nobody to scroll through. Tiles exist only while the tile view shows and
//   their group is unfolded.
// The user's choice of view is kept in the data dir's settings, when one is given.
class HealthBoard : public QWidget
{
    Q_OBJECT
public:
    static constexpr int maxExpandedChecks = 200;
    static constexpr int gridFrom = 25;

    enum class View
    {
        Grid,
        Tiles
    };

    explicit HealthBoard(health::HealthMonitor *monitor, const QString &settingsDir = {},
                         QWidget *parent = nullptr);

    View view() const { return m_view; }
    // The user's choice: kept, and no longer decided by the number of checks.
    void setView(View view);
    HealthGrid *grid() const { return m_grid; }

    // The check's tile, or nothing while its group is folded.
    HealthTile *tile(const QString &name) const { return m_tiles.value(name); }
    // Unfolds or folds a group (its heading's button does the same).
    void setGroupExpanded(const QString &group, bool expanded);
    bool isGroupExpanded(const QString &group) const { return !m_folded.contains(group); }
    // Opens (or raises) the detail view of a check.
    void showDetails(const QString &name);

Q_SIGNALS:
    void runbookRequested(const QString &runbookId);

private:
    struct Group
    {
        QStringList members;
        QWidget *tiles = nullptr;
        QLabel *counts = nullptr;
        QToolButton *toggle = nullptr;
    };

    void rebuild();
    void showView(View view);
    void fillGroup(const QString &group);
    void updateToggle(const QString &group);
    void refreshTile(const QString &name);
    void refreshAll();
    void updateSummary();

    health::HealthMonitor *m_monitor;
    QLabel *m_problems;
    QLabel *m_summary;
    QLabel *m_observerNote;
    QWidget *m_tilesArea;
    QVBoxLayout *m_tilesLayout;
    QStackedWidget *m_views;
    HealthGrid *m_grid;
    QToolButton *m_gridButton;
    QToolButton *m_tilesButton;
    QString m_settingsDir;
    View m_view = View::Tiles;
    bool m_viewChosen = false;
    QHash<QString, HealthTile *> m_tiles;
    QHash<QString, Group> m_groups;
    QSet<QString> m_folded;
    QSet<QString> m_seenGroups;
    QTimer m_clock;
    QTimer m_summaryDue;
};

} // namespace ic::ui
