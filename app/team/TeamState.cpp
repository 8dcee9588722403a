#include "TeamState.h"

#include "core/Ids.h"
#include "storage/Sql.h"

#include <QDateTime>

namespace ic::team {

QString metaValue(const QSqlDatabase &db, const QString &key)
{
    return sql::scalar(db, QStringLiteral("SELECT value FROM app_meta WHERE key = ?"), {key})
        .toString();
}

Result<void> setMetaValue(const QSqlDatabase &db, const QString &key, const QString &value)
{
    QString error;
    if (!sql::exec(db, QStringLiteral("INSERT OR REPLACE INTO app_meta (key, value) VALUES (?, ?)"),
                   {key, value}, &error))
        return failure(error);
    return {};
}

Result<void> removeMetaValue(const QSqlDatabase &db, const QString &key)
{
    QString error;
    if (!sql::exec(db, QStringLiteral("DELETE FROM app_meta WHERE key = ?"), {key}, &error))
        return failure(error);
    return {};
}

bool isShared(const QSqlDatabase &db)
{
    return !metaValue(db, keys::serverUri).isEmpty();
}

bool isJournaled(const QSqlDatabase &db)
{
    return isShared(db) || !metaValue(db, keys::journal).isEmpty();
}

Result<void> clearJournal(const QSqlDatabase &db)
{
    for (const QString &statement :
         {QStringLiteral("DELETE FROM team_events"), QStringLiteral("DELETE FROM team_clocks"),
          QStringLiteral("DELETE FROM team_writes"), QStringLiteral("DELETE FROM team_refused")})
        if (const Result<void> cleared = sql::run(db, statement); !cleared)
            return cleared;
    return removeMetaValue(db, keys::journal);
}

Result<QString> consoleId(const QSqlDatabase &db)
{
    QString id = metaValue(db, keys::console);
    if (!id.isEmpty())
        return id;
    id = newId();
    // INSERT OR IGNORE, then read back: two processes making the id at once agree on one.
    QString error;
    if (!sql::exec(db, QStringLiteral("INSERT OR IGNORE INTO app_meta (key, value) VALUES (?, ?)"),
                   {keys::console, id}, &error))
        return failure(error);
    return metaValue(db, keys::console);
}

Result<Hlc> stampNextEvent(const QSqlDatabase &db, const QString &console)
{
    const Hlc last = Hlc::parse(metaValue(db, keys::clock)).value_or(Hlc{});
    const Hlc next = nextHlc(last, QDateTime::currentMSecsSinceEpoch(), console);
    const Result<void> stored = setMetaValue(db, keys::clock, next.toString());
    if (!stored)
        return Error{stored.error()};
    return next;
}

Result<void> observeClock(const QSqlDatabase &db, const Hlc &remote)
{
    const Hlc last = Hlc::parse(metaValue(db, keys::clock)).value_or(Hlc{});
    if (!(last < remote))
        return {};
    return setMetaValue(db, keys::clock, remote.toString());
}

int waitingEvents(const QSqlDatabase &db)
{
    return sql::scalar(db, QStringLiteral("SELECT count(*) FROM team_events WHERE pushed = 0"))
        .toInt();
}

} // namespace ic::team
