// Health-check scale: N HTTP checks at a 10 s interval against a loopback server, through the
// real pipeline (health.yaml, scheduler, probes, thresholds, history writer thread).
// Figures per N: schedule lag p99 and event-loop stall p99 (a 1 ms timer in the same process)
// in steady state, i.e. after the first interval; the first round's lag separately (every
// check starts within 2 s of launch, so it queues by design); CPU share, peak RSS, and
// database bytes per check for a simulated day of history.
// The baseline column is the goal of issue 6 (lag 1 s, stall 16 ms, RSS 200 MB).
//
//   bench_health [N …] [--seconds S]      default: 500 2000 5000, 35 s each

#include "BenchSupport.h"
#include "health/HealthMonitor.h"
#include "health/HistoryWriter.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>
#include <sys/resource.h>

using namespace ic;

namespace {

double cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

double peakRssMegabytes()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return 0;
}

QString writeConfig(const QTemporaryDir &dir, int checks, int port)
{
    QString yaml = QStringLiteral("defaults: { interval: 10s, timeout: 5s }\nchecks:\n");
    for (int i = 0; i < checks; ++i)
        yaml += QStringLiteral("  - { name: c%1, group: g%2, type: http, url: "
                               "\"http://127.0.0.1:%3/health/%1\", conditions: [\"[STATUS] == "
                               "200\", \"[BODY].status == UP\"] }\n")
                    .arg(i)
                    .arg(i % 20)
                    .arg(port);
    const QString path = dir.filePath(QStringLiteral("health-%1.yaml").arg(checks));
    QFile file(path);
    file.open(QIODevice::WriteOnly | QIODevice::Truncate);
    file.write(yaml.toUtf8());
    return path;
}

void runScale(int checks, int seconds, int port, const QTemporaryDir &dir)
{
    const QString database = dir.filePath(QStringLiteral("scale-%1.db").arg(checks));
    DatabaseOpenResult opened;
    auto db = Database::open(database, &opened);
    std::vector<double> firstRoundLags;
    std::vector<double> lags;
    std::vector<double> stalls;
    constexpr qint64 warmUpMs = 12'000;
    QElapsedTimer wall;
    qint64 results = 0;
    {
        health::HealthMonitor monitor(writeConfig(dir, checks, port), database);
        QObject::connect(
            &monitor.scheduler(), &health::Scheduler::resultReady,
            [&](const health::CheckResult &, qint64 lagMs) {
                (wall.elapsed() < warmUpMs ? firstRoundLags : lags).push_back(double(lagMs));
                ++results;
            });
        QTimer heartbeat;
        heartbeat.setTimerType(Qt::PreciseTimer);
        heartbeat.setInterval(1);
        QElapsedTimer sinceBeat;
        QObject::connect(&heartbeat, &QTimer::timeout, [&] {
            if (sinceBeat.isValid() && wall.elapsed() >= warmUpMs)
                stalls.push_back(std::max(0.0, double(sinceBeat.nsecsElapsed()) / 1e6 - 1.0));
            sinceBeat.start();
        });
        const double cpuBefore = cpuSeconds();
        wall.start();
        monitor.start();
        heartbeat.start();
        QEventLoop loop;
        QTimer::singleShot(seconds * 1000, &loop, &QEventLoop::quit);
        loop.exec();
        const double cpuShare = (cpuSeconds() - cpuBefore) / (double(wall.elapsed()) / 1000.0);
        const QString prefix = QStringLiteral("health_%1_").arg(checks);
        bench::report(prefix + QStringLiteral("schedule_lag_p99"), bench::percentile(lags, 99),
                      QStringLiteral("ms"), 1000);
        bench::report(prefix + QStringLiteral("first_round_lag_p99"),
                      bench::percentile(firstRoundLags, 99), QStringLiteral("ms"), 0);
        bench::report(prefix + QStringLiteral("event_loop_stall_p99"),
                      bench::percentile(stalls, 99), QStringLiteral("ms"), 16);
        bench::report(prefix + QStringLiteral("cpu_share"), cpuShare * 100, QStringLiteral("%"), 0);
        bench::report(prefix + QStringLiteral("results_per_second"),
                      double(results) / (double(wall.elapsed()) / 1000.0), QStringLiteral("1/s"),
                      checks / 10.0);
    }
    bench::report(QStringLiteral("health_%1_peak_rss").arg(checks), peakRssMegabytes(),
                  QStringLiteral("MB"), 200);
}

// A simulated day (8,640 results per check at 10 s) written through the history writer.
void simulatedDay(const QTemporaryDir &dir)
{
    constexpr int checks = 20;
    const QString path = dir.filePath(QStringLiteral("day.db"));
    DatabaseOpenResult opened;
    auto db = Database::open(path, &opened);
    const qint64 before = QFileInfo(path).size();
    const QDateTime start = QDateTime::currentDateTimeUtc().addDays(-1);
    {
        health::HistoryWriter writer(path);
        for (int step = 0; step < 8640; ++step) {
            for (int i = 0; i < checks; ++i) {
                health::CheckResult result;
                result.name = QStringLiteral("c%1").arg(i);
                result.state = step % 500 == 0 ? health::State::Crit : health::State::Ok;
                result.latencyMs = 3 + step % 7;
                result.message = QStringLiteral("HTTP 200 OK");
                result.checkedAt = start.addSecs(qint64(step) * 10);
                result.conditions.append({QStringLiteral("[STATUS] == 200"),
                                          QStringLiteral("[STATUS] (200) == 200"),
                                          true,
                                          false,
                                          {}});
                writer.append(result);
            }
            if (step % 500 == 0)
                writer.flush();
        }
        writer.flush();
    }
    db.reset();
    const qint64 after = QFileInfo(path).size() + QFileInfo(path + QStringLiteral("-wal")).size();
    bench::report(QStringLiteral("health_db_bytes_per_check_day"), double(after - before) / checks,
                  QStringLiteral("B"), 0);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QList<int> scales;
    int seconds = 35;
    const QStringList args = app.arguments().mid(1);
    for (int i = 0; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--seconds") && i + 1 < args.size())
            seconds = args.at(++i).toInt();
        else
            scales.append(args.at(i).toInt());
    }
    if (scales.isEmpty())
        scales = {500, 2000, 5000};
    QTemporaryDir dir;
    QProcess server;
    server.start(QStringLiteral("python3"),
                 {QStringLiteral(INCIDENT_CONSOLE_SOURCE_DIR "/tests/bench/loopback_http.py")});
    if (!server.waitForStarted() || !server.waitForReadyRead(10000)) {
        qCritical("bench_health: cannot start the loopback server (python3)");
        return 1;
    }
    const int port = server.readLine().trimmed().toInt();
    for (int checks : scales)
        runScale(checks, seconds, port, dir);
    simulatedDay(dir);
    server.kill();
    server.waitForFinished();
    return 0;
}
