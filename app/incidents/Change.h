#pragma once

#include "core/Result.h"

#include <QString>

namespace ic::incidents {

// One committed change to an incident: every change writes exactly one timeline event, and
// this names it. What IncidentService returns and reports to its listeners.
struct Change
{
    QString incidentId;
    QString eventId;
};

// The outcome of a write transaction that made change.
inline Result<Change> committed(const Result<void> &written, Change change)
{
    if (!written)
        return Error{written.error(), written.errorKind()};
    return change;
}

} // namespace ic::incidents
