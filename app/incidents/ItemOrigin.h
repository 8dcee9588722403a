#pragma once

#include "ChecklistStore.h"
#include "IncidentConfig.h"

namespace ic::incidents {

// The template or severity item a checklist item was made from, found again by its phase
// and text: what it calls ('call') and what fulfils it ('done_when') are configuration, not
// stored with the item, so a change to checklist.yaml reaches the open incidents too and the
// team's replicated rows need no column for them. Nothing for items of no template (ad-hoc,
// runbook tasks, follow-ups) or whose template item is gone.
const TemplateItem *templateItemOf(const IncidentConfig &config, const ChecklistItem &item);

} // namespace ic::incidents
