#pragma once

#include "Probe.h"

#include <QDnsLookup>

namespace ic::health {

// A DNS query (QDnsLookup) for host with record_type, optionally at one nameserver.
// [DNS_RCODE] is NOERROR, NXDOMAIN, SERVFAIL or REFUSED; [BODY] is the first answer, as
// in Gatus, and [ANSWERS] every answer separated by commas.
class DnsProbe : public Probe
{
    Q_OBJECT
public:
    explicit DnsProbe(const CheckDefinition &check, QObject *parent = nullptr);

protected:
    void start() override;
    Observation timedOut() override;

private:
    void onFinished();

    QDnsLookup m_lookup;
};

} // namespace ic::health
