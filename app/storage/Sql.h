#pragma once

#include "core/Result.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>
#include <functional>
#include <optional>

namespace ic::sql {

// Prepares sql, binds params positionally (never by string splicing) and executes it.
// Returns the active query, or nothing with *error set to the driver's message and the SQL.
std::optional<QSqlQuery> exec(const QSqlDatabase &db, const QString &sql,
                              const QVariantList &params = {}, QString *error = nullptr);

// exec() for a statement whose rows are not read: success, or the driver's message and the SQL.
// The statement is prepared once per connection and kept (SQLite's parser and planner cost a
// tick more than its writes); nothing it returns outlives the call, so reuse is safe.
Result<void> run(const QSqlDatabase &db, const QString &sql, const QVariantList &params = {});

// exec() through the same kept statements, for a read whose rows the caller takes at once:
// the query is valid until the next call with the same sql on this connection. Nothing with
// *error set when it failed.
QSqlQuery *execKept(const QSqlDatabase &db, const QString &sql, const QVariantList &params = {},
                    QString *error = nullptr);

// Drops the kept statements of a connection before it closes (Database does, on its thread).
void forgetKeptStatements(const QString &connectionName);
// exec() for an UPDATE or DELETE: how many rows it changed.
Result<int> changedRows(const QSqlDatabase &db, const QString &sql,
                        const QVariantList &params = {});

// The first column of the first row, or an invalid QVariant when there is no row.
QVariant scalar(const QSqlDatabase &db, const QString &sql, const QVariantList &params = {},
                QString *error = nullptr);

// BEGIN IMMEDIATE … COMMIT. Immediate, because a deferred transaction that later needs the
// write lock fails at once with SQLITE_BUSY instead of waiting on the busy timeout.
// Rolls back in the destructor unless commit() succeeded. Opened while another is open on the
// same connection, it is a savepoint inside that one: its commit becomes durable only with
// the outer commit (the incident service wraps a store's change and its team record so).
class WriteTransaction
{
public:
    explicit WriteTransaction(const QSqlDatabase &db);
    ~WriteTransaction();
    WriteTransaction(const WriteTransaction &) = delete;
    WriteTransaction &operator=(const WriteTransaction &) = delete;

    bool isActive() const { return m_active; }
    QString error() const { return m_error; }
    bool commit();

private:
    void closed();

    QSqlDatabase m_db;
    bool m_active = false;
    bool m_nested = false;
    QString m_error;
};

// One WriteTransaction around work, committed when work succeeds. Otherwise rolled back, with
// work's own error (its kind kept: a refusal stays a refusal), or why the transaction could
// not begin or commit.
Result<void> inWriteTransaction(const QSqlDatabase &db, const std::function<Result<void>()> &work);

} // namespace ic::sql
