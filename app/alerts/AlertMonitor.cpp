#include "AlertMonitor.h"

#include "AlertDecoder.h"
#include "AlertHttp.h"
#include "core/AsyncTask.h"

#include <QNetworkAccessManager>
#include <QSet>

namespace ic::alerts {
namespace {

// What the pool thread hands back: a default-constructible carrier for QFuture.
struct Decoded
{
    DecodedAlerts alerts;
    QString error;
};

Decoded decode(const QByteArray &body, const AlertSource &source)
{
    const Result<DecodedAlerts> result = source.type == AlertSource::Type::Alertmanager
                                             ? decodeAlertmanagerAlerts(body, source.name)
                                             : decodePrometheusAlerts(body, source.name);
    if (!result)
        return {{}, result.error()};
    return {*result, {}};
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
                onAnswer(source.name, generation, attempt, answer.elapsedMs, answer.problem(), {},
                         {}, 0);
                return;
            }
            const qint64 latency = answer.elapsedMs;
            runAsync(
                this, [body = answer.body, source] { return decode(body, source); },
                [this, source, generation, attempt, latency](const Result<Decoded> &done) {
                    const QString error = done ? done->error : done.error();
                    if (!error.isEmpty()) {
                        onAnswer(source.name, generation, attempt, latency, error, {}, {}, 0);
                        return;
                    }
                    onAnswer(source.name, generation, attempt, latency, {}, done->alerts.alerts,
                             done->alerts.note(), done->alerts.pending);
                });
        });
    Q_EMIT sourceChanged(sourceName);
}

void AlertMonitor::onAnswer(const QString &name, quint64 generation, const QDateTime &attempt,
                            qint64 latencyMs, const QString &error, const QList<Alert> &alerts,
                            const QString &note, int pending)
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
    const bool first = !it->lastSuccess.isValid();
    QHash<QString, const Alert *> before;
    for (const Alert &alert : it->alerts)
        before.insert(alert.fingerprint, &alert);
    QList<Alert> fired;
    QSet<QString> now;
    bool changed = alerts.size() != it->alerts.size();
    for (const Alert &alert : alerts) {
        now.insert(alert.fingerprint);
        const Alert *old = before.value(alert.fingerprint);
        if (!old) {
            changed = true;
            if (!first)
                fired.append(alert);
        } else if (old->state != alert.state || old->annotations != alert.annotations) {
            changed = true;
        }
    }
    QList<Alert> resolved;
    for (const Alert &alert : it->alerts) {
        if (!now.contains(alert.fingerprint))
            resolved.append(alert);
    }
    it->state = SourceStatus::State::Up;
    it->message.clear();
    it->note = note;
    it->pending = pending;
    it->lastSuccess = attempt;
    it->alerts = alerts;
    Q_EMIT sourceChanged(name);
    if (changed)
        Q_EMIT alertsChanged();
    for (const Alert &alert : fired)
        Q_EMIT alertFired(alert);
    for (const Alert &alert : resolved)
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
