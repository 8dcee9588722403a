#pragma once

#include "Probe.h"

namespace ic::health {

// What one login-and-SELECT-1 attempt found; made on a worker thread.
struct PostgresQueryOutcome
{
    bool determinate = true; // false: the password could not be read
    bool loggedIn = false;
    bool queried = false;
    QString message;
};

// A postgres check with credentials: logs in through Qt's PostgreSQL driver (QPSQL) and runs
// SELECT 1, on a worker thread with a connection of its own, so a slow server never blocks
// the thread the probe lives on. The password comes from password_env or password_file at
// each run and is never part of a message. [CONNECTED], [POSTGRES] and [ACCEPTING] say the
// login worked, [QUERY] that SELECT 1 answered 1.
class PostgresQueryProbe : public Probe
{
    Q_OBJECT
public:
    explicit PostgresQueryProbe(const CheckDefinition &check, QObject *parent = nullptr);

    // Whether Qt's PostgreSQL driver is installed (package libqt6sql6-psql).
    static bool driverAvailable();

protected:
    void start() override;
    Observation timedOut() override;
};

} // namespace ic::health
