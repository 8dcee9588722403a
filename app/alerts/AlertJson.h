#pragma once

#include "AlertRunbook.h"

#include <QJsonObject>

namespace ic::alerts {

// One alert as `alerts --json` prints it (DESIGN.md): fingerprint, alertname, severity, state,
// labels, annotations, starts_at, source, runbook ({id, title, path} or null),
// runbook_problem and incident (the linked incident's id or null).
QJsonObject alertToJson(const Alert &alert, const RunbookMatch &runbook, const QString &incidentId);

} // namespace ic::alerts
