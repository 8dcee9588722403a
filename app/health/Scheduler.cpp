#include "Scheduler.h"

#include "Evaluation.h"
#include "probes/Probe.h"

#include <QDateTime>

namespace ic::health {

Scheduler::Scheduler(ProbeFactory factory, QObject *parent)
    : QObject(parent), m_factory(std::move(factory)), m_random(QRandomGenerator::securelySeeded())
{
    auto monotonic = std::make_shared<QElapsedTimer>();
    monotonic->start();
    m_monotonic = [monotonic] {
        return monotonic->elapsed();
    };
    m_wall = [] {
        return QDateTime::currentMSecsSinceEpoch();
    };
    m_timer.setInterval(int(tickMs));
    m_timer.setTimerType(Qt::CoarseTimer);
    connect(&m_timer, &QTimer::timeout, this, &Scheduler::tick);
}

Scheduler::~Scheduler() = default;

void Scheduler::setClocks(Clock monotonic, Clock wall)
{
    m_monotonic = std::move(monotonic);
    m_wall = std::move(wall);
}

qint64 Scheduler::firstDue(qint64 now, qint64 intervalMs)
{
    // The first run comes soon (a fresh console shows live states at once), spread over a
    // couple of seconds; the phase then spreads later runs over the whole interval.
    return now + qint64(m_random.bounded(quint32(std::min<qint64>(intervalMs, 2000))));
}

void Scheduler::setChecks(const QList<CheckDefinition> &checks)
{
    const qint64 now = m_monotonic();
    QHash<QString, Entry> entries;
    for (const CheckDefinition &check : checks) {
        if (!check.enabled)
            continue;
        const qint64 interval = std::max<qint64>(1, check.interval.count());
        auto previous = m_entries.find(check.name);
        Entry entry;
        if (previous != m_entries.end()) {
            entry = *previous;
            if (entry.check.interval != check.interval)
                entry.nextDue = firstDue(now, interval);
        } else {
            entry.nextDue = firstDue(now, interval);
            entry.phase = qint64(m_random.bounded(quint32(std::min<qint64>(interval, INT32_MAX))));
        }
        entry.check = check;
        entries.insert(check.name, entry);
    }
    m_entries = std::move(entries);
    std::erase_if(m_queue, [this](const QString &name) { return !m_entries.contains(name); });
}

void Scheduler::start()
{
    m_lastTickMonotonic = -1;
    m_timer.start();
    tick();
}

void Scheduler::stop()
{
    m_timer.stop();
}

void Scheduler::tick()
{
    const qint64 now = m_monotonic();
    const qint64 wall = m_wall();
    if (m_lastTickMonotonic >= 0) {
        const qint64 monotonicStep = now - m_lastTickMonotonic;
        const qint64 wallStep = wall - m_lastTickWall;
        if (monotonicStep > impairedGapMs || std::abs(wallStep - monotonicStep) > impairedGapMs) {
            ++m_generation;
            for (Entry &entry : m_entries) {
                entry.running = false;
                entry.queued = false;
                entry.nextDue = firstDue(now, entry.check.interval.count());
            }
            m_queue.clear();
            m_running = 0;
            Q_EMIT observerImpaired(m_lastTickWall, wall);
        }
    }
    m_lastTickMonotonic = now;
    m_lastTickWall = wall;

    for (auto it = m_entries.begin(); it != m_entries.end(); ++it) {
        Entry &entry = it.value();
        if (entry.nextDue > now)
            continue;
        if (!entry.queued && !entry.running) {
            entry.queued = true;
            entry.dueAt = entry.nextDue;
            m_queue.push_back(it.key());
        }
        const qint64 interval = std::max<qint64>(1, entry.check.interval.count());
        // After the first run, move onto this check's own phase within the interval.
        entry.nextDue += entry.phase;
        entry.phase = 0;
        // Fixed rate: the next slot on the grid, even when runs were skipped or late.
        const qint64 behind = std::max<qint64>(0, now - entry.nextDue);
        entry.nextDue += (behind / interval + 1) * interval;
    }
    dispatch();
}

void Scheduler::probeNow(const QString &name)
{
    auto it = m_entries.find(name);
    if (it == m_entries.end() || it->running)
        return;
    if (it->queued)
        std::erase(m_queue, name);
    it->queued = true;
    it->dueAt = m_monotonic();
    m_queue.push_front(name);
    dispatch();
}

void Scheduler::dispatch()
{
    while (m_running < m_maxConcurrent && !m_queue.empty()) {
        const QString name = m_queue.front();
        m_queue.pop_front();
        launch(name);
    }
}

void Scheduler::launch(const QString &name)
{
    Entry &entry = m_entries[name];
    entry.queued = false;
    entry.running = true;
    entry.generation = m_generation;
    ++m_running;
    const qint64 lag = std::max<qint64>(0, m_monotonic() - entry.dueAt);
    Probe *probe = m_factory(entry.check, this);
    const quint64 generation = m_generation;
    connect(probe, &Probe::finished, this,
            [this, probe, name, lag, generation](const Observation &observation) {
                probe->deleteLater();
                if (generation != m_generation)
                    return;
                --m_running;
                auto it = m_entries.find(name);
                if (it != m_entries.end()) {
                    it->running = false;
                    Q_EMIT resultReady(evaluate(it->check, observation,
                                                QDateTime::fromMSecsSinceEpoch(m_wall(), Qt::UTC)),
                                       lag);
                }
                dispatch();
            });
    probe->run();
}

} // namespace ic::health
