#pragma once

#include <QObject>
#include <QSqlDatabase>
#include <QStringList>
#include <QTimer>
#include <chrono>
#include <deque>
#include <functional>

namespace ic {

class Database;

// Writes that must not be lost when the disk is full or briefly unwritable. Each write runs
// in its own transaction; one that fails is rolled back, kept in memory with its description
// and retried (on a timer and on demand) in submission order, so a later change never lands
// before an earlier one. The UI observes changed() to show "1 change not saved yet".
// Lives on the thread of the Database it writes to.
class PendingWrites : public QObject
{
    Q_OBJECT
public:
    // Runs the statements of one change; returns false with *error set on failure.
    using Write = std::function<bool(const QSqlDatabase &, QString *error)>;

    explicit PendingWrites(Database &database, QObject *parent = nullptr);
    ~PendingWrites() override;

    // Commits write now when nothing is waiting before it; otherwise, or when it fails,
    // keeps it for a retry. Returns true when it was committed now.
    bool submit(const QString &description, Write write);

    // Tries every kept write in order, stopping at the first failure. True when none is left.
    bool retryNow();

    int count() const { return int(m_pending.size()); }
    QStringList descriptions() const;
    // Names the file and the reason ("disk full") of the last failure; empty when all saved.
    QString lastError() const { return m_lastError; }

    void setRetryInterval(std::chrono::milliseconds interval);

Q_SIGNALS:
    void changed(int pendingCount, const QString &lastError);
    void committed(const QString &description);

private:
    struct Pending
    {
        QString description;
        Write write;
    };
    bool commitOne(const Pending &pending);

    Database &m_database;
    std::deque<Pending> m_pending;
    QString m_lastError;
    QTimer m_retryTimer;
};

} // namespace ic
