// Start-up of incident-console against a bare QMainWindow, interleaved so all see the same
// machine load; medians of the in-process figure (ms since the process started) and of wall
// time. Two data dirs: an empty one, and a full one with 10,000 runbooks indexed
// (BENCH_RUNBOOKS=N), 5,000 health checks configured and 50 past incidents.
//
// Figures, each against the bare window's first paint:
//   first paint (--exit-after-first-paint), empty and full;
//   fully usable (--exit-when-usable: runbook list filled, health board built, painted);
// and the peak RSS of the window on the full data dir with an incident open, its checks
// running, against the goal of issue 19 (250 MB).
#include "BenchCorpus.h"
#include "BenchSupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>

namespace {

struct Sample
{
    double wallMs = 0;
    double reportedMs = 0;
};

QProcessEnvironment environment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!env.contains(QStringLiteral("DISPLAY")))
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    return env;
}

Sample runOnce(const QString &program, const QStringList &args)
{
    QProcess process;
    process.setProcessEnvironment(environment());
    QElapsedTimer timer;
    timer.start();
    process.start(program, args);
    process.waitForFinished(120000);
    Sample sample;
    sample.wallMs = double(timer.nsecsElapsed()) / 1e6;
    sample.reportedMs = QString::fromUtf8(process.readAllStandardOutput()).trimmed().toDouble();
    return sample;
}

// A setup step through the real command line; its stdout.
QString console(const QString &program, const QStringList &args)
{
    QProcess process;
    process.setProcessEnvironment(environment());
    process.start(program, args);
    if (!process.waitForFinished(600000) || process.exitCode() != 0)
        qFatal("setup failed: %s %s\n%s", qPrintable(program),
               qPrintable(args.join(QLatin1Char(' '))), process.readAllStandardError().constData());
    return QString::fromUtf8(process.readAllStandardOutput());
}

void writeHealthConfig(const QString &dataDir, int checks)
{
    // TCP to a closed local port: each probe is refused at once, so the figure is the
    // console's cost, not a network's.
    QByteArray yaml = "defaults: { interval: 60s, timeout: 5s }\nchecks:\n";
    for (int i = 0; i < checks; ++i)
        yaml += "  - { name: c" + QByteArray::number(i) + ", group: g" +
                QByteArray::number(i % 20) + ", type: tcp, host: 127.0.0.1, port: 9 }\n";
    QFile file(QDir(dataDir).filePath(QStringLiteral("health.yaml")));
    if (!file.open(QIODevice::WriteOnly) || file.write(yaml) != yaml.size())
        qFatal("cannot write health.yaml");
}

double peakRssMegabytes(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QDir here(QCoreApplication::applicationDirPath());
    const QString program = here.filePath(QStringLiteral("../../incident-console"));
    const QString bare = here.filePath(QStringLiteral("bare_window"));
    const int count = qEnvironmentVariableIsSet("BENCH_RUNBOOKS")
                          ? qEnvironmentVariableIntValue("BENCH_RUNBOOKS")
                          : 10000;

    QTemporaryDir emptyDir;
    QTemporaryDir fullDir;
    const QString corpus = fullDir.filePath(QStringLiteral("corpus"));
    const QString full = fullDir.filePath(QStringLiteral("data"));
    if (!ic::bench::writeCorpus(corpus, count) || !QDir().mkpath(full))
        return 1;
    const QStringList fullData{QStringLiteral("--data-dir"), full, QStringLiteral("--runbooks"),
                               corpus};
    console(program, QStringList{QStringLiteral("runbooks"), QStringLiteral("reindex")} + fullData);
    for (int i = 0; i < 50; ++i) {
        const QString id =
            console(program, QStringList{QStringLiteral("incident"), QStringLiteral("new"),
                                         QStringLiteral("--title"),
                                         QStringLiteral("Past incident %1").arg(i),
                                         QStringLiteral("--severity"), QStringLiteral("SEV-3")} +
                                 fullData)
                .trimmed();
        console(program, QStringList{QStringLiteral("incident"), QStringLiteral("status"), id,
                                     QStringLiteral("resolved")} +
                             fullData);
    }
    writeHealthConfig(full, 5000);

    const QStringList emptyArgs{QStringLiteral("--data-dir"), emptyDir.path()};
    const QString firstPaint = QStringLiteral("--exit-after-first-paint");
    const QString usable = QStringLiteral("--exit-when-usable");
    // First runs create the database and health.yaml; not a cold start figure.
    runOnce(program, emptyArgs + QStringList{usable});
    runOnce(program, fullData + QStringList{usable});

    constexpr int rounds = 15;
    std::vector<double> emptyPaint, fullPaint, bareReported, textReported, emptyWall, bareWall;
    for (int i = 0; i < rounds; ++i) {
        const Sample e = runOnce(program, emptyArgs + QStringList{firstPaint});
        const Sample f = runOnce(program, fullData + QStringList{firstPaint});
        const Sample b = runOnce(bare, {});
        const Sample t = runOnce(bare, {QStringLiteral("--with-text")});
        emptyPaint.push_back(e.reportedMs);
        emptyWall.push_back(e.wallMs);
        fullPaint.push_back(f.reportedMs);
        bareReported.push_back(b.reportedMs);
        bareWall.push_back(b.wallMs);
        textReported.push_back(t.reportedMs);
    }
    using ic::bench::median;
    using ic::bench::report;
    const double bareMs = median(bareReported);
    report(QStringLiteral("startup_first_paint"), median(emptyPaint), QStringLiteral("ms"), bareMs);
    report(QStringLiteral("startup_first_paint_vs_window_with_text"), median(emptyPaint),
           QStringLiteral("ms"), median(textReported));
    report(QStringLiteral("startup_first_paint_full_data"), median(fullPaint), QStringLiteral("ms"),
           bareMs);
    report(QStringLiteral("startup_wall_to_exit"), median(emptyWall), QStringLiteral("ms"),
           median(bareWall));

    std::vector<double> emptyUsable, fullUsable, bareAgain;
    for (int i = 0; i < 5; ++i) {
        emptyUsable.push_back(runOnce(program, emptyArgs + QStringList{usable}).reportedMs);
        fullUsable.push_back(runOnce(program, fullData + QStringList{usable}).reportedMs);
        bareAgain.push_back(runOnce(bare, {}).reportedMs);
    }
    report(QStringLiteral("startup_usable"), median(emptyUsable), QStringLiteral("ms"),
           median(bareAgain));
    report(QStringLiteral("startup_usable_full_data"), median(fullUsable), QStringLiteral("ms"),
           median(bareAgain));

    // Peak memory: the full data dir with an incident open, checks running, for 20 s.
    console(program, QStringList{QStringLiteral("incident"), QStringLiteral("new"),
                                 QStringLiteral("--title"), QStringLiteral("Open incident"),
                                 QStringLiteral("--severity"), QStringLiteral("SEV-2")} +
                         fullData);
    QProcess window;
    window.setProcessEnvironment(environment());
    window.start(program, fullData);
    window.waitForStarted();
    double peak = 0;
    for (int i = 0; i < 200 && window.state() == QProcess::Running; ++i) {
        peak = std::max(peak, peakRssMegabytes(window.processId()));
        QThread::msleep(100);
    }
    window.terminate();
    window.waitForFinished(10000);
    report(QStringLiteral("startup_full_data_open_incident_peak_rss"), peak, QStringLiteral("MB"),
           250);
    return 0;
}
