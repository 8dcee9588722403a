// 10,000 active alerts from a loopback source (tests/integration/hostile_alert_source.py,
// "many"): the time of a poll (request, answer, decoding on the pool), of decoding alone, of
// the Alerts panel's model update, and the event loop's stall while polls and updates run:
// the gaps between ticks of a 1 ms timer on the GUI thread (goal of issue 15: p99 ≤ 16 ms).
// The stall's baseline is the same timer with nothing polled, measured first in the same run.
//
//   bench_alerts [--alerts N] [--rounds N]   default 10000 alerts, 10 rounds

#include "BenchSupport.h"
#include "alerts/AlertDecoder.h"
#include "alerts/AlertMonitor.h"
#include "ui/AlertsModel.h"
#include "ui/AlertsPanel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTimer>

using namespace ic;

namespace {

// Runs the event loop until done() or timeoutMs, recording the gaps between 1 ms ticks.
void runRecordingGaps(std::vector<double> &gaps, const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer sinceTick;
    QElapsedTimer total;
    QTimer beat;
    beat.setTimerType(Qt::PreciseTimer);
    beat.setInterval(1);
    QEventLoop loop;
    QObject::connect(&beat, &QTimer::timeout, &loop, [&] {
        gaps.push_back(double(sinceTick.nsecsElapsed()) / 1e6);
        sinceTick.restart();
        if (done() || total.elapsed() > timeoutMs)
            loop.quit();
    });
    sinceTick.start();
    total.start();
    beat.start();
    loop.exec();
}

QByteArray fetch(const QUrl &url)
{
    QNetworkAccessManager nam;
    QNetworkReply *reply = nam.get(QNetworkRequest(url));
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    const QByteArray body = reply->readAll();
    reply->deleteLater();
    return body;
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int count = args.contains(QStringLiteral("--alerts"))
                          ? args.value(args.indexOf(QStringLiteral("--alerts")) + 1).toInt()
                          : 10000;
    const int rounds = args.contains(QStringLiteral("--rounds"))
                           ? args.value(args.indexOf(QStringLiteral("--rounds")) + 1).toInt()
                           : 10;
    QProcess source;
    source.start(
        QStringLiteral("python3"),
        {QStringLiteral(INCIDENT_CONSOLE_SOURCE_DIR "/tests/integration/hostile_alert_source.py"),
         QStringLiteral("--alerts"), QString::number(count)});
    if (!source.waitForStarted() || !source.waitForReadyRead(60000)) {
        qWarning("bench_alerts: the loopback source did not start");
        return 1;
    }
    const int port =
        QJsonDocument::fromJson(source.readLine()).object().value(QLatin1String("many")).toInt();
    const QString url = QStringLiteral("http://127.0.0.1:%1").arg(port);

    // Baseline: the 1 ms timer with nothing to do.
    std::vector<double> idle;
    runRecordingGaps(
        idle, [] { return false; }, 2000);

    alerts::AlertsConfig config = alerts::parseAlertsConfig(
        QStringLiteral("sources:\n  - { name: loopback, type: alertmanager, url: \"%1\", "
                       "timeout: 30s }\n")
            .arg(url)
            .toUtf8(),
        QStringLiteral("bench"));
    alerts::AlertMonitor monitor;
    monitor.setConfig(config);
    ui::AlertsPanel panel(monitor);
    panel.resize(900, 600);
    panel.show();

    std::vector<double> polls;
    std::vector<double> gaps;
    for (int round = 0; round < rounds; ++round) {
        QElapsedTimer timer;
        timer.start();
        monitor.pollAll();
        runRecordingGaps(
            gaps, [&] { return !monitor.isPolling(); }, 60000);
        polls.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    const int kept = int(monitor.alerts().size());

    const QByteArray body = fetch(QUrl(config.sources.first().alertsUrl()));
    std::vector<double> decodes;
    std::vector<double> models;
    ui::AlertsModel model;
    for (int round = 0; round < rounds; ++round) {
        QElapsedTimer timer;
        timer.start();
        const auto decoded = alerts::decodeAlertmanagerAlerts(body, QStringLiteral("loopback"));
        decodes.push_back(double(timer.nsecsElapsed()) / 1e6);
        if (!decoded)
            return 1;
        timer.restart();
        model.setAlerts(decoded->alerts, round % 2 ? QStringLiteral("Flood1") : QString(), {}, {});
        models.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    source.kill();
    source.waitForFinished();

    const QString n = QString::number(count);
    bench::report(QStringLiteral("alerts_poll_%1_median").arg(n), bench::median(polls),
                  QStringLiteral("ms"), 0);
    bench::report(QStringLiteral("alerts_decode_%1_median").arg(n), bench::median(decodes),
                  QStringLiteral("ms"), 0);
    bench::report(QStringLiteral("alerts_model_update_%1_median").arg(n), bench::median(models),
                  QStringLiteral("ms"), 0);
    bench::report(QStringLiteral("alerts_ui_stall_p99"), bench::percentile(gaps, 99),
                  QStringLiteral("ms"), bench::percentile(idle, 99));
    bench::report(QStringLiteral("alerts_ui_stall_max"), bench::percentile(gaps, 100),
                  QStringLiteral("ms"), bench::percentile(idle, 100));
    bench::report(QStringLiteral("alerts_kept"), kept, QStringLiteral("alerts"), count);
    return 0;
}
