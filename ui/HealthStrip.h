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

    // Never asks for the room of all its chips: those that do not fit the width it gets are
    // counted in "+N more", so the strip cannot push the window past the screen.
    QSize minimumSizeHint() const override;

public Q_SLOTS:
    void refresh();

Q_SIGNALS:
    void detailsRequested(const QString &checkName);
    void boardRequested();

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    QToolButton *chip(int index);
    // Shows the prepared chips that fit the width, worst first, and counts the rest.
    void fitChips();

    health::HealthMonitor *m_monitor;
    QHBoxLayout *m_chips;
    QLabel *m_empty;
    QToolButton *m_more;
    QList<QToolButton *> m_chipButtons;
    QLabel *m_title;
    int m_prepared = 0; // chips holding a group, worst first
    int m_groups = 0;   // groups in all
    // Results arrive one check at a time; one refresh covers a burst of them.
    QTimer m_coalesce;
    // STALE appears without any new result.
    QTimer m_clock;
};

} // namespace ic::ui
