#pragma once

#include "core/Result.h"

#include <QSqlDatabase>

namespace ic::team {

// Checklist item numbers in a team. Each item keeps the number its creator gave it (its claim,
// checklist_items.claimed_number). Items added at once on several consoles may claim the same
// number; every console then derives the same final numbers from the claims and the creation
// clocks, whatever order the items arrived in: in the order (claim, creation clock, id), each
// item takes its claim, or when an earlier one holds it, the number after the one before it.
// Items without a conflict keep their claim, so "tick 8" stays the same item.

// Inside the caller's transaction: the incident's items renumbered by that rule.
Result<void> settleItemNumbers(const QSqlDatabase &db, const QString &incidentId);

// A number no item of the incident holds, for an item written before the numbers are settled
// (the unique index allows no two items one number even for a moment).
qint64 placeholderNumber(const QSqlDatabase &db, const QString &incidentId);

} // namespace ic::team
