// Runbook index on a generated corpus (10,000 files of ~6 KB by default, BENCH_RUNBOOKS=N to
// change): cold index rate, unchanged rescan, search latency against the floor of a ranked
// FTS5 query and against the bm25() statements the search used before, both through the
// SQLite C API, and rendering a 1 MB runbook against md4c-html alone.
#include "BenchCorpus.h"
#include "BenchSupport.h"
#include "runbooks/MarkdownRenderer.h"
#include "runbooks/RunbookLibrary.h"
#include "runbooks/SearchQuery.h"
#include "runbooks/SearchSql.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <md4c-html.h>
#include <sqlite3.h>

using namespace ic;

namespace {

double elapsedMs(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

// The ranking statement the search ran before the title index and ic_rank, through the C API:
// bm25() for every match, joined to runbooks for each, the title tier as a subquery. Its
// snippets need positions the index no longer keeps, so they are not part of it.
constexpr char bm25Ranked[] =
    "SELECT r.num, r.id, r.path, r.title, -bm25(runbooks_fts, 10.0, 8.0, 4.0, 5.0, 2.0, 1.0, "
    "1.0) * CASE r.is_section WHEN 1 THEN 0.5 ELSE 1.0 END + CASE WHEN runbooks_fts.rowid IN "
    "(SELECT rowid FROM runbooks_fts WHERE runbooks_fts MATCH ?1) THEN 100.0 ELSE 0.0 END AS "
    "score FROM runbooks_fts JOIN runbooks r ON r.num = runbooks_fts.rowid "
    "WHERE runbooks_fts MATCH ?2 ORDER BY score DESC LIMIT ?3";

double bm25SearchMs(sqlite3 *db, const QString &text)
{
    QElapsedTimer timer;
    timer.start();
    const QByteArray match = runbooks::buildMatchQuery(text).toUtf8();
    const QByteArray titleMatch = "{title aliases} : (" + match + ")";
    sqlite3_stmt *ranked = nullptr;
    sqlite3_prepare_v2(db, bm25Ranked, -1, &ranked, nullptr);
    sqlite3_bind_text(ranked, 1, titleMatch.constData(), int(titleMatch.size()), SQLITE_STATIC);
    sqlite3_bind_text(ranked, 2, match.constData(), int(match.size()), SQLITE_STATIC);
    sqlite3_bind_int(ranked, 3, 20);
    while (sqlite3_step(ranked) == SQLITE_ROW) {
        for (int column = 0; column < 4; ++column)
            sqlite3_column_text(ranked, column);
    }
    sqlite3_finalize(ranked);
    return elapsedMs(timer);
}

// The floor of a ranked query: FTS5's bm25 order of the same expression, 20 rowids, nothing
// else. The statement is prepared outside the timing, as a statement cache would keep it.
double floorMs(sqlite3_stmt *floor, const QString &text)
{
    QElapsedTimer timer;
    timer.start();
    const QByteArray match = runbooks::buildMatchQuery(text).toUtf8();
    sqlite3_bind_text(floor, 1, match.constData(), int(match.size()), SQLITE_TRANSIENT);
    while (sqlite3_step(floor) == SQLITE_ROW)
        sqlite3_column_int64(floor, 0);
    sqlite3_reset(floor);
    return elapsedMs(timer);
}

void collect(const MD_CHAR *text, MD_SIZE size, void *user)
{
    static_cast<QByteArray *>(user)->append(text, qsizetype(size));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int count = qEnvironmentVariableIsSet("BENCH_RUNBOOKS")
                          ? qEnvironmentVariableIntValue("BENCH_RUNBOOKS")
                          : 10000;
    QTemporaryDir temporary;
    // BENCH_KEEP=1 leaves the corpus and database behind to look into a slow figure;
    // BENCH_REUSE=DIR measures a kept one again without generating and indexing it.
    temporary.setAutoRemove(!qEnvironmentVariableIsSet("BENCH_KEEP"));
    const QString reuse = qEnvironmentVariable("BENCH_REUSE");
    const QDir dir(reuse.isEmpty() ? temporary.path() : reuse);
    if (!temporary.autoRemove())
        QTextStream(stderr) << "corpus and database kept in " << dir.path() << Qt::endl;
    const QString corpus = dir.filePath(QStringLiteral("corpus"));
    if (reuse.isEmpty() && !bench::writeCorpus(corpus, count))
        return 1;
    DatabaseOpenResult result;
    auto database = Database::open(dir.filePath(QStringLiteral("console.db")), &result);
    if (!database)
        return 1;
    runbooks::RunbookLibrary library(database->connection());

    QElapsedTimer timer;
    timer.start();
    const runbooks::ScanReport cold = library.sync({corpus});
    const double coldMs = elapsedMs(timer);
    if (!cold.error.isEmpty() || (reuse.isEmpty() && cold.added != count))
        return 1;
    if (reuse.isEmpty())
        bench::report(QStringLiteral("runbooks_cold_index_rate"), count / (coldMs / 1000.0),
                      QStringLiteral("files/s"), 0);

    std::vector<double> rescans;
    for (int i = 0; i < 5; ++i) {
        timer.restart();
        library.sync({corpus});
        rescans.push_back(elapsedMs(timer));
    }
    bench::report(QStringLiteral("runbooks_unchanged_rescan"), bench::median(rescans),
                  QStringLiteral("ms"), 0);

    const QStringList queries{
        QStringLiteral("database"),      QStringLiteral("replica lag"),
        QStringLiteral("redis cac"),     QStringLiteral("AlertFiring"),
        QStringLiteral("Alert42Firing"), QStringLiteral("pg_isready"),
        QStringLiteral("kubectl get"),   QStringLiteral("certificate expiry"),
        QStringLiteral("rollb"),         QStringLiteral("runbook-1234.md"),
        QStringLiteral("team-7"),        QStringLiteral("memory leak node"),
        QStringLiteral("dns"),           QStringLiteral("quota rate limit"),
        QStringLiteral("failover reg"),  QStringLiteral("ingress gateway proxy"),
        QStringLiteral("SEV2"),          QStringLiteral("customer impact status"),
        QStringLiteral("databse"),       QStringLiteral("lo")};
    sqlite3 *raw = nullptr;
    sqlite3_open_v2(QFile::encodeName(database->path()).constData(), &raw, SQLITE_OPEN_READONLY,
                    nullptr);
    sqlite3_stmt *floor = nullptr;
    sqlite3_prepare_v2(raw, runbooks::search_sql::floor, -1, &floor, nullptr);
    // BENCH_VERBOSE=1 prints every query's median beside its floor, to find what bounds p95.
    const bool verbose = qEnvironmentVariableIsSet("BENCH_VERBOSE");
    std::vector<double> ours, floors, bm25;
    std::vector<std::vector<double>> oursByQuery(queries.size()), floorsByQuery(queries.size());
    for (int round = 0; round < 10; ++round) {
        for (qsizetype q = 0; q < queries.size(); ++q) {
            const QString &query = queries.at(q);
            bm25.push_back(bm25SearchMs(raw, query));
            floors.push_back(floorMs(floor, query));
            timer.restart();
            library.search(query, 20);
            ours.push_back(elapsedMs(timer));
            oursByQuery[std::size_t(q)].push_back(ours.back());
            floorsByQuery[std::size_t(q)].push_back(floors.back());
        }
    }
    sqlite3_finalize(floor);
    sqlite3_close(raw);
    if (verbose) {
        for (qsizetype q = 0; q < queries.size(); ++q)
            QTextStream(stderr) << "  \"" << queries.at(q) << "\" ours "
                                << bench::median(oursByQuery[std::size_t(q)]) << " ms, floor "
                                << bench::median(floorsByQuery[std::size_t(q)]) << " ms"
                                << Qt::endl;
    }
    // Against the floor: what ranking tiers, joining and snippets add to a bare ranked query.
    bench::report(QStringLiteral("runbooks_search_p50"), bench::median(ours), QStringLiteral("ms"),
                  bench::median(floors));
    bench::report(QStringLiteral("runbooks_search_p95"), bench::percentile(ours, 95),
                  QStringLiteral("ms"), bench::percentile(floors, 95));
    // Against the ranking statement the search ran before (bm25() joined to runbooks, raw C
    // API, no snippets).
    bench::report(QStringLiteral("runbooks_search_p95_vs_bm25_statement"),
                  bench::percentile(ours, 95), QStringLiteral("ms"), bench::percentile(bm25, 95));

    QRandomGenerator random(7);
    QByteArray big;
    for (int i = 0; big.size() < 1024 * 1024; ++i)
        big.append(bench::runbook(random, i));
    const QString bigText = QString::fromUtf8(big);
    std::vector<double> renders, rawRenders;
    for (int i = 0; i < 5; ++i) {
        timer.restart();
        QByteArray html;
        md_html(big.constData(), MD_SIZE(big.size()), collect, &html, 0, 0);
        rawRenders.push_back(elapsedMs(timer));
        timer.restart();
        runbooks::renderMarkdown(bigText);
        renders.push_back(elapsedMs(timer));
    }
    bench::report(QStringLiteral("runbooks_render_1mb"), bench::median(renders),
                  QStringLiteral("ms"), bench::median(rawRenders));
    return 0;
}
