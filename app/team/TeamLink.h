#pragma once

#include "TeamWorker.h"

#include <QObject>
#include <QThread>

namespace ic::team {

// The window's side of team mode: runs a TeamWorker on a thread of its own and passes what it
// learns to the UI thread (status, incidents changed by others).
class TeamLink : public QObject
{
    Q_OBJECT
public:
    TeamLink(const QString &databasePath, const QString &dataDir, const QString &person,
             QObject *parent = nullptr);
    ~TeamLink() override;

    const TeamStatus &status() const { return m_status; }

public Q_SLOTS:
    // A change was committed on this console: sent without waiting for the next cycle.
    void localChanged();
    void setPerson(const QString &person);

Q_SIGNALS:
    void statusChanged(const ic::team::TeamStatus &status);
    void remoteChangesApplied(const QStringList &incidentIds);

private:
    QThread m_thread;
    TeamWorker *m_worker;
    TeamStatus m_status;
};

} // namespace ic::team
