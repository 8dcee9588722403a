#include "Sql.h"

#include "core/Logging.h"

#include <QHash>
#include <QSqlError>

namespace ic::sql {

std::optional<QSqlQuery> exec(const QSqlDatabase &db, const QString &sql,
                              const QVariantList &params, QString *error)
{
    QSqlQuery query(db);
    const bool ok = query.prepare(sql) && [&] {
        for (const QVariant &param : params)
            query.addBindValue(param);
        return query.exec();
    }();
    if (ok)
        return query;
    const QString message =
        query.lastError().text() + QStringLiteral(" (in: ") + sql + QStringLiteral(")");
    log::get(log::Storage)->warn("{}", message.toStdString());
    if (error)
        *error = message;
    return std::nullopt;
}

namespace {

// Per thread, since a connection belongs to one thread: "connection\x1fsql" -> its statement.
QHash<QString, QSqlQuery> &keptStatements()
{
    thread_local QHash<QString, QSqlQuery> statements;
    return statements;
}

// A bound on what is kept: statements made with .arg() (a column name) come in a few shapes.
constexpr qsizetype maxKeptStatements = 512;

} // namespace

QSqlQuery *execKept(const QSqlDatabase &db, const QString &sql, const QVariantList &params,
                    QString *error)
{
    QHash<QString, QSqlQuery> &kept = keptStatements();
    const QString key = db.connectionName() + QChar(0x1f) + sql;
    auto found = kept.find(key);
    // A connection closed and opened again under its name has a new driver: prepare anew.
    if (found != kept.end() && (!found->driver() || found->driver() != db.driver())) {
        kept.erase(found);
        found = kept.end();
    }
    if (found == kept.end()) {
        if (kept.size() >= maxKeptStatements)
            kept.clear();
        QSqlQuery query(db);
        if (!query.prepare(sql)) {
            const QString message =
                query.lastError().text() + QStringLiteral(" (in: ") + sql + QStringLiteral(")");
            log::get(log::Storage)->warn("{}", message.toStdString());
            if (error)
                *error = message;
            return nullptr;
        }
        found = kept.insert(key, query);
    }
    QSqlQuery &query = *found;
    query.finish();
    for (int i = 0; i < params.size(); ++i)
        query.bindValue(i, params.at(i));
    if (!query.exec()) {
        const QString message =
            query.lastError().text() + QStringLiteral(" (in: ") + sql + QStringLiteral(")");
        log::get(log::Storage)->warn("{}", message.toStdString());
        if (error)
            *error = message;
        kept.erase(found);
        return nullptr;
    }
    return &query;
}

void forgetKeptStatements(const QString &connectionName)
{
    QHash<QString, QSqlQuery> &kept = keptStatements();
    const QString prefix = connectionName + QChar(0x1f);
    for (auto it = kept.begin(); it != kept.end();)
        it = it.key().startsWith(prefix) ? kept.erase(it) : std::next(it);
}

Result<void> run(const QSqlDatabase &db, const QString &sql, const QVariantList &params)
{
    QString error;
    QSqlQuery *query = execKept(db, sql, params, &error);
    if (!query)
        return failure(error);
    query->finish();
    return {};
}

Result<int> changedRows(const QSqlDatabase &db, const QString &sql, const QVariantList &params)
{
    QString error;
    const auto query = exec(db, sql, params, &error);
    if (!query)
        return failure(error);
    return query->numRowsAffected();
}

QVariant scalar(const QSqlDatabase &db, const QString &sql, const QVariantList &params,
                QString *error)
{
    auto query = exec(db, sql, params, error);
    if (query && query->next())
        return query->value(0);
    return {};
}

namespace {

// How many WriteTransactions are open on each connection of this thread (a connection
// belongs to one thread). An inner one is a savepoint of the outer.
QHash<QString, int> &openTransactions()
{
    thread_local QHash<QString, int> depths;
    return depths;
}

} // namespace

WriteTransaction::WriteTransaction(const QSqlDatabase &db) : m_db(db)
{
    int &depth = openTransactions()[m_db.connectionName()];
    m_nested = depth > 0;
    m_active = exec(m_db,
                    m_nested ? QStringLiteral("SAVEPOINT nested_write")
                             : QStringLiteral("BEGIN IMMEDIATE"),
                    {}, &m_error)
                   .has_value();
    if (m_active)
        ++depth;
}

WriteTransaction::~WriteTransaction()
{
    if (!m_active)
        return;
    if (m_nested) {
        exec(m_db, QStringLiteral("ROLLBACK TO nested_write"));
        exec(m_db, QStringLiteral("RELEASE nested_write"));
    } else {
        exec(m_db, QStringLiteral("ROLLBACK"));
    }
    closed();
}

bool WriteTransaction::commit()
{
    if (!m_active)
        return false;
    if (!exec(m_db, m_nested ? QStringLiteral("RELEASE nested_write") : QStringLiteral("COMMIT"),
              {}, &m_error))
        return false;
    m_active = false;
    closed();
    return true;
}

void WriteTransaction::closed()
{
    auto &depths = openTransactions();
    const QString name = m_db.connectionName();
    if (--depths[name] <= 0)
        depths.remove(name);
}

Result<void> inWriteTransaction(const QSqlDatabase &db, const std::function<Result<void>()> &work)
{
    WriteTransaction transaction(db);
    if (!transaction.isActive())
        return failure(transaction.error());
    if (Result<void> done = work(); !done)
        return done;
    if (!transaction.commit())
        return failure(transaction.error());
    return {};
}

} // namespace ic::sql
