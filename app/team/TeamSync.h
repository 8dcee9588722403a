#pragma once

#include "PgConnection.h"
#include "core/Result.h"

#include <QSqlDatabase>
#include <QStringList>

namespace ic::team {

struct SyncReport
{
    int pushed = 0;  // this console's events the server has now
    int pulled = 0;  // events read from the server
    int applied = 0; // of those, new here and merged
    int refused = 0; // of those, refused (team status lists why)
    int waiting = 0; // this console's events still not on the server
    qint64 cursor = 0;
    QStringList refusals;
    QStringList changedIncidents;
};

// One exchange with the team server: this console's waiting events go up, then every event
// after its cursor comes down and is merged, a batch per local transaction together with the
// cursor (a crash repeats a batch, which changes nothing the second time). An event that fails
// validation or cannot be merged is refused, recorded with why, and the rest go on.
Result<SyncReport> syncOnce(const QSqlDatabase &local, PgConnection &server);

// The events this console has not pushed yet go up; returns how many.
Result<int> pushWaiting(const QSqlDatabase &local, PgConnection &server);

} // namespace ic::team
