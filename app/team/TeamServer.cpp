#include "TeamServer.h"

namespace ic::team {

Result<void> TeamServer::push(const std::vector<Upload> &uploads)
{
    if (uploads.empty())
        return {};
    const auto run = [&]() -> Result<void> {
        for (const char *statement : {"BEGIN", "SELECT pg_advisory_xact_lock(7146372202)"})
            if (Result<PgRows> done = m_connection.exec(statement); !done)
                return Error{done.error()};
        for (const Upload &upload : uploads)
            if (Result<PgRows> done = m_connection.exec(
                    "INSERT INTO ic_events (id, incident, console, hlc, payload) VALUES ($1, $2, "
                    "$3, $4, $5) ON CONFLICT (id) DO NOTHING",
                    {upload.id, upload.incidentId, upload.console, upload.hlc,
                     QString::fromUtf8(upload.payload)});
                !done)
                return Error{done.error()};
        if (Result<PgRows> done = m_connection.exec("COMMIT"); !done)
            return Error{done.error()};
        return {};
    };
    const Result<void> pushed = run();
    if (!pushed && !m_connection.isBroken())
        (void)m_connection.exec("ROLLBACK");
    return pushed;
}

Result<std::vector<TeamServer::Download>> TeamServer::pull(qint64 after, int limit)
{
    Result<PgRows> rows =
        m_connection.exec("SELECT seq, payload FROM ic_events WHERE seq > $1 ORDER BY seq LIMIT $2",
                          {QString::number(after), QString::number(limit)});
    if (!rows)
        return Error{rows.error()};
    std::vector<Download> downloads;
    downloads.reserve(rows->rows.size());
    for (const QStringList &row : rows->rows)
        downloads.push_back(Download{row[0].toLongLong(), row[1].toUtf8()});
    return downloads;
}

Result<void> TeamServer::listen()
{
    if (Result<PgRows> done = m_connection.exec("LISTEN incident_console_events"); !done)
        return Error{done.error()};
    return {};
}

Result<void> TeamServer::heartbeat(const QString &console, const QString &person)
{
    if (Result<PgRows> done = m_connection.exec(
            "INSERT INTO ic_presence (console, person, seen_at) VALUES ($1, $2, now()) ON "
            "CONFLICT (console) DO UPDATE SET person = excluded.person, seen_at = now()",
            {console, person});
        !done)
        return Error{done.error()};
    return {};
}

Result<std::vector<TeamServer::Present>> TeamServer::presentWithin(int seconds)
{
    Result<PgRows> rows = m_connection.exec(
        "SELECT console, person, to_char(seen_at AT TIME ZONE 'UTC', "
        "'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') FROM ic_presence WHERE seen_at > now() - "
        "make_interval(secs => $1) ORDER BY seen_at DESC",
        {QString::number(seconds)});
    if (!rows)
        return Error{rows.error()};
    std::vector<Present> present;
    for (const QStringList &row : rows->rows)
        present.push_back(
            Present{row[0], row[1], QDateTime::fromString(row[2], Qt::ISODateWithMs)});
    return present;
}

} // namespace ic::team
