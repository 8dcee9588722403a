#pragma once

#include "ChecklistStore.h"
#include "Incident.h"
#include "Timeline.h"

#include <QJsonObject>

namespace ic::incidents {

// The incident JSON of DESIGN.md (show --json, exports): every field, the milestones,
// mtta/mttr, the checklist and the timeline, timestamps ISO 8601 with offset and milliseconds
// (null when unset). Every stored column is in it, so an export can be imported losslessly.
QJsonObject incidentToJson(const Incident &incident, const std::vector<ChecklistItem> &items,
                           const std::vector<TimelineEvent> &events);
// A timestamp as the incident JSON writes it: ISO 8601 with offset and milliseconds, or null.
QJsonValue timeToJson(const QDateTime &time);
// The summary used by list --json.
QJsonObject incidentSummaryToJson(const Incident &incident);

} // namespace ic::incidents
