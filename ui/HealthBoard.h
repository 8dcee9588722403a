#pragma once

#include <QHash>
#include <QSet>
#include <QTimer>
#include <QWidget>

class QLabel;
class QToolButton;
class QVBoxLayout;

namespace ic::health {
class HealthMonitor;
}

namespace ic::ui {

class HealthTile;

// The health board: tiles grouped by their group, live from the monitor, with the
// config's problems listed on top (the valid checks run regardless). A board of more than
// maxExpandedChecks starts with its groups folded, each heading counting its states: a tile
// is a dozen widgets, and thousands of them cost seconds and hundreds of megabytes for
// nobody to scroll through. A group's tiles exist while it is unfolded.
class HealthBoard : public QWidget
{
    Q_OBJECT
public:
    static constexpr int maxExpandedChecks = 200;

    explicit HealthBoard(health::HealthMonitor *monitor, QWidget *parent = nullptr);

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
    QHash<QString, HealthTile *> m_tiles;
    QHash<QString, Group> m_groups;
    QSet<QString> m_folded;
    QSet<QString> m_seenGroups;
    QTimer m_clock;
};

} // namespace ic::ui
