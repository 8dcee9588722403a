#pragma once

#include "HealthTypes.h"
#include "HistoryLimits.h"

#include <QMutex>
#include <QObject>
#include <QThread>

namespace ic::health {

class HistoryWorker;

// Writes check results to SQLite on a thread of its own, with its own connection, in one
// transaction per batch (about once a second). append() only takes a lock and copies, so a
// slow disk never delays a probe or the UI.
//
// The database stays bounded by design, per check: ringSize raw results, minute rollups for
// minuteRetention, hour rollups for hourRetention and day rollups for dayRetention, about
// 850 rows or ~100 KB per check with the defaults, whatever the uptime.
class HistoryWriter : public QObject
{
    Q_OBJECT
public:
    explicit HistoryWriter(const QString &databasePath, HistoryLimits limits = HistoryLimits{},
                           QObject *parent = nullptr);
    ~HistoryWriter() override;

    void append(const CheckResult &result);
    // The console could not observe between from and to (sleep, clock jump).
    void appendGap(const QDateTime &from, const QDateTime &to, const QString &reason);
    // Blocks until everything appended so far is committed. For tests and shutdown.
    void flush();

Q_SIGNALS:
    void writeFailed(const QString &message);

private:
    QThread m_thread;
    HistoryWorker *m_worker;
};

} // namespace ic::health
