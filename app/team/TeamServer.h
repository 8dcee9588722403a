#pragma once

#include "PgConnection.h"
#include "core/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <vector>

namespace ic::team {

// What the team server holds, through one connection: the events table (upload, pull after a
// cursor, wake-ups) and who is connected.
class TeamServer
{
public:
    explicit TeamServer(PgConnection &connection) : m_connection(connection) {}

    struct Upload
    {
        QString id;
        QString incidentId;
        QString console;
        QString hlc;
        QByteArray payload;
    };
    // In one transaction; an event the server already has is skipped, so sending one twice
    // changes nothing. Uploads are serialized by an advisory lock, so the sequence numbers
    // become visible in order and a pull cursor never skips one committed later.
    Result<void> push(const std::vector<Upload> &uploads);

    struct Download
    {
        qint64 seq = 0;
        QByteArray payload;
    };
    Result<std::vector<Download>> pull(qint64 after, int limit);

    // Wake-ups for new events arrive on the connection's socket after this.
    Result<void> listen();

    Result<void> heartbeat(const QString &console, const QString &person);
    struct Present
    {
        QString console;
        QString person;
        QDateTime seenAt;
    };
    // The consoles seen within the last seconds, newest first.
    Result<std::vector<Present>> presentWithin(int seconds);

private:
    PgConnection &m_connection;
};

} // namespace ic::team
