#pragma once

#include "Probe.h"
#include "RespReader.h"

#include <QTcpSocket>

namespace ic::health {

// Speaks RESP like `redis-cli ping`: optional AUTH, then PING. [RESPONSE] is the reply to
// PING (PONG when healthy, or the server's error such as NOAUTH); [CONNECTED] is the TCP
// connection.
class RedisProbe : public Probe
{
    Q_OBJECT
public:
    explicit RedisProbe(const CheckDefinition &check, QObject *parent = nullptr);

protected:
    void start() override;
    Observation timedOut() override;

private:
    void onReadyRead();
    void done(bool connected, const QString &response, const QString &message);

    QTcpSocket m_socket;
    RespReader m_reader{1};
};

} // namespace ic::health
