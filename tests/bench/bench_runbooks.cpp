// Runbook index on a generated corpus (10,000 files of ~6 KB by default, BENCH_RUNBOOKS=N to
// change): cold index rate, unchanged rescan, search latency against the same FTS5 query
// through the SQLite C API, and rendering a 1 MB runbook against md4c-html alone.
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

const QStringList vocabulary =
    QStringLiteral(
        "database replica primary latency timeout connection pool redis cache memory leak disk "
        "volume inode network dns resolver certificate expiry deploy rollback container restart "
        "pipeline batch model drift quota rate limit cost budget security breach failover region "
        "queue consumer lag error budget alert page escalate mitigate customer impact status "
        "kubernetes node pod service ingress gateway proxy load balancer health probe metric")
        .split(QLatin1Char(' '));

QString words(QRandomGenerator &random, int count)
{
    QStringList out;
    for (int i = 0; i < count; ++i)
        out << vocabulary.at(int(random.bounded(vocabulary.size())));
    return out.join(QLatin1Char(' '));
}

// About 6 KB: front matter, sections, a table, task items and two code blocks.
QByteArray runbook(QRandomGenerator &random, int index)
{
    QString text = QStringLiteral("---\ntitle: %1 runbook %2\ndescription: %3\ntags: [%4, %5]\n"
                                  "severity: SEV%6\nowner: team-%7\naliases: [Alert%8Firing]\n"
                                  "---\n\n# %1 runbook %2\n\n")
                       .arg(words(random, 3))
                       .arg(index)
                       .arg(words(random, 12), vocabulary.at(index % vocabulary.size()),
                            vocabulary.at((index / 7) % vocabulary.size()))
                       .arg(1 + index % 4)
                       .arg(index % 20)
                       .arg(index);
    for (const char *section :
         {"Summary", "Symptoms", "Investigation", "Resolution", "Prevention", "Escalation"}) {
        text += QStringLiteral("## %1\n\n%2.\n\n%3.\n\n")
                    .arg(QLatin1String(section), words(random, 60), words(random, 50));
        text += QStringLiteral("- [ ] %1\n- [ ] %2\n\n").arg(words(random, 8), words(random, 8));
    }
    text += QStringLiteral("| Check | Command |\n|---|---|\n| %1 | `curl -s http://svc-%2/health` "
                           "|\n\n```bash\nkubectl get pods -n ns-%2\npg_isready -h db-%2\n```\n")
                .arg(words(random, 3))
                .arg(index);
    return text.toUtf8();
}

double elapsedMs(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

// RunbookLibrary::search's statements through the C API: rank, then snippets of the shown rows.
double rawSearchMs(sqlite3 *db, const QString &text)
{
    QElapsedTimer timer;
    timer.start();
    const QByteArray match = runbooks::buildMatchQuery(text).toUtf8();
    const QByteArray titleMatch = "{title aliases} : (" + match + ")";
    sqlite3_stmt *ranked = nullptr;
    sqlite3_prepare_v2(db, runbooks::search_sql::ranked, -1, &ranked, nullptr);
    sqlite3_bind_text(ranked, 1, titleMatch.constData(), int(titleMatch.size()), SQLITE_STATIC);
    sqlite3_bind_text(ranked, 2, match.constData(), int(match.size()), SQLITE_STATIC);
    sqlite3_bind_int(ranked, 3, 20);
    std::vector<sqlite3_int64> rows;
    while (sqlite3_step(ranked) == SQLITE_ROW) {
        rows.push_back(sqlite3_column_int64(ranked, 0));
        for (int column = 1; column < 4; ++column)
            sqlite3_column_text(ranked, column);
    }
    sqlite3_finalize(ranked);
    for (const sqlite3_int64 row : rows) {
        sqlite3_stmt *snippets = nullptr;
        sqlite3_prepare_v2(db, runbooks::search_sql::snippets, -1, &snippets, nullptr);
        sqlite3_bind_text(snippets, 1, match.constData(), int(match.size()), SQLITE_STATIC);
        sqlite3_bind_int64(snippets, 2, row);
        if (sqlite3_step(snippets) == SQLITE_ROW) {
            sqlite3_column_text(snippets, 0);
            sqlite3_column_text(snippets, 1);
        }
        sqlite3_finalize(snippets);
    }
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
    QTemporaryDir dir;
    // BENCH_KEEP=1 leaves the corpus and database behind to look into a slow figure.
    dir.setAutoRemove(!qEnvironmentVariableIsSet("BENCH_KEEP"));
    if (!dir.autoRemove())
        QTextStream(stderr) << "corpus and database kept in " << dir.path() << Qt::endl;
    const QString corpus = dir.filePath(QStringLiteral("corpus"));
    QRandomGenerator random(42);
    for (int i = 0; i < count; ++i) {
        const QString folder = QStringLiteral("%1/team-%2").arg(corpus).arg(i % 50);
        QDir().mkpath(folder);
        QFile file(QStringLiteral("%1/runbook-%2.md").arg(folder).arg(i));
        if (!file.open(QIODevice::WriteOnly) || file.write(runbook(random, i)) < 0)
            return 1;
    }
    DatabaseOpenResult result;
    auto database = Database::open(dir.filePath(QStringLiteral("console.db")), &result);
    if (!database)
        return 1;
    runbooks::RunbookLibrary library(database->connection());

    QElapsedTimer timer;
    timer.start();
    const runbooks::ScanReport cold = library.sync({corpus});
    const double coldMs = elapsedMs(timer);
    if (cold.added != count || !cold.error.isEmpty())
        return 1;
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
    std::vector<double> ours, baseline;
    for (int round = 0; round < 10; ++round) {
        for (const QString &query : queries) {
            baseline.push_back(rawSearchMs(raw, query));
            timer.restart();
            library.search(query, 20);
            ours.push_back(elapsedMs(timer));
        }
    }
    sqlite3_close(raw);
    bench::report(QStringLiteral("runbooks_search_p50"), bench::median(ours), QStringLiteral("ms"),
                  bench::median(baseline));
    bench::report(QStringLiteral("runbooks_search_p95"), bench::percentile(ours, 95),
                  QStringLiteral("ms"), bench::percentile(baseline, 95));

    QByteArray big;
    for (int i = 0; big.size() < 1024 * 1024; ++i)
        big.append(runbook(random, i));
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
