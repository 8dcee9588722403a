// Tick-to-commit latency of IncidentService::tick/untick (read the item, update it, append the
// timeline event, commit) against the least a durable write can cost: one INSERT and COMMIT
// on a raw SQLite connection with the same pragmas (WAL, synchronous=FULL), interleaved so
// both see the same disk and machine load.
#include "BenchSupport.h"
#include "core/Ids.h"
#include "incidents/IncidentService.h"
#include "incidents/IncidentStore.h"
#include "storage/Database.h"
#include "storage/Sql.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QTemporaryDir>

using namespace ic;

namespace {

QSqlDatabase openRawConnection(const QString &path)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
    db.setDatabaseName(path);
    db.open();
    sql::exec(db, QStringLiteral("PRAGMA journal_mode = WAL"));
    sql::exec(db, QStringLiteral("PRAGMA synchronous = FULL"));
    sql::exec(db, QStringLiteral("CREATE TABLE t (id TEXT PRIMARY KEY, at TEXT NOT NULL)"));
    return db;
}

double millisecondsOf(const std::function<bool()> &write)
{
    QElapsedTimer timer;
    timer.start();
    if (!write())
        qFatal("a benchmark write failed");
    return double(timer.nsecsElapsed()) / 1e6;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    DatabaseOpenResult result;
    auto database = Database::open(dir.filePath(QStringLiteral("console.db")), &result);
    if (!database)
        qFatal("%s", qPrintable(result.message));
    incidents::IncidentService service(
        database->connection(), incidents::loadIncidentConfig(dir.path()), QStringLiteral("bench"));
    incidents::DeclareRequest request;
    request.title = QStringLiteral("Benchmark");
    request.severity = QStringLiteral("SEV-2");
    const QString incidentId = service.declare(request)->incidentId;
    // Skip the acknowledge item: it also records a milestone on its first tick only.
    const QString itemId = service.items(incidentId).at(1).id;
    QSqlDatabase raw = openRawConnection(dir.filePath(QStringLiteral("raw.db")));

    constexpr int rounds = 300;
    std::vector<double> ticks, inserts;
    for (int i = 0; i < rounds; ++i) {
        ticks.push_back(millisecondsOf(
            [&] { return (i % 2 == 0 ? service.tick(itemId) : service.untick(itemId)).ok(); }));
        inserts.push_back(millisecondsOf([&] {
            sql::WriteTransaction transaction(raw);
            return sql::exec(raw, QStringLiteral("INSERT INTO t VALUES (?, ?)"),
                             {QString::number(i), storedNow()})
                       .has_value() &&
                   transaction.commit();
        }));
    }
    bench::report(QStringLiteral("tick_commit_median"), bench::median(ticks), QStringLiteral("ms"),
                  bench::median(inserts));
    bench::report(QStringLiteral("tick_commit_p95"), bench::percentile(ticks, 95),
                  QStringLiteral("ms"), bench::percentile(inserts, 95));
    return 0;
}
