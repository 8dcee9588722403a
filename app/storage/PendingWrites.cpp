#include "PendingWrites.h"

#include "Database.h"
#include "Sql.h"
#include "WriteAccess.h"
#include "core/Logging.h"

namespace ic {

PendingWrites::PendingWrites(Database &database, QObject *parent)
    : QObject(parent), m_database(database)
{
    m_retryTimer.setInterval(std::chrono::seconds(5));
    connect(&m_retryTimer, &QTimer::timeout, this, &PendingWrites::retryNow);
}

PendingWrites::~PendingWrites()
{
    for (const Pending &pending : m_pending)
        log::get(log::Storage)
            ->error("not saved when closing: {} ({})", pending.description.toStdString(),
                    m_lastError.toStdString());
}

void PendingWrites::setRetryInterval(std::chrono::milliseconds interval)
{
    m_retryTimer.setInterval(interval);
}

QStringList PendingWrites::descriptions() const
{
    QStringList list;
    for (const Pending &pending : m_pending)
        list << pending.description;
    return list;
}

bool PendingWrites::commitOne(const Pending &pending)
{
    QString error;
    if (m_database.checkWritable(&error)) {
        const QSqlDatabase db = m_database.connection();
        sql::WriteTransaction tx(db);
        if (tx.isActive() && pending.write(db, &error) && tx.commit()) {
            Q_EMIT committed(pending.description);
            return true;
        }
        if (error.isEmpty())
            error = tx.error();
        error = describeWriteError(m_database.path(), error);
    }
    m_lastError = error;
    log::get(log::Storage)
        ->warn("{} kept for a retry: {}", pending.description.toStdString(), error.toStdString());
    return false;
}

bool PendingWrites::submit(const QString &description, Write write)
{
    Pending pending{description, std::move(write)};
    if (m_pending.empty() && commitOne(pending))
        return true;
    m_pending.push_back(std::move(pending));
    m_retryTimer.start();
    Q_EMIT changed(count(), m_lastError);
    return false;
}

bool PendingWrites::retryNow()
{
    const int before = count();
    while (!m_pending.empty() && commitOne(m_pending.front()))
        m_pending.pop_front();
    if (m_pending.empty()) {
        m_retryTimer.stop();
        m_lastError.clear();
    } else {
        m_retryTimer.start();
    }
    if (before > 0)
        Q_EMIT changed(count(), m_lastError);
    return m_pending.empty();
}

} // namespace ic
