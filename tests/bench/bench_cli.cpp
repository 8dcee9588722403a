// `incident-console runbooks search` from the command line over a folder of 10,000 runbooks
// (BENCH_RUNBOOKS=N to change) against `rg -il` over the same folder: the index has to beat a
// plain scan of the files. Wall time of the whole process, start to exit, both started the
// same way and interleaved so both see the same machine load and page cache.
#include "BenchCorpus.h"
#include "BenchSupport.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTemporaryDir>

namespace {

double wallMs(const QString &program, const QStringList &args)
{
    QProcess process;
    process.setProgram(program);
    process.setArguments(args);
    process.setStandardOutputFile(QProcess::nullDevice());
    process.setStandardErrorFile(QProcess::nullDevice());
    QElapsedTimer timer;
    timer.start();
    process.start();
    if (!process.waitForFinished(120000))
        qFatal("%s did not finish", qPrintable(program));
    const double ms = double(timer.nsecsElapsed()) / 1e6;
    // rg exits 1 when nothing matches; anything else is a failed measurement.
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() > 1)
        qFatal("%s %s failed with %d", qPrintable(program), qPrintable(args.join(QLatin1Char(' '))),
               process.exitCode());
    return ms;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int count = qEnvironmentVariableIsSet("BENCH_RUNBOOKS")
                          ? qEnvironmentVariableIntValue("BENCH_RUNBOOKS")
                          : 10000;
    QTemporaryDir dir;
    const QString corpus = dir.filePath(QStringLiteral("corpus"));
    const QString data = dir.filePath(QStringLiteral("data"));
    if (!ic::bench::writeCorpus(corpus, count))
        return 1;
    const QString console = QDir(QCoreApplication::applicationDirPath())
                                .filePath(QStringLiteral("../../incident-console"));
    const QString rg = QStandardPaths::findExecutable(QStringLiteral("rg"));
    const QString query = QStringLiteral("replica lag");
    const QStringList search{QStringLiteral("runbooks"),
                             QStringLiteral("search"),
                             query,
                             QStringLiteral("--data-dir"),
                             data,
                             QStringLiteral("--runbooks"),
                             corpus};
    const QStringList grep{QStringLiteral("-il"), query, corpus};

    // The first call builds the index; a user pays it once per folder.
    const double coldMs = wallMs(console, search);
    ic::bench::report(QStringLiteral("runbooks_cli_first_search_builds_index"), coldMs,
                      QStringLiteral("ms"), rg.isEmpty() ? 0 : wallMs(rg, grep));

    constexpr int rounds = 15;
    std::vector<double> ours, grepped;
    for (int i = 0; i < rounds; ++i) {
        ours.push_back(wallMs(console, search));
        if (!rg.isEmpty())
            grepped.push_back(wallMs(rg, grep));
    }
    using ic::bench::median;
    ic::bench::report(QStringLiteral("runbooks_cli_search_vs_rg"), median(ours),
                      QStringLiteral("ms"), median(grepped));
    ic::bench::report(QStringLiteral("runbooks_cli_search_vs_rg_p90"),
                      ic::bench::percentile(ours, 90), QStringLiteral("ms"),
                      ic::bench::percentile(grepped, 90));

    // After a runbook was saved (a new file renamed over the old, as editors save): its
    // folder of count / 50 files is listed again and the one file parsed.
    std::vector<double> changed, changedGrep;
    for (int i = 0; i < 5; ++i) {
        QSaveFile file(QStringLiteral("%1/team-%2/runbook-%2.md").arg(corpus).arg(i));
        if (!file.open(QIODevice::WriteOnly))
            return 1;
        file.write("# Replica lag on team " + QByteArray::number(i) + "\n\nEdited.\n");
        if (!file.commit())
            return 1;
        changed.push_back(wallMs(console, search));
        if (!rg.isEmpty())
            changedGrep.push_back(wallMs(rg, grep));
    }
    ic::bench::report(QStringLiteral("runbooks_cli_search_after_a_save_vs_rg"), median(changed),
                      QStringLiteral("ms"), median(changedGrep));
    if (rg.isEmpty())
        QTextStream(stderr) << "rg (ripgrep) not found: no baseline (scripts/setup installs it)"
                            << Qt::endl;
    return 0;
}
