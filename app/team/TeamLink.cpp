#include "TeamLink.h"

namespace ic::team {

TeamLink::TeamLink(const QString &databasePath, const QString &dataDir, const QString &person,
                   QObject *parent)
    : QObject(parent), m_worker(new TeamWorker(databasePath, dataDir, person))
{
    qRegisterMetaType<ic::team::TeamStatus>();
    m_thread.setObjectName(QStringLiteral("team-sync"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &TeamWorker::statusChanged, this, [this](const TeamStatus &status) {
        m_status = status;
        Q_EMIT statusChanged(status);
    });
    connect(m_worker, &TeamWorker::remoteChangesApplied, this, &TeamLink::remoteChangesApplied);
    m_thread.start();
    QMetaObject::invokeMethod(m_worker, &TeamWorker::open, Qt::QueuedConnection);
}

TeamLink::~TeamLink()
{
    QMetaObject::invokeMethod(m_worker, &TeamWorker::close, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void TeamLink::localChanged()
{
    QMetaObject::invokeMethod(m_worker, &TeamWorker::localChanged, Qt::QueuedConnection);
}

void TeamLink::setPerson(const QString &person)
{
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, person] { worker->setPerson(person); }, Qt::QueuedConnection);
}

} // namespace ic::team
