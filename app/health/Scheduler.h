#pragma once

#include "CheckDefinition.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QRandomGenerator>
#include <QTimer>
#include <deque>
#include <functional>

namespace ic::health {

class Probe;

// Runs checks at a fixed rate on the Qt event loop. Each check gets a random phase within
// its interval so a thousand checks with the same interval do not fire together; a
// concurrency cap bounds the probes in flight, and a FIFO queue makes sure every due check
// gets its turn (none can be starved). A check still running when it is due again skips that
// run instead of piling up. Clocks are injectable so tests can drive time.
class Scheduler : public QObject
{
    Q_OBJECT
public:
    using Clock = std::function<qint64()>; // milliseconds
    using ProbeFactory = std::function<Probe *(const CheckDefinition &, QObject *parent)>;

    static constexpr int defaultMaxConcurrent = 128;
    static constexpr qint64 tickMs = 100;
    // A tick later than this, or wall and monotonic time drifting apart by this much, means
    // the machine slept or the clock jumped: the observer was impaired, not the targets.
    static constexpr qint64 impairedGapMs = 5000;

    explicit Scheduler(ProbeFactory factory, QObject *parent = nullptr);
    ~Scheduler() override;

    void setClocks(Clock monotonic, Clock wall);
    void setMaxConcurrent(int count) { m_maxConcurrent = std::max(1, count); }
    void setRandomSeed(quint32 seed) { m_random.seed(seed); }
    // Replaces the checks; one whose name stays keeps its schedule.
    void setChecks(const QList<CheckDefinition> &checks);

    void start();
    void stop();
    // One scheduling step: queue due checks, start as many as the cap allows.
    void tick();
    // Runs name as soon as a slot is free, ahead of the queue.
    void probeNow(const QString &name);

    int runningCount() const { return m_running; }
    int queuedCount() const { return int(m_queue.size()); }

Q_SIGNALS:
    // lagMs: how late the probe started against its schedule (queueing, a busy loop).
    void resultReady(const ic::health::CheckResult &result, qint64 lagMs);
    void observerImpaired(qint64 gapStartWallMs, qint64 gapEndWallMs);

private:
    struct Entry
    {
        CheckDefinition check;
        qint64 nextDue = 0;
        qint64 phase = 0;
        qint64 dueAt = 0; // the schedule slot of the queued or running run
        bool queued = false;
        bool running = false;
        quint64 generation = 0;
    };

    void dispatch();
    void launch(const QString &name);
    qint64 firstDue(qint64 now, qint64 intervalMs);

    ProbeFactory m_factory;
    Clock m_monotonic;
    Clock m_wall;
    QTimer m_timer;
    QRandomGenerator m_random;
    QHash<QString, Entry> m_entries;
    std::deque<QString> m_queue;
    int m_running = 0;
    int m_maxConcurrent = defaultMaxConcurrent;
    qint64 m_lastTickMonotonic = -1;
    qint64 m_lastTickWall = -1;
    // Results of probes started before an impaired gap are dropped: they timed out because
    // the observer slept, which says nothing about the target.
    quint64 m_generation = 0;
};

} // namespace ic::health
