// Tick-to-commit latency of IncidentService::tick/untick (read the item, update it, append the
// timeline event, commit) against the least a durable write can cost: one INSERT and COMMIT
// on a raw SQLite connection with the same pragmas (WAL, synchronous=FULL), and against the
// same writes as a tick made bare on the console's schema (what bounds it), interleaved so
// all see the same disk and machine load.
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
    // The same writes as a tick, bare: another item's row updated and one event inserted,
    // in the console's schema (the event's row and its two indexes), one transaction.
    const QString otherItem = service.items(incidentId).at(2).id;

    constexpr int rounds = 300;
    std::vector<double> ticks, inserts, sameWrites;
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
        sameWrites.push_back(millisecondsOf([&] {
            const QSqlDatabase db = database->connection();
            sql::WriteTransaction transaction(db);
            return sql::exec(db,
                             QStringLiteral("UPDATE checklist_items SET checked_at = ?, "
                                            "checked_by = ? WHERE id = ?"),
                             {i % 2 == 0 ? QVariant(storedNow()) : QVariant(),
                              QStringLiteral("bench"), otherItem})
                       .has_value() &&
                   sql::exec(db,
                             QStringLiteral("INSERT INTO timeline_events (id, incident_id, at, "
                                            "kind, text, actor, data) VALUES (?, ?, ?, 'tick', "
                                            "'Done: x', 'bench', '{}')"),
                             {newId(), incidentId, storedNow()})
                       .has_value() &&
                   transaction.commit();
        }));
    }
    bench::report(QStringLiteral("tick_commit_median"), bench::median(ticks), QStringLiteral("ms"),
                  bench::median(inserts));
    bench::report(QStringLiteral("tick_commit_p95"), bench::percentile(ticks, 95),
                  QStringLiteral("ms"), bench::percentile(inserts, 95));
    // What bounds it: the same page writes without the service (reading and judging the item,
    // the event's text and data, the check for a milestone).
    bench::report(QStringLiteral("tick_commit_median_vs_same_writes_raw"), bench::median(ticks),
                  QStringLiteral("ms"), bench::median(sameWrites));
    bench::report(QStringLiteral("tick_commit_p95_vs_same_writes_raw"),
                  bench::percentile(ticks, 95), QStringLiteral("ms"),
                  bench::percentile(sameWrites, 95));
    return 0;
}
