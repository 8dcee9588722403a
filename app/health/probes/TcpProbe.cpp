#include "TcpProbe.h"

namespace ic::health {

TcpProbe::TcpProbe(const CheckDefinition &check, QObject *parent)
    : Probe(check, parent), m_socket(this)
{}

void TcpProbe::start()
{
    connect(&m_socket, &QTcpSocket::connected, this, [this] {
        Observation observation;
        observation.values.insert(QStringLiteral("[CONNECTED]"), QStringLiteral("true"));
        observation.values.insert(QStringLiteral("[IP]"), addressText(m_socket.peerAddress()));
        observation.message = QStringLiteral("port %1 open").arg(check().port);
        m_socket.abort();
        finish(std::move(observation));
    });
    connect(&m_socket, &QTcpSocket::errorOccurred, this, [this] {
        Observation observation;
        observation.values.insert(QStringLiteral("[CONNECTED]"), QStringLiteral("false"));
        observation.message = m_socket.errorString();
        finish(std::move(observation));
    });
    m_socket.connectToHost(check().host, quint16(check().port));
}

Observation TcpProbe::timedOut()
{
    m_socket.disconnect(this);
    m_socket.abort();
    Observation observation;
    observation.values.insert(QStringLiteral("[CONNECTED]"), QStringLiteral("false"));
    observation.message = QStringLiteral("no connection within %1").arg(timeoutText());
    return observation;
}

} // namespace ic::health
