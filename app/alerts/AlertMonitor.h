#pragma once

#include "Alert.h"
#include "AlertsConfig.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QTimer>
#include <memory>

class QNetworkAccessManager;

namespace ic::alerts {

// One source as the console sees it: is it answering, and what did it last say.
struct SourceStatus
{
    enum class State
    {
        Waiting, // not asked yet
        Up,
        Down // its last poll failed: unreachable, slow, or an answer that is no alert list
    };
    AlertSource source;
    State state = State::Waiting;
    QString message; // why it is down; empty when up
    QString note;    // what was left out of the last answer (DecodedAlerts::note)
    int pending = 0; // Prometheus alerts not firing yet
    QDateTime lastAttempt;
    QDateTime lastSuccess; // the age of the alerts below
    qint64 latencyMs = 0;
    QList<Alert> alerts; // from the last successful poll, kept while the source is down
    bool polling = false;
};

// "up", "down", "waiting".
QString sourceStateId(SourceStatus::State state);

// Asks every source of alerts.yaml for its alerts, each on its own interval, without ever
// blocking the thread it lives on (requests through Qt's network thread, decoding on the
// thread pool). Alerts are keyed by fingerprint; one that disappears from a source that
// answered is resolved. A source that fails keeps its last alerts and says why.
struct DecodedAnswer;

class AlertMonitor : public QObject
{
    Q_OBJECT
public:
    explicit AlertMonitor(QObject *parent = nullptr);
    ~AlertMonitor() override;

    // Replaces the sources; one whose name stays keeps its alerts.
    void setConfig(const AlertsConfig &config);
    const AlertsConfig &config() const { return m_config; }
    // Polls every source now and then on its interval.
    void start();
    void stop();
    void pollAll();
    void poll(const QString &sourceName);

    QStringList sourceNames() const;
    SourceStatus source(const QString &name) const { return m_sources.value(name); }
    bool isPolling() const;
    // Every alert, first source first; an alert two sources report is listed once.
    QList<Alert> alerts() const;
    std::optional<Alert> alert(const QString &fingerprint) const;

Q_SIGNALS:
    void sourceChanged(const QString &name);
    // Emitted after each poll that changed the alert list.
    void alertsChanged();
    // An alert that was not there at the source's previous successful poll (none for the
    // first poll: what fires when the console starts is on screen, not news).
    void alertFired(const ic::alerts::Alert &alert);
    // An alert its source no longer lists.
    void alertResolved(const ic::alerts::Alert &alert);
    // A poll ended, successful or not.
    void polled(const QString &sourceName);

private:
    // decoded is the answer with what it changed; null when error says why there is none.
    void onAnswer(const QString &name, quint64 generation, const QDateTime &attempt,
                  qint64 latencyMs, const QString &error, const DecodedAnswer *decoded);

    AlertsConfig m_config;
    QNetworkAccessManager *m_nam;
    QHash<QString, SourceStatus> m_sources;
    QHash<QString, QTimer *> m_timers;
    // Answers to requests made before a config change are dropped.
    quint64 m_generation = 0;
};

} // namespace ic::alerts
