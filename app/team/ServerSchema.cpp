#include "ServerSchema.h"

#include <vector>

namespace ic::team {
namespace {

struct ServerMigration
{
    int version;
    const char *name;
    std::vector<const char *> statements;
};

const std::vector<ServerMigration> &serverMigrations()
{
    static const std::vector<ServerMigration> migrations{
        {1,
         "events with a pull sequence, notification on insert, presence",
         {
             // The id makes an upload sent twice a no-op; seq is the order consoles pull in.
             "CREATE TABLE ic_events ("
             " seq bigserial NOT NULL UNIQUE,"
             " id uuid PRIMARY KEY,"
             " incident uuid NOT NULL,"
             " console uuid NOT NULL,"
             " hlc text NOT NULL,"
             " payload text NOT NULL CHECK (octet_length(payload) <= 4194304),"
             " received_at timestamptz NOT NULL DEFAULT now())",
             // One wake-up per upload: listeners pull what is after their cursor.
             "CREATE FUNCTION ic_events_notify() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
             "PERFORM pg_notify('incident_console_events', ''); RETURN NULL; END $$",
             "CREATE TRIGGER ic_events_notify AFTER INSERT ON ic_events FOR EACH STATEMENT "
             "EXECUTE FUNCTION ic_events_notify()",
             "CREATE TABLE ic_presence ("
             " console uuid PRIMARY KEY,"
             " person text NOT NULL,"
             " seen_at timestamptz NOT NULL DEFAULT now())",
         }},
    };
    return migrations;
}

// Any number, the same for every console: pg_advisory_xact_lock keys of the team schema.
constexpr const char *migrationLock = "SELECT pg_advisory_xact_lock(7146372201)";

Result<int> installedVersion(PgConnection &server)
{
    Result<PgRows> exists = server.exec("SELECT to_regclass('ic_schema') IS NOT NULL");
    if (!exists)
        return Error{exists.error()};
    if (exists->rows.front().front() != QLatin1String("t"))
        return 0;
    Result<PgRows> version = server.exec("SELECT coalesce(max(version), 0) FROM ic_schema");
    if (!version)
        return Error{version.error()};
    return version->rows.front().front().toInt();
}

Result<void> refuseNewer(int version)
{
    if (version > latestServerSchemaVersion())
        return refusal(QStringLiteral("the team server's schema is version %1, newer than this "
                                      "console knows (%2): update the console to join this team")
                           .arg(version)
                           .arg(latestServerSchemaVersion()));
    return {};
}

Result<void> applyMissing(PgConnection &server)
{
    for (const char *statement :
         {migrationLock, "CREATE TABLE IF NOT EXISTS ic_schema (version integer PRIMARY KEY, "
                         "name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())"})
        if (Result<PgRows> done = server.exec(statement); !done)
            return Error{done.error()};
    // Read again under the lock: another console may have migrated meanwhile.
    const Result<int> version = installedVersion(server);
    if (!version)
        return Error{version.error()};
    if (const Result<void> newer = refuseNewer(*version); !newer)
        return newer;
    for (const ServerMigration &migration : serverMigrations()) {
        if (migration.version <= *version)
            continue;
        for (const char *statement : migration.statements)
            if (Result<PgRows> done = server.exec(statement); !done)
                return Error{QStringLiteral("server schema step %1 (%2): %3")
                                 .arg(migration.version)
                                 .arg(QString::fromUtf8(migration.name), done.error())};
        if (Result<PgRows> done = server.exec(
                "INSERT INTO ic_schema (version, name) VALUES ($1, $2)",
                {QString::number(migration.version), QString::fromUtf8(migration.name)});
            !done)
            return Error{done.error()};
    }
    return {};
}

} // namespace

int latestServerSchemaVersion()
{
    return serverMigrations().back().version;
}

Result<void> migrateServer(PgConnection &server)
{
    // A console whose role may only read and write the events never needs DDL rights: when
    // the schema is current there is nothing to lock or create.
    const Result<int> version = installedVersion(server);
    if (!version)
        return Error{version.error()};
    if (const Result<void> newer = refuseNewer(*version); !newer)
        return newer;
    if (*version == latestServerSchemaVersion())
        return {};
    if (Result<PgRows> begun = server.exec("BEGIN"); !begun)
        return Error{begun.error()};
    const Result<void> applied = applyMissing(server);
    if (Result<PgRows> ended = server.exec(applied ? "COMMIT" : "ROLLBACK"); !ended && applied)
        return Error{ended.error()};
    return applied;
}

} // namespace ic::team
