#pragma once

#include <QHash>
#include <QTimer>
#include <QWidget>

class QLabel;
class QVBoxLayout;

namespace ic::health {
class HealthMonitor;
}

namespace ic::ui {

class HealthTile;

// The health board: tiles grouped by their group, live from the monitor, with the
// config's problems listed on top (the valid checks run regardless).
class HealthBoard : public QWidget
{
    Q_OBJECT
public:
    explicit HealthBoard(health::HealthMonitor *monitor, QWidget *parent = nullptr);

    HealthTile *tile(const QString &name) const { return m_tiles.value(name); }
    // Opens (or raises) the detail view of a check.
    void showDetails(const QString &name);

Q_SIGNALS:
    void runbookRequested(const QString &runbookId);

private:
    void rebuild();
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
    QTimer m_clock;
};

} // namespace ic::ui
