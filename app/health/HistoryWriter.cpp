#include "HistoryWriter.h"

#include "HistoryWorker.h"

namespace ic::health {

HistoryWriter::HistoryWriter(const QString &databasePath, HistoryLimits limits, QObject *parent)
    : QObject(parent), m_worker(new HistoryWorker(databasePath, limits))
{
    m_thread.setObjectName(QStringLiteral("health-history"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &HistoryWorker::writeFailed, this, &HistoryWriter::writeFailed);
    m_thread.start(QThread::LowPriority);
    QMetaObject::invokeMethod(m_worker, &HistoryWorker::open, Qt::QueuedConnection);
}

HistoryWriter::~HistoryWriter()
{
    QMetaObject::invokeMethod(m_worker, &HistoryWorker::close, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void HistoryWriter::append(const CheckResult &result)
{
    m_worker->enqueue(result);
}

void HistoryWriter::appendGap(const QDateTime &from, const QDateTime &to, const QString &reason)
{
    m_worker->enqueueGap({from, to, reason});
}

void HistoryWriter::flush()
{
    QMetaObject::invokeMethod(m_worker, &HistoryWorker::flush, Qt::BlockingQueuedConnection);
}

} // namespace ic::health
