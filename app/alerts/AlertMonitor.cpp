#include "AlertMonitor.h"

#include "AlertDecoder.h"
#include "AlertDiff.h"
#include "AlertHttp.h"
#include "core/AsyncTask.h"

#include <QNetworkAccessManager>
#include <QSet>
#include <QThreadPool>
#include <utility>

namespace ic::alerts {

// What the pool thread hands back: a default-constructible carrier for QFuture.
struct DecodedAnswer
{
    DecodedAlerts alerts;
    AlertChanges changes;
    QString error;
};

namespace {

// Decodes an answer and compares it with the source's previous alerts, both on a pool
// thread: with thousands of alerts either takes longer than a frame.
DecodedAnswer decodeAndDiff(const QByteArray &body, const AlertSource &source,
                            const QList<Alert> &previous, bool firstAnswer)
{
    const Result<DecodedAlerts> result = source.type == AlertSource::Type::Alertmanager
                                             ? decodeAlertmanagerAlerts(body, source.name)
                                             : decodePrometheusAlerts(body, source.name);
    if (!result)
        return {{}, {}, result.error()};
    AlertChanges changes = diffAlerts(previous, result->alerts, firstAnswer);
    return {*result, std::move(changes), {}};
}

} // namespace

QString sourceStateId(SourceStatus::State state)
{
    switch (state) {
    case SourceStatus::State::Waiting:
        return QStringLiteral("waiting");
    case SourceStatus::State::Up:
        return QStringLiteral("up");
    case SourceStatus::State::Down:
        return QStringLiteral("down");
    }
    return {};
}

AlertMonitor::AlertMonitor(QObject *parent)
    : QObject(parent), m_nam(new QNetworkAccessManager(this))
{}

AlertMonitor::~AlertMonitor() = default;

void AlertMonitor::setConfig(const AlertsConfig &config)
{
    const bool running = !m_timers.isEmpty();
    stop();
    ++m_generation;
    m_config = config;
    QHash<QString, SourceStatus> sources;
    for (const AlertSource &source : config.sources) {
        SourceStatus status = m_sources.value(source.name);
        if (status.source.url != source.url || status.source.type != source.type ||
            status.source.filter != source.filter)
            status = SourceStatus{};
        status.source = source;
        status.polling = false;
        sources.insert(source.name, status);
    }
    m_sources = sources;
    Q_EMIT alertsChanged();
    if (running)
        start();
}

void AlertMonitor::start()
{
    stop();
    for (const AlertSource &source : m_config.sources) {
        auto *timer = new QTimer(this);
        timer->setInterval(source.interval);
        connect(timer, &QTimer::timeout, this, [this, name = source.name] { poll(name); });
        timer->start();
        m_timers.insert(source.name, timer);
    }
    pollAll();
}

void AlertMonitor::stop()
{
    qDeleteAll(m_timers);
    m_timers.clear();
}

void AlertMonitor::pollAll()
{
    for (const AlertSource &source : m_config.sources)
        poll(source.name);
}

void AlertMonitor::poll(const QString &sourceName)
{
    auto it = m_sources.find(sourceName);
    // A poll still running when the next is due skips that one instead of piling up.
    if (it == m_sources.end() || it->polling)
        return;
    it->polling = true;
    const AlertSource source = it->source;
    const quint64 generation = m_generation;
    const QDateTime attempt = QDateTime::currentDateTimeUtc();
    HttpRequest request;
    request.url = source.alertsUrl();
    request.maxBytes = maxAlertAnswerBytes;
    sendToSource(
        m_nam, source, request, this,
        [this, source, generation, attempt](const HttpAnswer &answer) {
            if (!answer.ok()) {
                onAnswer(source.name, generation, attempt, answer.elapsedMs, answer.problem(), {});
                return;
            }
            const qint64 latency = answer.elapsedMs;
            // Only this poll's answer replaces the source's alerts (polls of a source never
            // overlap, and a config change drops it), so they are the ones to compare with.
            const SourceStatus status = m_sources.value(source.name);
            runAsync(
                this,
                [body = answer.body, source, previous = status.alerts,
                 firstAnswer = !status.lastSuccess.isValid()] {
                    return decodeAndDiff(body, source, previous, firstAnswer);
                },
                [this, source, generation, attempt, latency](const Result<DecodedAnswer> &done) {
                    const QString error = done ? done->error : done.error();
                    if (!error.isEmpty()) {
                        onAnswer(source.name, generation, attempt, latency, error, {});
                        return;
                    }
                    onAnswer(source.name, generation, attempt, latency, {}, &*done);
                });
        });
    Q_EMIT sourceChanged(sourceName);
}

void AlertMonitor::onAnswer(const QString &name, quint64 generation, const QDateTime &attempt,
                            qint64 latencyMs, const QString &error, const DecodedAnswer *decoded)
{
    if (generation != m_generation)
        return;
    auto it = m_sources.find(name);
    if (it == m_sources.end())
        return;
    it->polling = false;
    it->lastAttempt = attempt;
    it->latencyMs = latencyMs;
    if (!error.isEmpty()) {
        // The last known alerts stay, with their age; nobody is told anything resolved.
        it->state = SourceStatus::State::Down;
        it->message = error;
        Q_EMIT sourceChanged(name);
        Q_EMIT polled(name);
        return;
    }
    it->state = SourceStatus::State::Up;
    it->message.clear();
    it->note = decoded->alerts.note();
    it->pending = decoded->alerts.pending;
    it->lastSuccess = attempt;
    // Tens of thousands of alerts, each with its label and annotation maps, take milliseconds
    // to free: the previous answer goes on a pool thread.
    QThreadPool::globalInstance()->start(
        [replaced = std::exchange(it->alerts, decoded->alerts.alerts)]() mutable {
            replaced = {};
        });
    Q_EMIT sourceChanged(name);
    if (decoded->changes.changed)
        Q_EMIT alertsChanged();
    for (const Alert &alert : decoded->changes.fired)
        Q_EMIT alertFired(alert);
    for (const Alert &alert : decoded->changes.resolved)
        Q_EMIT alertResolved(alert);
    Q_EMIT polled(name);
}

QStringList AlertMonitor::sourceNames() const
{
    QStringList names;
    for (const AlertSource &source : m_config.sources)
        names << source.name;
    return names;
}

bool AlertMonitor::isPolling() const
{
    return std::any_of(m_sources.begin(), m_sources.end(),
                       [](const SourceStatus &status) { return status.polling; });
}

QList<Alert> AlertMonitor::alerts() const
{
    QList<Alert> all;
    QSet<QString> seen;
    for (const AlertSource &source : m_config.sources) {
        for (const Alert &alert : m_sources.value(source.name).alerts) {
            if (!seen.contains(alert.fingerprint)) {
                seen.insert(alert.fingerprint);
                all.append(alert);
            }
        }
    }
    return all;
}

std::optional<Alert> AlertMonitor::alert(const QString &fingerprint) const
{
    for (const AlertSource &source : m_config.sources) {
        for (const Alert &alert : m_sources.value(source.name).alerts) {
            if (alert.fingerprint == fingerprint)
                return alert;
        }
    }
    return std::nullopt;
}

} // namespace ic::alerts
