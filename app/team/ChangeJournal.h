#pragma once

#include "ReplicatedRows.h"
#include "TeamEvent.h"
#include "core/Result.h"

#include <QSqlDatabase>

namespace ic::team {

// Turns each committed change of a shared data dir into the event that replicates it. The
// incident service calls before() and record() inside the change's own transaction, so a
// change and its event are written together or not at all: nothing changes that the team
// never hears of.
class ChangeJournal
{
public:
    explicit ChangeJournal(QSqlDatabase db);

    struct Before
    {
        QString incidentId;
        IncidentRows rows;
    };
    // The rows of incidentId as they are before the change (none for a new incident).
    Result<Before> before(const QString &incidentId) const;
    // What the change did to incidentId since before, as one event by actor; nothing when it
    // changed nothing. timelineEventId names the change's own timeline event.
    Result<void> record(const Before &before, const QString &incidentId,
                        const QString &timelineEventId, const QString &actor) const;
    // An incident as it is, brought into the team (joining with incidents already on this
    // console): its rows as "share" events, the timeline in chunks. Incidents with events
    // in the journal are already shared and are left alone. Returns how many it shared.
    Result<int> shareUnjournaledIncidents(const QString &actor) const;

private:
    Result<void> append(TeamEvent event) const;

    QSqlDatabase m_db;
};

} // namespace ic::team
