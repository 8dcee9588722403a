#pragma once

#include "TeamEvent.h"
#include "core/Result.h"

#include <QSqlDatabase>

namespace ic::team {

// How an event from the server changed this console.
enum class Applied
{
    Folded,     // new here: its rows are merged and it is in the journal
    AlreadyHad, // this console made it or applied it before: nothing changed
};

// Merges a remote event into the local copy, in the caller's transaction. The rules, the same
// on every console, so that consoles holding the same events show the same state whatever
// order they arrived in:
//  - a field is a last-writer-wins register by hybrid logical clock; a write made without
//    knowing of the one it meets (its base clock differs) is concurrent, and the loser's
//    timeline event says it was not kept and which change was;
//  - a checklist item's ticked state is such a register (tick and untick are both kept on the
//    timeline); timeline events, drafts and new items are only ever added;
//  - a milestone keeps the earlier of two concurrent times; updated_at the later;
//  - two items added at once with the same number: the later keeps its text, takes the next.
Result<Applied> applyRemoteEvent(const QSqlDatabase &db, const TeamEvent &event,
                                 const QByteArray &payload);

} // namespace ic::team
