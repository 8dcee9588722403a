#include "Probe.h"

#include "core/Duration.h"
#include "health/CheckTypes.h"

namespace ic::health {

Probe::Probe(CheckDefinition check, QObject *parent) : QObject(parent), m_check(std::move(check))
{
    maskSecret(m_check.password);
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        if (m_done)
            return;
        Observation observation = timedOut();
        if (observation.message.isEmpty())
            observation.message = QStringLiteral("no answer within %1").arg(timeoutText());
        finish(std::move(observation));
    });
}

void Probe::run()
{
    m_elapsed.start();
    m_timeout.start(m_check.timeout);
    start();
}

QString Probe::timeoutText() const
{
    return formatDuration(m_check.timeout);
}

void Probe::maskSecret(const QString &secret)
{
    if (!secret.isEmpty() && !m_secrets.contains(secret))
        m_secrets.append(secret);
}

QString Probe::addressText(const QHostAddress &address)
{
    bool isIpv4 = false;
    const quint32 ipv4 = address.toIPv4Address(&isIpv4);
    return isIpv4 ? QHostAddress(ipv4).toString() : address.toString();
}

void Probe::finish(Observation observation)
{
    if (m_done)
        return;
    m_done = true;
    const QString mask = QStringLiteral("********");
    for (const QString &secret : std::as_const(m_secrets)) {
        observation.message.replace(secret, mask);
        for (QString &value : observation.values)
            value.replace(secret, mask);
        observation.body.replace(secret.toUtf8(), mask.toUtf8());
    }
    m_timeout.stop();
    if (observation.latencyMs == 0)
        observation.latencyMs = elapsedMs();
    if (!observation.values.contains(QStringLiteral("[RESPONSE_TIME]")))
        observation.values.insert(QStringLiteral("[RESPONSE_TIME]"),
                                  QString::number(observation.latencyMs));
    Q_EMIT finished(observation);
}

Probe *createProbe(const CheckDefinition &check, QNetworkAccessManager *nam, QObject *parent)
{
    // health.yaml's reader only lets registered types through.
    return findCheckType(check.type)->createProbe(check, nam, parent);
}

} // namespace ic::health
