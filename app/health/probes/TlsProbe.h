#pragma once

#include "Probe.h"

#include <QSslSocket>

namespace ic::health {

// A TLS handshake with host:port. [CONNECTED] is true when the handshake (and, unless
// tls_verify is false, the certificate check) succeeded; [CERTIFICATE_EXPIRATION] is the
// time left on the peer certificate in milliseconds.
class TlsProbe : public Probe
{
    Q_OBJECT
public:
    explicit TlsProbe(const CheckDefinition &check, QObject *parent = nullptr);

protected:
    void start() override;
    Observation timedOut() override;

private:
    Observation describe(bool connected, const QString &message) const;

    QSslSocket m_socket;
    QStringList m_sslErrors;
};

} // namespace ic::health
