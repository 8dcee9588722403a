// Team mode against a real PostgreSQL started here (as the tests do):
//  - tick-to-visible: from a tick's commit on console A to the moment each other console has
//    merged it (its worker thread reports the incident changed), with 2, 10 and 50 consoles
//    each running the window's worker (TeamLink); baseline: a bare LISTEN/NOTIFY round trip
//    between two libpq connections on the same server;
//  - throughput: the events per second one server takes from 50 consoles pushing at once
//    (each its journal of 200 changes, through pushWaiting on its own connection); baseline:
//    the same rows inserted into a plain table by 50 bare connections, batch for batch;
//  - catch-up: a console returning to 10,000 events it has not seen (pull, validate, merge,
//    commit); baseline: reading the same rows with one SELECT and storing their payloads in a
//    SQLite table in one transaction.
#include "BenchSupport.h"
#include "PostgresServer.h"
#include "incidents/IncidentService.h"
#include "storage/Database.h"
#include "storage/Sql.h"
#include "team/PgConnection.h"
#include "team/ServerSchema.h"
#include "team/TeamLink.h"
#include "team/TeamState.h"
#include "team/TeamSync.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>
#include <sys/select.h>

using namespace ic;

namespace {

const QString password = QStringLiteral("Bench-Team-8812");

struct Console
{
    std::unique_ptr<Database> database;
    team::TeamLink *link = nullptr;
};

QString uriFor(int port, const QString &database)
{
    return QStringLiteral("postgresql://bench@127.0.0.1:%1/%2?sslmode=disable")
        .arg(port)
        .arg(database);
}

std::unique_ptr<Database> sharedDatabase(const QString &dir, const QString &uri)
{
    QDir().mkpath(dir);
    DatabaseOpenResult result;
    auto database = Database::open(dir + QStringLiteral("/console.db"), &result);
    if (!database)
        qFatal("%s", qPrintable(result.message));
    if (!team::setMetaValue(database->connection(), team::keys::serverUri, uri))
        qFatal("cannot store the team URI");
    return database;
}

bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    return true;
}

// A bare LISTEN/NOTIFY round trip on the same server, in milliseconds.
std::vector<double> notifyRoundTrips(const team::ServerAddress &address, int rounds)
{
    auto listener = team::PgConnection::open(address, password, 5);
    auto notifier = team::PgConnection::open(address, password, 5);
    if (!listener || !notifier || !(*listener)->exec("LISTEN bench"))
        qFatal("no baseline connection");
    std::vector<double> samples;
    for (int i = 0; i < rounds; ++i) {
        QElapsedTimer timer;
        timer.start();
        if (!(*notifier)->exec("NOTIFY bench"))
            qFatal("NOTIFY failed");
        for (;;) {
            fd_set readable;
            FD_ZERO(&readable);
            FD_SET((*listener)->socket(), &readable);
            timeval wait{1, 0};
            ::select((*listener)->socket() + 1, &readable, nullptr, nullptr, &wait);
            const auto woken = (*listener)->takeNotifications();
            if (woken && !woken->isEmpty())
                break;
        }
        samples.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    return samples;
}

void tickToVisible(test::PostgresServer &server, const QString &root, int consoles,
                   const std::vector<double> &baseline)
{
    const QString name = QStringLiteral("bench_%1").arg(consoles);
    // security-check: allow a constant database name of this benchmark; psql takes no parameters
    if (!server.psql(QStringLiteral("CREATE DATABASE %1 OWNER bench").arg(name)))
        qFatal("cannot create the database");
    const QString uri = uriFor(server.port(), name);
    std::vector<Console> all(consoles);
    QElapsedTimer clock;
    clock.start();
    std::vector<qint64> seenAtNs(consoles, -1);
    for (int i = 0; i < consoles; ++i) {
        const QString dir = QStringLiteral("%1/%2/%3").arg(root, name).arg(i);
        all[i].database = sharedDatabase(dir, uri);
        all[i].link =
            new team::TeamLink(all[i].database->path(), dir, QStringLiteral("console %1").arg(i));
        QObject::connect(all[i].link, &team::TeamLink::remoteChangesApplied,
                         [&seenAtNs, &clock, i] {
                             if (seenAtNs[i] < 0)
                                 seenAtNs[i] = clock.nsecsElapsed();
                         });
    }
    incidents::IncidentService service(all[0].database->connection(),
                                       incidents::loadIncidentConfig(QString()),
                                       QStringLiteral("console 0"));
    QObject::connect(&service, &incidents::IncidentService::incidentChanged, all[0].link,
                     &team::TeamLink::localChanged);
    if (!waitFor([&] { return all[0].link->status().online; }, 30000))
        qFatal("console 0 did not connect");
    incidents::DeclareRequest request;
    request.title = QStringLiteral("Benchmark");
    request.severity = QStringLiteral("SEV-2");
    const QString incidentId = service.declare(request)->incidentId;
    const QString itemId = service.items(incidentId).at(1).id;
    const auto allSeen = [&] {
        for (int i = 1; i < consoles; ++i)
            if (seenAtNs[i] < 0)
                return false;
        return true;
    };
    if (!waitFor(allSeen, 60000)) {
        for (int i = 0; i < consoles; ++i)
            if (seenAtNs[i] < 0)
                qWarning("console %d: online %d, problem: %s", i, all[i].link->status().online,
                         qPrintable(all[i].link->status().problem));
        qFatal("the declared incident did not reach every console");
    }

    std::vector<double> latencies;
    constexpr int rounds = 30;
    for (int round = 0; round < rounds; ++round) {
        std::fill(seenAtNs.begin(), seenAtNs.end(), -1);
        const qint64 start = clock.nsecsElapsed();
        if (!(round % 2 == 0 ? service.tick(itemId) : service.untick(itemId)))
            qFatal("tick failed");
        if (!waitFor(allSeen, 10000))
            qFatal("a tick did not reach every console within 10 s");
        for (int i = 1; i < consoles; ++i)
            latencies.push_back(double(seenAtNs[i] - start) / 1e6);
        // Let the heartbeat and the echo of the round settle before the next one.
        waitFor([] { return false; }, 50);
    }
    bench::report(QStringLiteral("team_tick_to_visible_p50_%1_consoles").arg(consoles),
                  bench::median(latencies), QStringLiteral("ms"), bench::median(baseline));
    bench::report(QStringLiteral("team_tick_to_visible_p99_%1_consoles").arg(consoles),
                  bench::percentile(latencies, 99), QStringLiteral("ms"),
                  bench::percentile(baseline, 99));
    for (Console &console : all)
        delete console.link;
}

void catchUp(test::PostgresServer &server, const QString &root)
{
    constexpr int events = 10000;
    if (!server.psql(QStringLiteral("CREATE DATABASE bench_catchup OWNER bench")))
        qFatal("cannot create the database");
    const QString uri = uriFor(server.port(), QStringLiteral("bench_catchup"));
    const team::ServerAddress address = team::parseServerAddress(uri);
    auto writer = sharedDatabase(root + QStringLiteral("/catchup/writer"), uri);
    incidents::IncidentService service(
        writer->connection(), incidents::loadIncidentConfig(QString()), QStringLiteral("writer"));
    incidents::DeclareRequest request;
    request.title = QStringLiteral("Catch-up");
    request.severity = QStringLiteral("SEV-2");
    const QString incidentId = service.declare(request)->incidentId;
    for (int i = 1; i < events; ++i)
        if (!service.addNote(incidentId, QStringLiteral("note %1 of the day offline").arg(i)))
            qFatal("note failed");
    auto connection = team::PgConnection::open(address, password, 5);
    if (!connection)
        qFatal("%s", qPrintable(connection.error()));
    if (const auto migrated = team::migrateServer(**connection); !migrated)
        qFatal("%s", qPrintable(migrated.error()));
    if (!team::pushWaiting(writer->connection(), **connection))
        qFatal("push failed");

    auto returning = sharedDatabase(root + QStringLiteral("/catchup/returning"), uri);
    QElapsedTimer timer;
    timer.start();
    const Result<team::SyncReport> report = team::syncOnce(returning->connection(), **connection);
    const double ours = double(timer.nsecsElapsed()) / 1e6;
    if (!report || report->applied != events)
        qFatal("catch-up merged %d of %d events", report ? report->applied : -1, events);

    auto raw = sharedDatabase(root + QStringLiteral("/catchup/raw"), uri);
    timer.restart();
    const auto rows = (*connection)->exec("SELECT seq, payload FROM ic_events ORDER BY seq");
    {
        const QSqlDatabase db = raw->connection();
        sql::exec(db, QStringLiteral("CREATE TABLE copied (seq INTEGER, payload TEXT)"));
        sql::WriteTransaction transaction(db);
        for (const QStringList &row : rows->rows)
            sql::exec(db, QStringLiteral("INSERT INTO copied VALUES (?, ?)"), {row[0], row[1]});
        transaction.commit();
    }
    const double floor = double(timer.nsecsElapsed()) / 1e6;
    bench::report(QStringLiteral("team_catch_up_10000_events"), ours, QStringLiteral("ms"), floor);
}

void pushThroughput(test::PostgresServer &server, const QString &root)
{
    constexpr int consoles = 50;
    constexpr int changesEach = 200;
    if (!server.psql(QStringLiteral("CREATE DATABASE bench_throughput OWNER bench")))
        qFatal("cannot create the database");
    const QString uri = uriFor(server.port(), QStringLiteral("bench_throughput"));
    const team::ServerAddress address = team::parseServerAddress(uri);
    {
        auto setup = team::PgConnection::open(address, password, 5);
        if (!setup || !team::migrateServer(**setup) ||
            !(*setup)->exec("CREATE TABLE raw_events (id uuid PRIMARY KEY, payload text)"))
            qFatal("cannot prepare the server");
    }
    QStringList paths;
    for (int i = 0; i < consoles; ++i) {
        auto database = sharedDatabase(QStringLiteral("%1/throughput/%2").arg(root).arg(i), uri);
        incidents::IncidentService service(database->connection(),
                                           incidents::loadIncidentConfig(QString()),
                                           QStringLiteral("console %1").arg(i));
        incidents::DeclareRequest request;
        request.title = QStringLiteral("Throughput %1").arg(i);
        request.severity = QStringLiteral("SEV-2");
        const QString incidentId = service.declare(request)->incidentId;
        for (int n = 1; n < changesEach; ++n)
            if (!service.addNote(incidentId,
                                 QStringLiteral("change %1 of console %2").arg(n).arg(i)))
                qFatal("note failed");
        paths << database->path();
    }
    QThreadPool pool;
    pool.setMaxThreadCount(consoles);
    const auto timed = [&](const std::function<void(const QString &)> &work) {
        QElapsedTimer timer;
        timer.start();
        QList<QFuture<void>> running;
        for (const QString &path : paths)
            running << QtConcurrent::run(&pool, [&work, path] { work(path); });
        for (QFuture<void> &future : running)
            future.waitForFinished();
        return double(timer.nsecsElapsed()) / 1e9;
    };
    const int events = consoles * changesEach;
    const double ours = timed([&](const QString &path) {
        QString error;
        auto database = Database::openAdditional(path, &error);
        auto connection = team::PgConnection::open(address, password, 5);
        if (!database || !connection)
            qFatal("no connection: %s", qPrintable(error));
        const Result<int> pushed = team::pushWaiting(database->connection(), **connection);
        if (!pushed || *pushed != changesEach)
            qFatal("pushed %d of %d", pushed ? *pushed : -1, changesEach);
    });
    const double bare = timed([&](const QString &path) {
        QString error;
        auto database = Database::openAdditional(path, &error);
        auto connection = team::PgConnection::open(address, password, 5);
        if (!database || !connection)
            qFatal("no connection: %s", qPrintable(error));
        auto rows = sql::exec(database->connection(),
                              QStringLiteral("SELECT id, payload FROM team_events ORDER BY seq"));
        if (!(*connection)->exec("BEGIN"))
            qFatal("BEGIN failed");
        while (rows && rows->next())
            if (!(*connection)
                     ->exec("INSERT INTO raw_events (id, payload) VALUES ($1, $2)",
                            {rows->value(0).toString(), rows->value(1).toString()}))
                qFatal("insert failed");
        if (!(*connection)->exec("COMMIT"))
            qFatal("COMMIT failed");
    });
    bench::report(QStringLiteral("team_events_per_second_from_50_consoles"), events / ours,
                  QStringLiteral("events/s"), events / bare);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    test::PostgresServer server;
    if (!server.isInstalled())
        qFatal("PostgreSQL 15 is not installed (scripts/setup installs postgresql)");
    if (const QString problem = server.start(); !problem.isEmpty())
        qFatal("%s", qPrintable(problem));
    // psql -c takes no bound parameters; the password is a constant of this benchmark.
    const QString createRole =
        // security-check: allow a constant of this benchmark
        QStringLiteral("CREATE ROLE bench LOGIN CREATEDB PASSWORD '%1'").arg(password);
    if (!server.psql(createRole))
        qFatal("cannot create the role");
    qputenv("PGPASSWORD", password.toUtf8());
    QTemporaryDir root;
    if (!server.psql(QStringLiteral("CREATE DATABASE bench_baseline OWNER bench")))
        qFatal("cannot create the database");
    const std::vector<double> baseline = notifyRoundTrips(
        team::parseServerAddress(uriFor(server.port(), QStringLiteral("bench_baseline"))), 200);
    for (const int consoles : {2, 10, 50})
        if (qEnvironmentVariableIsEmpty("BENCH_TEAM_ONLY") ||
            qEnvironmentVariableIntValue("BENCH_TEAM_ONLY") == consoles)
            tickToVisible(server, root.path(), consoles, baseline);
    pushThroughput(server, root.path());
    catchUp(server, root.path());
    return 0;
}
