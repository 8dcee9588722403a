#pragma once

#include "PgConnection.h"
#include "core/Result.h"

#include <QSqlDatabase>
#include <memory>

namespace ic::team {

// Connects to the team server this data dir joined (its URI from console.db, its password from
// TeamPassword or libpq's own sources) and brings the server's schema up to date. Refused
// when the data dir is in no team.
Result<std::unique_ptr<PgConnection>> connectToTeam(const QSqlDatabase &local,
                                                    const QString &dataDir, int timeoutSeconds);

} // namespace ic::team
