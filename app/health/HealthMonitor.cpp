#include "HealthMonitor.h"

#include "HistoryWriter.h"
#include "core/Logging.h"
#include "probes/Probe.h"

#include <QFileInfo>
#include <QNetworkAccessManager>

namespace ic::health {

State displayedState(const CheckStatus &status, const QDateTime &now)
{
    if (!status.hasResult)
        return State::Unknown;
    const qint64 age = status.last.checkedAt.msecsTo(now);
    if (age > 2 * status.check.interval.count() + status.check.timeout.count())
        return State::Stale;
    return status.state;
}

HealthMonitor::HealthMonitor(QString configPath, QString databasePath, QObject *parent)
    : QObject(parent), m_configPath(std::move(configPath)), m_databasePath(std::move(databasePath)),
      m_nam(new QNetworkAccessManager(this))
{
    setProbeFactory([this](const CheckDefinition &check, QObject *owner) {
        return createProbe(check, m_nam, owner);
    });
    m_reloadDelay.setSingleShot(true);
    // Editors save in several steps (truncate, write, rename): read once they are done.
    m_reloadDelay.setInterval(300);
    connect(&m_reloadDelay, &QTimer::timeout, this, &HealthMonitor::reload);
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, &m_reloadDelay,
            qOverload<>(&QTimer::start));
    // The data dir also holds console.db and the logs: only a change of health.yaml itself
    // (saved by renaming a new file over it, created, removed) is worth a reload.
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, [this] {
        watchConfig();
        if (configStamp() != m_loadedStamp)
            m_reloadDelay.start();
    });
}

HealthMonitor::~HealthMonitor()
{
    m_scheduler->stop();
}

void HealthMonitor::setProbeFactory(Scheduler::ProbeFactory factory)
{
    m_scheduler = std::make_unique<Scheduler>(std::move(factory));
    connect(m_scheduler.get(), &Scheduler::resultReady, this, &HealthMonitor::onResult);
    connect(m_scheduler.get(), &Scheduler::observerImpaired, this, [this](qint64 from, qint64 to) {
        const QDateTime start = QDateTime::fromMSecsSinceEpoch(from, Qt::UTC);
        const QDateTime end = QDateTime::fromMSecsSinceEpoch(to, Qt::UTC);
        log::get(log::Health)
            ->warn("observer impaired from {} to {} (sleep or clock jump); targets not judged",
                   start.toString(Qt::ISODate).toStdString(),
                   end.toString(Qt::ISODate).toStdString());
        if (m_history)
            m_history->appendGap(start, end, QStringLiteral("observer impaired"));
        Q_EMIT observerImpaired(start, end);
    });
}

void HealthMonitor::watchConfig()
{
    const QString directory = QFileInfo(m_configPath).absolutePath();
    if (!m_watcher.directories().contains(directory))
        m_watcher.addPath(directory);
    if (QFileInfo::exists(m_configPath) && !m_watcher.files().contains(m_configPath))
        m_watcher.addPath(m_configPath);
}

QString HealthMonitor::configStamp() const
{
    const QFileInfo info(m_configPath);
    if (!info.exists())
        return {};
    return QStringLiteral("%1/%2").arg(info.size()).arg(info.lastModified().toMSecsSinceEpoch());
}

void HealthMonitor::start()
{
    watchConfig();
    reload();
    m_scheduler->start();
}

void HealthMonitor::reload()
{
    m_loadedStamp = configStamp();
    const HealthConfig config = loadHealthConfig(m_configPath);
    m_problems = config.problems;
    // The writer starts with the first config read; changed limits apply after a restart.
    if (!m_history && !m_databasePath.isEmpty())
        m_history = std::make_unique<HistoryWriter>(m_databasePath, config.history);
    for (const ConfigProblem &problem : config.problems)
        log::get(log::Health)->warn("{}", problem.toString().toStdString());
    m_order.clear();
    QHash<QString, CheckStatus> statuses;
    for (const CheckDefinition &check : config.checks) {
        m_order.append(check.name);
        CheckStatus status = m_status.value(check.name);
        status.check = check;
        statuses.insert(check.name, status);
        m_trackers[check.name].setThresholds(check.failureThreshold, check.successThreshold);
    }
    m_status = std::move(statuses);
    for (auto it = m_trackers.begin(); it != m_trackers.end();) {
        if (m_status.contains(it.key()))
            ++it;
        else
            it = m_trackers.erase(it);
    }
    m_scheduler->setChecks(config.checks);
    Q_EMIT checksChanged();
}

void HealthMonitor::probeNow(const QString &name)
{
    m_scheduler->probeNow(name);
}

void HealthMonitor::onResult(const CheckResult &result)
{
    auto it = m_status.find(result.name);
    if (it == m_status.end())
        return;
    if (m_history)
        m_history->append(result);
    StateTracker &tracker = m_trackers[result.name];
    const State before = it->state;
    const bool hadState = tracker.hasState();
    const bool changed = tracker.add(result.state, result.checkedAt);
    it->hasResult = true;
    it->last = result;
    it->state = tracker.state();
    it->since = tracker.since();
    it->flapping = tracker.flapping();
    it->recent.append(result);
    if (it->recent.size() > recentCount)
        it->recent.removeFirst();
    Q_EMIT statusChanged(result.name);
    if (changed && hadState && !it->check.isSilenced(result.checkedAt))
        Q_EMIT stateChanged(result.name, before, tracker.state());
}

} // namespace ic::health
