#pragma once

#include "ChecklistStore.h"
#include "Incident.h"
#include "SeverityScheme.h"
#include "Timeline.h"

#include <QVariantMap>

namespace ic::incidents {

// The values of comms' placeholder contract (comms/Placeholders.cpp) that the incident
// itself knows: fields, clocks, checklist and timeline lists. What only a person can say
// (update, next_step, root_cause, …) is left out so the draft linter points at it.
QVariantMap templateValues(const Incident &incident, const SeverityScheme &severities,
                           const std::vector<ChecklistItem> &items,
                           const std::vector<TimelineEvent> &events, const QDateTime &nextUpdateDue,
                           const QDateTime &now);

} // namespace ic::incidents
