#include "DnsProbe.h"

#include <QHostAddress>

namespace ic::health {
namespace {

QDnsLookup::Type lookupType(const QString &name)
{
    static const QMap<QString, QDnsLookup::Type> types{
        {QStringLiteral("A"), QDnsLookup::A},         {QStringLiteral("AAAA"), QDnsLookup::AAAA},
        {QStringLiteral("CNAME"), QDnsLookup::CNAME}, {QStringLiteral("MX"), QDnsLookup::MX},
        {QStringLiteral("NS"), QDnsLookup::NS},       {QStringLiteral("TXT"), QDnsLookup::TXT},
        {QStringLiteral("SRV"), QDnsLookup::SRV},     {QStringLiteral("PTR"), QDnsLookup::PTR}};
    return types.value(name, QDnsLookup::A);
}

QStringList answers(const QDnsLookup &lookup)
{
    QStringList found;
    for (const auto &record : lookup.hostAddressRecords())
        found.append(record.value().toString());
    for (const auto &record : lookup.canonicalNameRecords())
        found.append(record.value());
    for (const auto &record : lookup.mailExchangeRecords())
        found.append(record.exchange());
    for (const auto &record : lookup.nameServerRecords())
        found.append(record.value());
    for (const auto &record : lookup.pointerRecords())
        found.append(record.value());
    for (const auto &record : lookup.serviceRecords())
        found.append(QStringLiteral("%1:%2").arg(record.target()).arg(record.port()));
    for (const auto &record : lookup.textRecords()) {
        QStringList parts;
        for (const QByteArray &part : record.values())
            parts.append(QString::fromUtf8(part));
        found.append(parts.join(QString()));
    }
    return found;
}

} // namespace

DnsProbe::DnsProbe(const CheckDefinition &check, QObject *parent)
    : Probe(check, parent), m_lookup(this)
{}

void DnsProbe::start()
{
    m_lookup.setType(lookupType(check().recordType));
    m_lookup.setName(check().host);
    if (!check().nameserver.isEmpty())
        m_lookup.setNameserver(QHostAddress(check().nameserver));
    connect(&m_lookup, &QDnsLookup::finished, this, &DnsProbe::onFinished);
    m_lookup.lookup();
}

void DnsProbe::onFinished()
{
    Observation observation;
    QString rcode;
    switch (m_lookup.error()) {
    case QDnsLookup::NoError:
        rcode = QStringLiteral("NOERROR");
        break;
    case QDnsLookup::NotFoundError:
        rcode = QStringLiteral("NXDOMAIN");
        break;
    case QDnsLookup::ServerFailureError:
        rcode = QStringLiteral("SERVFAIL");
        break;
    case QDnsLookup::ServerRefusedError:
        rcode = QStringLiteral("REFUSED");
        break;
    default:
        // The resolver itself failed: nothing is known about the record.
        observation.determinate = false;
        observation.message = QStringLiteral("DNS lookup failed: %1").arg(m_lookup.errorString());
        finish(std::move(observation));
        return;
    }
    const QStringList found = answers(m_lookup);
    observation.values.insert(QStringLiteral("[DNS_RCODE]"), rcode);
    observation.values.insert(QStringLiteral("[CONNECTED]"), QStringLiteral("true"));
    observation.values.insert(QStringLiteral("[ANSWERS]"), found.join(QLatin1Char(',')));
    observation.body = found.value(0).toUtf8();
    observation.hasBody = true;
    observation.message =
        found.isEmpty() ? rcode
                        : QStringLiteral("%1 %2").arg(rcode, found.join(QStringLiteral(", ")));
    finish(std::move(observation));
}

Observation DnsProbe::timedOut()
{
    m_lookup.disconnect(this);
    m_lookup.abort();
    Observation observation;
    observation.values.insert(QStringLiteral("[CONNECTED]"), QStringLiteral("false"));
    observation.message = QStringLiteral("no DNS answer within %1").arg(timeoutText());
    return observation;
}

} // namespace ic::health
