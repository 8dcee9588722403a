#pragma once

#include "TeamSync.h"
#include "core/Result.h"

#include <QSqlDatabase>
#include <optional>

namespace ic::team {

// Joining and leaving a team, for the CLI (`team join`, `team leave`) and the window's
// Settings alike. Both talk to the network and the disk: never call them on the UI thread.

struct JoinOutcome
{
    QString display; // the server as shown, never a password
    QString console; // this console's id
    int sharedIncidents = 0;
    SyncReport firstExchange;
};

// Joins the team at uri: first contact before anything is stored (a URI that does not work
// is not joined; the server's schema is created or checked), the password (when given)
// stored 0600 beside the data dir's secrets, then the URI and the incidents already here enter
// the team in one transaction and the first exchange runs. Back in the team it left, what
// changed meanwhile goes up; another team gets everything here as new. ErrorKind::Refused for
// a URI that is not acceptable or a console in another team already.
Result<JoinOutcome> joinTeam(const QSqlDatabase &db, const QString &dataDir, const QString &uri,
                             const std::optional<QString> &password, const QString &actor,
                             int timeoutSeconds);

// Leaves the team: incidents stay, the stored password goes. Refused while changes have not
// reached the server, unless force. Returns how many never reached it.
Result<int> leaveTeam(const QSqlDatabase &db, const QString &dataDir, bool force);

// One exchange with the server, and this console's heartbeat as person.
Result<SyncReport> exchangeWith(const QSqlDatabase &db, PgConnection &server,
                                const QString &person);

} // namespace ic::team
