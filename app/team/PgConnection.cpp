#include "PgConnection.h"

#include "core/ConsoleSecrets.h"

#include <libpq-fe.h>

namespace ic::team {
namespace {

QString lastError(pg_conn *connection)
{
    return QString::fromUtf8(PQerrorMessage(connection)).trimmed();
}

} // namespace

ServerAddress parseServerAddress(const QString &uri)
{
    ServerAddress address{uri.trimmed(), {}, {}};
    if (!address.uri.startsWith(QLatin1String("postgresql://")) &&
        !address.uri.startsWith(QLatin1String("postgres://"))) {
        address.problem = QStringLiteral("a team server is a PostgreSQL URI "
                                         "(postgresql://user@host:5432/database)");
        return address;
    }
    char *parseError = nullptr;
    PQconninfoOption *options = PQconninfoParse(address.uri.toUtf8().constData(), &parseError);
    if (!options) {
        // libpq's message quotes no password: it names the part it could not read.
        address.problem = QStringLiteral("not a valid PostgreSQL URI: %1")
                              .arg(QString::fromUtf8(parseError ? parseError : "").trimmed());
        PQfreemem(parseError);
        return address;
    }
    QString user, host, port, database;
    for (PQconninfoOption *option = options; option->keyword; ++option) {
        if (!option->val)
            continue;
        const QString keyword = QString::fromUtf8(option->keyword);
        const QString value = QString::fromUtf8(option->val);
        if (keyword == QLatin1String("password") || keyword == QLatin1String("sslpassword"))
            address.problem = QStringLiteral("the URI carries a %1; give it with "
                                             "--password-stdin, PGPASSWORD or a password file "
                                             "(~/.pgpass) instead, so it is never stored with "
                                             "the URI")
                                  .arg(keyword);
        else if (keyword == QLatin1String("passfile")) {
            // libpq sends the password it reads there to the host the URI names.
            if (const QString why = whyNotAPasswordFile(value); !why.isEmpty())
                address.problem = QStringLiteral("%1: %2").arg(keyword, why);
        } else if (keyword == QLatin1String("user"))
            user = value;
        else if (keyword == QLatin1String("host"))
            host = value;
        else if (keyword == QLatin1String("port"))
            port = value;
        else if (keyword == QLatin1String("dbname"))
            database = value;
    }
    PQconninfoFree(options);
    address.display = (user.isEmpty() ? QString() : user + QLatin1Char('@')) +
                      (host.isEmpty() ? QStringLiteral("localhost") : host) +
                      (port.isEmpty() ? QString() : QLatin1Char(':') + port) + QLatin1Char('/') +
                      database;
    return address;
}

PgConnection::PgConnection(pg_conn *connection, QString display)
    : m_connection(connection), m_display(std::move(display))
{}

PgConnection::~PgConnection()
{
    PQfinish(m_connection);
}

Result<std::unique_ptr<PgConnection>>
PgConnection::open(const ServerAddress &address, const QString &password, int timeoutSeconds)
{
    const QByteArray uri = address.uri.toUtf8();
    const QByteArray secret = password.toUtf8();
    const QByteArray timeout = QByteArray::number(qMax(1, timeoutSeconds));
    // The URI is expanded as dbname; what follows it (password, timeout) only fills gaps.
    std::vector<const char *> keywords{"dbname", "connect_timeout", "application_name"};
    std::vector<const char *> values{uri.constData(), timeout.constData(), "incident-console"};
    if (!secret.isEmpty()) {
        keywords.push_back("password");
        values.push_back(secret.constData());
    }
    keywords.push_back(nullptr);
    values.push_back(nullptr);
    pg_conn *connection = PQconnectdbParams(keywords.data(), values.data(), 1);
    if (!connection)
        return failure(QStringLiteral("team server %1: out of memory").arg(address.display));
    if (PQstatus(connection) != CONNECTION_OK) {
        const QString message = lastError(connection);
        PQfinish(connection);
        return failure(QStringLiteral("team server %1: %2").arg(address.display, message));
    }
    // Consoles exchange text: the server's answers are UTF-8 whatever its own encoding.
    PQsetClientEncoding(connection, "UTF8");
    return std::unique_ptr<PgConnection>(new PgConnection(connection, address.display));
}

Result<PgRows> PgConnection::exec(const char *sql, const QStringList &params)
{
    std::vector<QByteArray> bytes;
    bytes.reserve(size_t(params.size()));
    std::vector<const char *> values;
    for (const QString &param : params) {
        bytes.push_back(param.toUtf8());
        values.push_back(param.isNull() ? nullptr : bytes.back().constData());
    }
    PGresult *result = PQexecParams(m_connection, sql, int(values.size()), nullptr, values.data(),
                                    nullptr, nullptr, 0);
    const ExecStatusType status = PQresultStatus(result);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
        const QString message = QString::fromUtf8(PQresultErrorMessage(result)).trimmed();
        PQclear(result);
        return failure(QStringLiteral("team server %1: %2")
                           .arg(m_display, message.isEmpty() ? lastError(m_connection) : message));
    }
    PgRows rows;
    rows.affected = QByteArray(PQcmdTuples(result)).toInt();
    const int columns = PQnfields(result);
    for (int row = 0; row < PQntuples(result); ++row) {
        QStringList values;
        for (int column = 0; column < columns; ++column)
            values.append(PQgetisnull(result, row, column)
                              ? QString()
                              : QString::fromUtf8(PQgetvalue(result, row, column),
                                                  PQgetlength(result, row, column)));
        rows.rows.push_back(std::move(values));
    }
    PQclear(result);
    return rows;
}

int PgConnection::socket() const
{
    return PQsocket(m_connection);
}

Result<QStringList> PgConnection::takeNotifications()
{
    if (!PQconsumeInput(m_connection))
        return failure(
            QStringLiteral("team server %1: %2").arg(m_display, lastError(m_connection)));
    QStringList channels;
    while (PGnotify *notification = PQnotifies(m_connection)) {
        channels.append(QString::fromUtf8(notification->relname));
        PQfreemem(notification);
    }
    return channels;
}

bool PgConnection::isBroken() const
{
    return PQstatus(m_connection) != CONNECTION_OK;
}

} // namespace ic::team
