#include "Sql.h"

#include "core/Logging.h"

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

QVariant scalar(const QSqlDatabase &db, const QString &sql, const QVariantList &params,
                QString *error)
{
    auto query = exec(db, sql, params, error);
    if (query && query->next())
        return query->value(0);
    return {};
}

WriteTransaction::WriteTransaction(const QSqlDatabase &db) : m_db(db)
{
    m_active = exec(m_db, QStringLiteral("BEGIN IMMEDIATE"), {}, &m_error).has_value();
}

WriteTransaction::~WriteTransaction()
{
    if (m_active)
        exec(m_db, QStringLiteral("ROLLBACK"));
}

bool WriteTransaction::commit()
{
    if (!m_active)
        return false;
    if (!exec(m_db, QStringLiteral("COMMIT"), {}, &m_error))
        return false;
    m_active = false;
    return true;
}

Result<void> inWriteTransaction(const QSqlDatabase &db,
                                const std::function<bool(QString *error)> &work)
{
    WriteTransaction transaction(db);
    QString problem;
    if (transaction.isActive() && work(&problem) && transaction.commit())
        return {};
    return failure(problem.isEmpty() ? transaction.error() : problem);
}

} // namespace ic::sql
