#include "TeamWorker.h"

#include "TeamConnect.h"
#include "TeamServer.h"
#include "TeamState.h"
#include "TeamSync.h"
#include "core/Logging.h"
#include "storage/Database.h"

#include <QDateTime>
#include <QSocketNotifier>
#include <QTimer>

namespace ic::team {
namespace {

constexpr int cycleMs = 1000;
constexpr int connectTimeoutSeconds = 5;
constexpr int maxBackoffSeconds = 30;
constexpr qint64 heartbeatMs = 15000;
// A console not seen for this long is no longer shown as present.
constexpr int presenceSeconds = 45;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

TeamWorker::TeamWorker(QString databasePath, QString dataDir, QString person)
    : m_databasePath(std::move(databasePath)), m_dataDir(std::move(dataDir)),
      m_person(std::move(person))
{}

TeamWorker::~TeamWorker() = default;

void TeamWorker::open()
{
    QString error;
    m_database = Database::openAdditional(m_databasePath, &error);
    if (!m_database) {
        log::get(log::Team)->warn("team: cannot open {}: {}", m_databasePath.toStdString(),
                                  error.toStdString());
        return;
    }
    m_cycle = new QTimer(this);
    connect(m_cycle, &QTimer::timeout, this, &TeamWorker::cycle);
    m_cycle->start(cycleMs);
    m_push = new QTimer(this);
    m_push->setSingleShot(true);
    // Changes committed within this pause go up in one transaction.
    m_push->setInterval(2);
    connect(m_push, &QTimer::timeout, this, &TeamWorker::exchange);
    cycle();
}

void TeamWorker::close()
{
    if (m_cycle)
        m_cycle->stop();
    delete m_notifier;
    m_notifier = nullptr;
    m_server.reset();
    m_database.reset();
}

void TeamWorker::localChanged()
{
    if (m_server && m_push)
        m_push->start();
}

void TeamWorker::setPerson(const QString &person)
{
    m_person = person;
    m_nextHeartbeatMs = 0;
}

void TeamWorker::cycle()
{
    if (!m_database)
        return;
    const QSqlDatabase db = m_database->connection();
    if (!isShared(db)) {
        // Joined or left from the command line while the window is open.
        if (m_server)
            disconnectFromServer({});
        report();
        return;
    }
    if (!m_server) {
        if (nowMs() < m_nextAttemptMs) {
            report(metaValue(db, keys::lastError));
            return;
        }
        Result<std::unique_ptr<PgConnection>> server =
            connectToTeam(db, m_dataDir, connectTimeoutSeconds);
        if (!server || !TeamServer(**server).listen()) {
            disconnectFromServer(server ? QStringLiteral("cannot listen for changes")
                                        : server.error());
            return;
        }
        m_server = std::move(server.value());
        m_backoffSeconds = 0;
        m_notifier = new QSocketNotifier(m_server->socket(), QSocketNotifier::Read, this);
        connect(m_notifier, &QSocketNotifier::activated, this, [this] {
            if (!m_server)
                return;
            const Result<QStringList> woken = m_server->takeNotifications();
            if (!woken)
                disconnectFromServer(woken.error());
            else if (!woken->isEmpty())
                exchange();
        });
        log::get(log::Team)->info(
            "team: connected to {}",
            parseServerAddress(metaValue(db, keys::serverUri)).display.toStdString());
        m_nextHeartbeatMs = 0;
        exchange();
        return;
    }
    // Changes committed by the command line on this data dir go up from here too.
    if (waitingEvents(db) > 0 || pendingWakeUps())
        exchange();
    else if (nowMs() >= m_nextHeartbeatMs)
        heartbeat();
}

bool TeamWorker::pendingWakeUps()
{
    // A notification that arrives while this connection waits for an answer of its own is read
    // with that answer and queued by libpq, and the socket never signals it: look for it.
    if (!m_server)
        return false;
    const Result<QStringList> woken = m_server->takeNotifications();
    if (!woken) {
        disconnectFromServer(woken.error());
        return false;
    }
    return !woken->isEmpty();
}

void TeamWorker::exchange()
{
    if (!m_server || !m_database)
        return;
    Result<SyncReport> synced = syncOnce(m_database->connection(), *m_server);
    // Others may have written while this round ran: another round then, at once.
    while (synced && pendingWakeUps()) {
        Result<SyncReport> again = syncOnce(m_database->connection(), *m_server);
        if (again)
            again.value().changedIncidents += synced->changedIncidents;
        synced = std::move(again);
    }
    if (!synced) {
        disconnectFromServer(synced.error());
        return;
    }
    (void)removeMetaValue(m_database->connection(), keys::lastError);
    if (!synced->changedIncidents.isEmpty())
        Q_EMIT remoteChangesApplied(synced->changedIncidents);
    if (nowMs() >= m_nextHeartbeatMs)
        heartbeat();
    else
        report();
}

void TeamWorker::heartbeat()
{
    if (!m_server)
        return;
    const QSqlDatabase db = m_database->connection();
    const Result<QString> console = consoleId(db);
    TeamServer server(*m_server);
    if (console) {
        if (const Result<void> beat = server.heartbeat(*console, m_person); !beat) {
            disconnectFromServer(beat.error());
            return;
        }
    }
    const auto present = server.presentWithin(presenceSeconds);
    if (!present) {
        disconnectFromServer(present.error());
        return;
    }
    m_present.clear();
    for (const TeamServer::Present &person : *present)
        if (!m_present.contains(person.person))
            m_present.append(person.person);
    m_nextHeartbeatMs = nowMs() + heartbeatMs;
    if (pendingWakeUps())
        exchange();
    else
        report();
}

void TeamWorker::disconnectFromServer(const QString &problem)
{
    delete m_notifier;
    m_notifier = nullptr;
    m_server.reset();
    m_present.clear();
    if (problem.isEmpty()) {
        m_backoffSeconds = 0;
        m_nextAttemptMs = 0;
        return;
    }
    log::get(log::Team)->warn("team: {}", problem.toStdString());
    m_backoffSeconds = qBound(1, m_backoffSeconds * 2, maxBackoffSeconds);
    m_nextAttemptMs = nowMs() + m_backoffSeconds * 1000LL;
    if (m_database)
        (void)setMetaValue(m_database->connection(), keys::lastError, problem);
    report(problem);
}

void TeamWorker::report(const QString &problem)
{
    if (!m_database)
        return;
    const QSqlDatabase db = m_database->connection();
    TeamStatus status;
    status.joined = isShared(db);
    if (status.joined) {
        status.online = m_server != nullptr;
        status.waiting = waitingEvents(db);
        status.server = parseServerAddress(metaValue(db, keys::serverUri)).display;
        status.present = m_present;
        status.problem = status.online ? QString() : problem;
        status.retryInSeconds =
            status.online ? 0 : int(qMax<qint64>(0, (m_nextAttemptMs - nowMs() + 999) / 1000));
    }
    Q_EMIT statusChanged(status);
}

} // namespace ic::team
