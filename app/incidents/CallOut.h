#pragma once

#include "ChecklistStore.h"
#include "Incident.h"

#include <QDateTime>
#include <vector>

namespace ic::incidents {

// The deputy's periodic call-out (PagerDuty's incident-command practice): every few minutes,
// at an interval set per severity (call_out_every), someone says out loud how long the
// incident has run, what is still open and who is on what, so nobody loses track of the
// response. Each call-out made is a timeline event (EventKind::CallOut) and the next one is
// due an interval after it.

// What the deputy says, from the incident as it is at now, with times in the incident's zone:
// "32 min in (SEV-1, investigating). 8 of 15 items open, 2 overdue: Page the secondary
// on-call; Inform management. On it: Ana, Roll back 4.2; Ben, Check the CDN. Next update due
// 17:09 UTC."
QString callOutText(const Incident &incident, const std::vector<ChecklistItem> &items,
                    const QDateTime &nextUpdateDue, const QDateTime &now);

// The same in one short line for the reminder row (the overdue items and who is on what are
// counted, not named): "23 min in · 22 of 25 items open, 2 overdue · 1 taken · next update
// 21:32 UTC".
QString callOutSummary(const Incident &incident, const std::vector<ChecklistItem> &items,
                       const QDateTime &nextUpdateDue, const QDateTime &now);

// When the next call-out is due: the last one (or the start) plus the interval. Invalid when
// the incident is not open or its severity asks for none.
QDateTime nextCallOutDue(const Incident &incident, qint64 intervalSeconds,
                         const QDateTime &lastCallOut);

} // namespace ic::incidents
