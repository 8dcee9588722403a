#pragma once

#include "HealthTypes.h"

#include <QJsonArray>
#include <QJsonObject>

namespace ic::health {

// The JSON contract of DESIGN.md: name, group, type, state, latency_ms, message,
// checked_at (ISO 8601 with offset) and conditions (condition, resolved, success, plus
// level and reason).
QJsonObject resultToJson(const CheckResult &result);
QJsonArray resultsToJson(const QList<CheckResult> &results);

// A plain-text table, one check per line, for terminals.
QString resultsToTable(const QList<CheckResult> &results);

} // namespace ic::health
