#include "Probe.h"

#include "CommandProbe.h"
#include "DnsProbe.h"
#include "HttpProbe.h"
#include "PostgresProbe.h"
#include "PostgresQueryProbe.h"
#include "PrometheusProbe.h"
#include "RedisProbe.h"
#include "SystemProbe.h"
#include "TcpProbe.h"
#include "TlsProbe.h"
#include "core/Duration.h"

namespace ic::health {

Probe::Probe(CheckDefinition check, QObject *parent) : QObject(parent), m_check(std::move(check))
{
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

void Probe::finish(Observation observation)
{
    if (m_done)
        return;
    m_done = true;
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
    const QString &type = check.type;
    if (type == QLatin1String("http"))
        return new HttpProbe(check, nam, parent);
    if (type == QLatin1String("prometheus"))
        return new PrometheusProbe(check, nam, parent);
    if (type == QLatin1String("tcp"))
        return new TcpProbe(check, parent);
    if (type == QLatin1String("tls"))
        return new TlsProbe(check, parent);
    if (type == QLatin1String("dns"))
        return new DnsProbe(check, parent);
    if (type == QLatin1String("redis"))
        return new RedisProbe(check, parent);
    if (type == QLatin1String("postgres")) {
        if (check.hasPasswordSource() && PostgresQueryProbe::driverAvailable())
            return new PostgresQueryProbe(check, parent);
        return new PostgresProbe(check, parent);
    }
    if (type == QLatin1String("command"))
        return new CommandProbe(check, parent);
    return new SystemProbe(check, parent);
}

} // namespace ic::health
