#include "TeamShare.h"

#include "CommandLine.h"
#include "core/Ids.h"
#include "storage/Database.h"
#include "team/TeamConnect.h"
#include "team/TeamState.h"
#include "team/TeamSync.h"

namespace ic::cli {
namespace {

// A command run from a shell prompt or a script waits this long for the server at most.
constexpr int connectTimeoutSeconds = 2;
// After a push failed, commands leave the server alone this long.
constexpr qint64 quietAfterFailureSeconds = 60;
const QString failedAtKey = QStringLiteral("team.push_failed_at");

} // namespace

void shareWaitingChanges(Context &context)
{
    const std::unique_ptr<Database> database = context.openDatabase();
    if (!database)
        return;
    const QSqlDatabase db = database->connection();
    if (!team::isShared(db))
        return;
    const int waiting = team::waitingEvents(db);
    if (waiting == 0)
        return;
    const QDateTime failedAt = fromStoredTime(team::metaValue(db, failedAtKey));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto wait = [&](const QString &why) {
        context.err() << "incident-console: team: " << why << "; " << waiting
                      << (waiting == 1 ? " change waits" : " changes wait")
                      << " for the window or 'team sync'" << Qt::endl;
    };
    if (failedAt.isValid() && failedAt.secsTo(now) < quietAfterFailureSeconds && failedAt <= now) {
        wait(QStringLiteral("the server was out of reach a moment ago"));
        return;
    }
    Result<std::unique_ptr<team::PgConnection>> server =
        team::connectToTeam(db, context.dataDir().path, connectTimeoutSeconds);
    const Result<int> pushed = server ? team::pushWaiting(db, **server)
                                      : Result<int>(Error{server.error(), server.errorKind()});
    if (!pushed) {
        (void)team::setMetaValue(db, failedAtKey, toStoredTime(now));
        (void)team::setMetaValue(db, team::keys::lastError, pushed.error());
        wait(pushed.error());
        return;
    }
    (void)team::removeMetaValue(db, failedAtKey);
}

} // namespace ic::cli
