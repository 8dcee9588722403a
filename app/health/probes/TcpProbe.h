#pragma once

#include "Probe.h"

#include <QTcpSocket>

namespace ic::health {

// A TCP connect to host:port; [CONNECTED] says whether it was accepted.
class TcpProbe : public Probe
{
    Q_OBJECT
public:
    explicit TcpProbe(const CheckDefinition &check, QObject *parent = nullptr);

protected:
    void start() override;
    Observation timedOut() override;

private:
    QTcpSocket m_socket;
};

} // namespace ic::health
