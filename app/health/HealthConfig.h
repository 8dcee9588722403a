#pragma once

#include "CheckDefinition.h"
#include "HistoryLimits.h"
#include "core/ConfigProblem.h"

namespace ic::health {

using ConfigProblem = ic::ConfigProblem;

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
