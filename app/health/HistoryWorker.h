#pragma once

#include "HistoryWriter.h"

#include <QHash>
#include <QTimer>
#include <memory>

namespace ic {
class Database;
}

namespace ic::health {

struct PendingGap
{
    QDateTime from;
    QDateTime to;
    QString reason;
};

// The writer's thread side: owns the connection and turns queued results into batches.
class HistoryWorker : public QObject
{
    Q_OBJECT
public:
    HistoryWorker(QString databasePath, HistoryLimits limits);
    ~HistoryWorker() override;

    void enqueue(const CheckResult &result);
    void enqueueGap(const PendingGap &gap);

public Q_SLOTS:
    void open();
    void flush();
    void close();

Q_SIGNALS:
    void writeFailed(const QString &message);

private:
    bool writeBatch(const QList<CheckResult> &results, const QList<PendingGap> &gaps,
                    QString *error);
    bool prune(QString *error);
    qint64 nextSeq(const QString &name);

    QString m_path;
    HistoryLimits m_limits;
    std::unique_ptr<Database> m_database;
    QTimer *m_timer = nullptr;
    QMutex m_mutex;
    QList<CheckResult> m_pending;
    QList<PendingGap> m_pendingGaps;
    QHash<QString, qint64> m_seq;
    QDateTime m_lastPrune;
};

} // namespace ic::health
