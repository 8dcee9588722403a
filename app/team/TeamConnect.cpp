#include "TeamConnect.h"

#include "ServerSchema.h"
#include "TeamPassword.h"
#include "TeamState.h"

namespace ic::team {

Result<std::unique_ptr<PgConnection>> connectToTeam(const QSqlDatabase &local,
                                                    const QString &dataDir, int timeoutSeconds)
{
    const QString uri = metaValue(local, keys::serverUri);
    if (uri.isEmpty())
        return refusal(
            QStringLiteral("this console is in no team (incident-console team join URI)"));
    const ServerAddress address = parseServerAddress(uri);
    if (!address.problem.isEmpty())
        return refusal(QStringLiteral("the stored team server URI: %1").arg(address.problem));
    Result<std::unique_ptr<PgConnection>> connection =
        PgConnection::open(address, TeamPassword(dataDir).load(), timeoutSeconds);
    if (!connection)
        return connection;
    if (const Result<void> migrated = migrateServer(**connection); !migrated)
        return Error{migrated.error(), migrated.errorKind()};
    return connection;
}

} // namespace ic::team
