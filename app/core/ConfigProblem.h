#pragma once

#include <QString>

namespace ic {

// A problem in a configuration file (health.yaml, alerts.yaml), located so the user can fix
// it.
struct ConfigProblem
{
    QString file;
    int line = 0; // 0: the file as a whole
    QString field;
    QString message;

    // "health.yaml:12: checks[2].port: must be a number from 1 to 65535"
    QString toString() const;
};

} // namespace ic
