#pragma once

#include "CheckDefinition.h"
#include "HistoryLimits.h"

namespace ic::health {

// A problem in health.yaml, located so the user can fix it.
struct ConfigProblem
{
    QString file;
    int line = 0;
    QString field;
    QString message;

    // "health.yaml:12: checks[2].port: must be a number from 1 to 65535"
    QString toString() const;
};

// Every valid check and every problem: one bad check does not take the others down.
struct HealthConfig
{
    QList<CheckDefinition> checks;
    QList<ConfigProblem> problems;
    HistoryLimits history;
};

HealthConfig parseHealthConfig(const QByteArray &yaml, const QString &fileName);
HealthConfig loadHealthConfig(const QString &path);

// <dataDir>/health.yaml
QString healthConfigPath(const QString &dataDir);
// Writes the commented default health.yaml into dataDir unless one exists. Returns an empty
// string, or why it could not be written.
QString ensureDefaultHealthConfig(const QString &dataDir);

} // namespace ic::health
