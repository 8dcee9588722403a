#pragma once

#include "ChecklistStore.h"
#include "IncidentConfig.h"

namespace ic::incidents {

// The contacts.yaml role a checklist item tells the commander to call ("team-lead"): the
// 'call' of the template or severity item it was made from, found again by its phase and
// text. The stored checklist keeps no copy of it, so a role added to checklist.yaml later
// reaches the open incidents too. Empty for items that call nobody (ad-hoc, runbook tasks,
// follow-ups, template items without 'call').
QString calledRole(const IncidentConfig &config, const ChecklistItem &item);

} // namespace ic::incidents
