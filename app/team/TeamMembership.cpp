#include "TeamMembership.h"

#include "ChangeJournal.h"
#include "PgConnection.h"
#include "ServerSchema.h"
#include "TeamPassword.h"
#include "TeamServer.h"
#include "TeamState.h"
#include "storage/Sql.h"

namespace ic::team {

Result<SyncReport> exchangeWith(const QSqlDatabase &db, PgConnection &server, const QString &person)
{
    Result<SyncReport> report = syncOnce(db, server);
    if (report) {
        const Result<QString> console = consoleId(db);
        if (console)
            (void)TeamServer(server).heartbeat(*console, person);
    }
    return report;
}

Result<JoinOutcome> joinTeam(const QSqlDatabase &db, const QString &dataDir, const QString &uri,
                             const std::optional<QString> &password, const QString &actor,
                             int timeoutSeconds)
{
    const ServerAddress address = parseServerAddress(uri);
    if (!address.problem.isEmpty())
        return refusal(address.problem);
    const QString joined = metaValue(db, keys::serverUri);
    if (!joined.isEmpty() && joined != address.uri)
        return refusal(QStringLiteral("this console is in the team at %1 already; leave it first")
                           .arg(parseServerAddress(joined).display));

    const TeamPassword passwordStore(dataDir);
    if (password && password->isEmpty())
        return refusal(QStringLiteral("the password is empty"));
    Result<std::unique_ptr<PgConnection>> server =
        PgConnection::open(address, password.value_or(passwordStore.load()), timeoutSeconds);
    if (!server)
        return Error{server.error(), server.errorKind()};
    if (const Result<void> migrated = migrateServer(**server); !migrated)
        return migrated.failed();
    if (password)
        if (const QString problem = passwordStore.store(*password); !problem.isEmpty())
            return failure(problem);

    JoinOutcome outcome;
    outcome.display = address.display;
    const QString journalOf = metaValue(db, keys::journal);
    const Result<void> stored = sql::inWriteTransaction(db, [&]() -> Result<void> {
        if (!journalOf.isEmpty() && journalOf != address.uri)
            if (const Result<void> cleared = clearJournal(db); !cleared)
                return cleared;
        if (const Result<void> set = setMetaValue(db, keys::serverUri, address.uri); !set)
            return set;
        if (const Result<void> kept = setMetaValue(db, keys::journal, address.uri); !kept)
            return kept;
        const Result<int> shared = ChangeJournal(db).shareUnjournaledIncidents(actor);
        if (!shared)
            return shared.failed();
        outcome.sharedIncidents = *shared;
        return {};
    });
    if (!stored)
        return stored.failed();
    outcome.console = metaValue(db, keys::console);
    const Result<SyncReport> report = exchangeWith(db, **server, actor);
    if (!report)
        return failure(
            QStringLiteral("joined, but the first exchange failed: %1").arg(report.error()));
    outcome.firstExchange = *report;
    return outcome;
}

Result<int> leaveTeam(const QSqlDatabase &db, const QString &dataDir, bool force)
{
    if (!isShared(db))
        return refusal(QStringLiteral("this console is in no team"));
    const int waiting = waitingEvents(db);
    if (waiting > 0 && !force)
        return refusal(QStringLiteral("%1 change(s) never reached the team server; send them "
                                      "first (team sync), or leave anyway")
                           .arg(waiting));
    const QString uri = metaValue(db, keys::serverUri);
    const Result<void> left = sql::inWriteTransaction(db, [&]() -> Result<void> {
        // Data dirs that joined before the journal key existed get it now.
        if (const Result<void> kept = setMetaValue(db, keys::journal, uri); !kept)
            return kept;
        for (const QString &key : {keys::serverUri, keys::cursor, keys::lastSync, keys::lastError})
            if (const Result<void> removed = removeMetaValue(db, key); !removed)
                return removed;
        return {};
    });
    if (!left)
        return left.failed();
    if (const QString problem = TeamPassword(dataDir).clear(); !problem.isEmpty())
        return failure(QStringLiteral("left the team, but %1").arg(problem));
    return waiting;
}

} // namespace ic::team
