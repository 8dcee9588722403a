#include "TlsProbe.h"

#include <QDateTime>

namespace ic::health {

TlsProbe::TlsProbe(const CheckDefinition &check, QObject *parent)
    : Probe(check, parent), m_socket(this)
{}

void TlsProbe::start()
{
    if (!check().tlsVerify)
        m_socket.setPeerVerifyMode(QSslSocket::VerifyNone);
    connect(&m_socket, &QSslSocket::encrypted, this, [this] {
        const QSslCertificate certificate = m_socket.peerCertificate();
        const QString subject =
            certificate.subjectInfo(QSslCertificate::CommonName).value(0, check().host);
        const QString message =
            QStringLiteral("certificate for %1 valid until %2")
                .arg(subject, certificate.expiryDate().toUTC().toString(Qt::ISODate));
        Observation observation = describe(true, message);
        m_socket.abort();
        finish(std::move(observation));
    });
    connect(&m_socket, &QSslSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
        for (const QSslError &error : errors)
            m_sslErrors.append(error.errorString());
    });
    connect(&m_socket, &QSslSocket::errorOccurred, this, [this] {
        QString message = m_socket.errorString();
        if (!m_sslErrors.isEmpty())
            message = m_sslErrors.join(QStringLiteral("; "));
        Observation observation = describe(false, message);
        m_socket.abort();
        finish(std::move(observation));
    });
    m_socket.connectToHostEncrypted(check().host, quint16(check().port));
}

Observation TlsProbe::describe(bool connected, const QString &message) const
{
    Observation observation;
    observation.values.insert(QStringLiteral("[CONNECTED]"),
                              connected ? QStringLiteral("true") : QStringLiteral("false"));
    if (!m_socket.peerAddress().isNull())
        observation.values.insert(QStringLiteral("[IP]"), addressText(m_socket.peerAddress()));
    const QSslCertificate certificate = m_socket.peerCertificate();
    if (!certificate.isNull())
        observation.values.insert(
            QStringLiteral("[CERTIFICATE_EXPIRATION]"),
            QString::number(QDateTime::currentDateTimeUtc().msecsTo(certificate.expiryDate())));
    observation.message = message;
    return observation;
}

Observation TlsProbe::timedOut()
{
    m_socket.disconnect(this);
    Observation observation =
        describe(false, QStringLiteral("no TLS handshake within %1").arg(timeoutText()));
    m_socket.abort();
    return observation;
}

} // namespace ic::health
