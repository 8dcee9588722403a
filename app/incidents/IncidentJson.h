#pragma once

#include "ChecklistStore.h"
#include "Incident.h"
#include "Timeline.h"

#include <QJsonObject>

namespace ic::incidents {

// The incident JSON of DESIGN.md (show --json, exports): every field, the milestones,
// mtta/mttr, the checklist and the timeline, timestamps ISO 8601 with offset (null when unset).
QJsonObject incidentToJson(const Incident &incident, const std::vector<ChecklistItem> &items,
                           const std::vector<TimelineEvent> &events);
// The summary used by list --json.
QJsonObject incidentSummaryToJson(const Incident &incident);

} // namespace ic::incidents
