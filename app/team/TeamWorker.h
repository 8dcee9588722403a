#pragma once

#include "PgConnection.h"

#include <QObject>
#include <QStringList>
#include <memory>

class QSocketNotifier;
class QTimer;

namespace ic {
class Database;
}

namespace ic::team {

// What the window shows of its team.
struct TeamStatus
{
    bool joined = false;
    bool online = false;
    int waiting = 0;     // this console's changes not on the server yet
    QString server;      // "ic@db1/ic", never a password
    QStringList present; // people whose consoles were seen lately, this one's first
    QString problem;     // why it is offline
    int retryInSeconds = 0;
};

// Keeps a shared data dir in step with its team, on a thread of its own (never the UI's):
// pushes what this console commits, listens for the server's notifications and pulls what it
// has not seen, sends a heartbeat, and when the server is gone retries with a growing pause.
// Lives on the thread TeamLink gives it; every slot runs there.
class TeamWorker : public QObject
{
    Q_OBJECT
public:
    TeamWorker(QString databasePath, QString dataDir, QString person);
    ~TeamWorker() override;

public Q_SLOTS:
    void open();
    void close();
    // Something was committed here: send it soon (several changes in a row go together).
    void localChanged();
    void setPerson(const QString &person);

Q_SIGNALS:
    void statusChanged(const ic::team::TeamStatus &status);
    // Changes of these incidents arrived from the team and are committed locally.
    void remoteChangesApplied(const QStringList &incidentIds);

private:
    void cycle();
    void exchange();
    void heartbeat();
    bool pendingWakeUps();
    void disconnectFromServer(const QString &problem);
    void report(const QString &problem = {});

    QString m_databasePath;
    QString m_dataDir;
    QString m_person;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<PgConnection> m_server;
    QSocketNotifier *m_notifier = nullptr;
    QTimer *m_cycle = nullptr;
    QTimer *m_push = nullptr;
    int m_backoffSeconds = 0;
    qint64 m_nextAttemptMs = 0;
    qint64 m_nextHeartbeatMs = 0;
    QStringList m_present;
};

} // namespace ic::team
