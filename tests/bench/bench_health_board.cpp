// The health board's grid with N checks (default 5,000; one in ten down) through the real
// monitor, with probes that answer at once so the board, not the network, is measured:
// - building and showing the board, against a bare QListView over a QStandardItemModel of the
//   same N names;
// - the event loop's longest gaps (p99 of the gaps between ticks of a 1 ms timer) while every
//   check reports once in its 10 s interval and the board refreshes each second, against the
//   same monitor running without a board;
// - a filter keystroke until the grid is filtered again, against a bare QSortFilterProxyModel
//   filtering the same names.
//
//   bench_health_board [N] [--seconds S]   default 5000 checks, 12 s

#include "BenchSupport.h"
#include "health/HealthMonitor.h"
#include "health/probes/Probe.h"
#include "ui/HealthBoard.h"
#include "ui/HealthGrid.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QListView>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTimer>

using namespace ic;

namespace {

// Answers at once, down for every tenth check: the board sees N results per interval.
class InstantProbe : public health::Probe
{
public:
    using Probe::Probe;

protected:
    void start() override
    {
        QTimer::singleShot(0, this, [this] {
            const bool up = !check().name.endsWith(QLatin1Char('3'));
            health::Observation observation;
            observation.values.insert(QStringLiteral("[CONNECTED]"),
                                      up ? QStringLiteral("true") : QStringLiteral("false"));
            observation.message =
                up ? QStringLiteral("connected") : QStringLiteral("connection refused");
            finish(observation);
        });
    }
    health::Observation timedOut() override { return {}; }
};

QString writeConfig(const QTemporaryDir &dir, int checks)
{
    QString yaml = QStringLiteral("defaults: { interval: 10s, timeout: 5s }\nchecks:\n");
    for (int i = 0; i < checks; ++i)
        yaml += QStringLiteral("  - { name: service-%1, group: team-%2, type: tcp, host: "
                               "127.0.0.1, port: 1 }\n")
                    .arg(i)
                    .arg(i % 20);
    const QString path = dir.filePath(QStringLiteral("health.yaml"));
    QFile file(path);
    file.open(QIODevice::WriteOnly | QIODevice::Truncate);
    file.write(yaml.toUtf8());
    return path;
}

void settle()
{
    for (int i = 0; i < 5; ++i)
        QCoreApplication::processEvents();
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    int checks = 5000;
    int seconds = 12;
    const QStringList args = app.arguments().mid(1);
    for (int i = 0; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--seconds") && i + 1 < args.size())
            seconds = args.at(++i).toInt();
        else
            checks = args.at(i).toInt();
    }
    QTemporaryDir dir;
    const QString config = writeConfig(dir, checks);
    const auto instant = [](const health::CheckDefinition &check, QObject *parent) {
        return static_cast<health::Probe *>(new InstantProbe(check, parent));
    };
    const QString prefix = QStringLiteral("health_board_%1_").arg(checks);

    // The first window of a process pays for fonts and the platform: paid here, by neither.
    {
        QListView warmUp;
        warmUp.show();
        settle();
    }
    // Baselines: a bare list of the same names, and the monitor running without a board.
    QStandardItemModel names;
    for (int i = 0; i < checks; ++i)
        names.appendRow(new QStandardItem(QStringLiteral("service-%1").arg(i)));
    QElapsedTimer timer;
    timer.start();
    QListView bare;
    QSortFilterProxyModel bareFilter;
    bareFilter.setSourceModel(&names);
    bare.setModel(&bareFilter);
    bare.setFlow(QListView::LeftToRight);
    bare.setWrapping(true);
    bare.setUniformItemSizes(true);
    bare.resize(700, 800);
    bare.show();
    settle();
    const double bareShowMs = double(timer.nsecsElapsed()) / 1e6;
    timer.restart();
    bareFilter.setFilterFixedString(QStringLiteral("service-49"));
    settle();
    const double bareFilterMs = double(timer.nsecsElapsed()) / 1e6;
    bare.hide();
    double monitorAloneStall = 0;
    {
        health::HealthMonitor monitor(config, QString());
        monitor.setProbeFactory(instant);
        monitor.start();
        monitorAloneStall = bench::percentile(bench::eventLoopGaps(seconds * 1000), 99);
    }

    health::HealthMonitor monitor(config, QString());
    monitor.setProbeFactory(instant);
    timer.restart();
    ui::HealthBoard board(&monitor);
    board.resize(700, 800);
    board.show();
    settle();
    bench::report(prefix + QStringLiteral("show_ms"), double(timer.nsecsElapsed()) / 1e6,
                  QStringLiteral("ms"), bareShowMs);
    monitor.start();
    bench::report(prefix + QStringLiteral("event_loop_gap_p99"),
                  bench::percentile(bench::eventLoopGaps(seconds * 1000), 99), QStringLiteral("ms"),
                  monitorAloneStall);
    timer.restart();
    board.grid()->textFilter()->setText(QStringLiteral("service-49"));
    settle();
    bench::report(prefix + QStringLiteral("filter_ms"), double(timer.nsecsElapsed()) / 1e6,
                  QStringLiteral("ms"), bareFilterMs);
    return 0;
}
