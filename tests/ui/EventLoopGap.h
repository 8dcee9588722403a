#pragma once

// Measures how long the UI thread's event loop went without turning: a 1 ms timer notes the
// longest time between two of its ticks. A window that stalls shows it here as a long gap.

#include <QElapsedTimer>
#include <QTimer>

namespace ic::test {

class EventLoopGap
{
public:
    EventLoopGap()
    {
        m_timer.setInterval(1);
        m_timer.setTimerType(Qt::PreciseTimer);
        QObject::connect(&m_timer, &QTimer::timeout,
                         [this] { m_longest = std::max(m_longest, m_sinceTick.restart()); });
        m_sinceTick.start();
        m_timer.start();
    }

    // The longest gap so far, counting the one still open.
    qint64 longestMs() const { return std::max(m_longest, m_sinceTick.elapsed()); }

private:
    QTimer m_timer;
    QElapsedTimer m_sinceTick;
    qint64 m_longest = 0;
};

} // namespace ic::test
