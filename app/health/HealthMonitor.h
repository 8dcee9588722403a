#pragma once

#include "HealthConfig.h"
#include "Scheduler.h"
#include "StateTracker.h"

#include <QFileSystemWatcher>
#include <QObject>
#include <memory>

class QNetworkAccessManager;

namespace ic::health {

class HistoryWriter;

// What the board shows for one check.
struct CheckStatus
{
    CheckDefinition check;
    bool hasResult = false;
    CheckResult last;             // the newest raw result
    State state = State::Unknown; // smoothed by the thresholds
    QDateTime since;              // when the smoothed state began
    bool flapping = false;
    QList<CheckResult> recent; // newest last, for the sparkline
};

// STALE when the newest result is older than two intervals (the console slept, the
// scheduler is stuck), otherwise the smoothed state.
State displayedState(const CheckStatus &status, const QDateTime &now);

// The live health picture for the GUI: reads health.yaml (and again whenever it changes),
// runs the checks with the Scheduler, smooths states, records history on the writer thread.
class HealthMonitor : public QObject
{
    Q_OBJECT
public:
    static constexpr int recentCount = 30;

    // databasePath empty: no history is written.
    HealthMonitor(QString configPath, QString databasePath, QObject *parent = nullptr);
    ~HealthMonitor() override;

    // Replaces how probes are made (tests use fakes); before start().
    void setProbeFactory(Scheduler::ProbeFactory factory);
    Scheduler &scheduler() { return *m_scheduler; }

    void start();
    void reload();
    void probeNow(const QString &name);

    QString configPath() const { return m_configPath; }
    QString databasePath() const { return m_databasePath; }
    QStringList checkNames() const { return m_order; }
    QList<ConfigProblem> problems() const { return m_problems; }
    CheckStatus status(const QString &name) const { return m_status.value(name); }
    // The same without a copy, for views that read thousands of checks a second; valid until
    // the next result or reload. Null for an unknown name.
    const CheckStatus *findStatus(const QString &name) const
    {
        const auto found = m_status.constFind(name);
        return found == m_status.cend() ? nullptr : &*found;
    }

Q_SIGNALS:
    void checksChanged();
    void statusChanged(const QString &name);
    // A change of the smoothed state worth telling people (not sent while silenced).
    void stateChanged(const QString &name, ic::health::State from, ic::health::State to);
    void observerImpaired(const QDateTime &from, const QDateTime &to);

private:
    void onResult(const CheckResult &result);
    void watchConfig();
    // Size and modification time of health.yaml, to tell its changes from other files'.
    QString configStamp() const;

    QString m_configPath;
    QString m_databasePath;
    QNetworkAccessManager *m_nam;
    std::unique_ptr<Scheduler> m_scheduler;
    std::unique_ptr<HistoryWriter> m_history;
    QFileSystemWatcher m_watcher;
    QTimer m_reloadDelay;
    QString m_loadedStamp;
    QStringList m_order;
    QList<ConfigProblem> m_problems;
    QHash<QString, CheckStatus> m_status;
    QHash<QString, StateTracker> m_trackers;
};

} // namespace ic::health
