#pragma once

#include "Probe.h"

#include <QTcpSocket>

namespace ic::health {

// Like pg_isready: sends a protocol-3 StartupMessage and reads the first reply. Any
// authentication request or error other than "cannot connect now" (57P03) means the server
// is accepting connections; an answer that is not PostgreSQL means only the port is open.
// [CONNECTED] (TCP), [POSTGRES] (it speaks the protocol), [ACCEPTING]. A check with
// credentials comes here only when Qt's PostgreSQL driver is missing (see
// PostgresQueryProbe); it is then UNKNOWN, with the reason.
class PostgresProbe : public Probe
{
    Q_OBJECT
public:
    explicit PostgresProbe(const CheckDefinition &check, QObject *parent = nullptr);

protected:
    void start() override;
    Observation timedOut() override;

private:
    void onReadyRead();
    void done(bool connected, bool postgres, bool accepting, const QString &message);

    QTcpSocket m_socket;
    QByteArray m_buffer;
};

} // namespace ic::health
