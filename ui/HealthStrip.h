#pragma once

#include <QTimer>
#include <QWidget>

class QHBoxLayout;
class QLabel;
class QToolButton;

namespace ic::health {
class HealthMonitor;
}

namespace ic::ui {

// The health picture in the cockpit header: one small chip per group, worst first, each
// saying its state with icon and word (never colour alone), how many of its checks are not
// OK, and the last messages in its tooltip. A click opens the worst check's details, or
// the board when the whole group is fine.
class HealthStrip : public QWidget
{
    Q_OBJECT
public:
    // More groups than this collapse the healthiest into one "+N more" chip.
    static constexpr int maxChips = 8;
    // Checks named in a chip's tooltip; the rest are counted.
    static constexpr int maxTooltipLines = 8;

    explicit HealthStrip(health::HealthMonitor *monitor, QWidget *parent = nullptr);

public Q_SLOTS:
    void refresh();

Q_SIGNALS:
    void detailsRequested(const QString &checkName);
    void boardRequested();

private:
    QToolButton *chip(int index);

    health::HealthMonitor *m_monitor;
    QHBoxLayout *m_chips;
    QLabel *m_empty;
    QToolButton *m_more;
    QList<QToolButton *> m_chipButtons;
    // Results arrive one check at a time; one refresh covers a burst of them.
    QTimer m_coalesce;
    // STALE appears without any new result.
    QTimer m_clock;
};

} // namespace ic::ui
