#pragma once

#include "core/Result.h"

#include <QStringList>
#include <memory>
#include <optional>
#include <vector>

struct pg_conn;

namespace ic::team {

// A libpq URI ("postgresql://ic@db1,db2:5432/ic?sslmode=verify-full&sslrootcert=ca.pem") told
// apart from what it must not carry. Empty problem when it is usable.
struct ServerAddress
{
    QString uri;
    // "ic@db1,db2:5432/ic": what messages and the status show, never a password.
    QString display;
    QString problem;
};
ServerAddress parseServerAddress(const QString &uri);

// Rows of a result as text (libpq's text format); a NULL is a null QString.
struct PgRows
{
    std::vector<QStringList> rows;
    int affected = 0;
};

// One libpq connection, used by one thread. Statements take their values as parameters
// ($1, $2…), never spliced into the SQL text.
class PgConnection
{
public:
    ~PgConnection();
    PgConnection(const PgConnection &) = delete;
    PgConnection &operator=(const PgConnection &) = delete;

    // Connects to address with password (empty: libpq's own PGPASSWORD or password file),
    // giving up after timeoutSeconds. Errors name the server by its display form.
    static Result<std::unique_ptr<PgConnection>> open(const ServerAddress &address,
                                                      const QString &password, int timeoutSeconds);

    Result<PgRows> exec(const char *sql, const QStringList &params = {});
    // The socket to watch for notifications, and the channels notified since the last call.
    int socket() const;
    Result<QStringList> takeNotifications();
    bool isBroken() const;

private:
    PgConnection(pg_conn *connection, QString display);

    pg_conn *m_connection;
    QString m_display;
};

} // namespace ic::team
