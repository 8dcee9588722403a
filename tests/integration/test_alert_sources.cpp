#include "AlertServers.h"
#include "alerts/AlertDecoder.h"
#include "alerts/AlertMonitor.h"
#include "alerts/AlertSilences.h"

#include <QSignalSpy>

using namespace ic;
using namespace ic::alerts;
using namespace ic::test;

namespace {

AlertsConfig sourcesFrom(const QString &yaml)
{
    const AlertsConfig config = parseAlertsConfig(
        QString(QStringLiteral("sources:\n") + yaml).toUtf8(), QStringLiteral("alerts.yaml"));
    for (const ConfigProblem &problem : config.problems)
        qWarning("%s", qPrintable(problem.toString()));
    return config;
}

// Polls every source once and waits for the answers.
void pollAndWait(AlertMonitor &monitor, int timeoutMs = 20000)
{
    QSignalSpy polled(&monitor, &AlertMonitor::polled);
    monitor.pollAll();
    QTRY_VERIFY_WITH_TIMEOUT(!monitor.isPolling(), timeoutMs);
}

qint64 peakRssKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return 0;
}

// The longest the event loop went without running a 10 ms timer while this lives.
class StallMeter : public QObject
{
public:
    StallMeter()
    {
        m_clock.start();
        connect(&m_timer, &QTimer::timeout, this,
                [this] { m_worst = std::max(m_worst, m_clock.restart()); });
        m_timer.start(10);
    }
    qint64 worstMs() const { return m_worst; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_worst = 0;
};

} // namespace

// AlertMonitor against a real Alertmanager and Prometheus, and against sources that hang,
// answer garbage, list 50,000 alerts or send 20 MB.
class TestAlertSources : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QProcess m_alertmanager;
    QProcess m_prometheus;
    QProcess m_hostile;
    int m_amPort = 0;
    QJsonObject m_hostilePorts;

    QString amUrl() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_amPort); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_amPort = startAlertmanager(m_alertmanager, m_dir);
        if (m_amPort == 0)
            QSKIP("prometheus-alertmanager is not installed or did not start (scripts/setup "
                  "installs it)");
    }

    void cleanupTestCase()
    {
        stopServer(m_alertmanager);
        stopServer(m_prometheus);
        if (m_hostile.state() != QProcess::NotRunning) {
            m_hostile.kill();
            m_hostile.waitForFinished();
        }
    }

    void injectedAlertsAppearAndResolve()
    {
        AlertMonitor monitor;
        monitor.setConfig(sourcesFrom(
            QStringLiteral("  - { name: prod, type: alertmanager, url: \"%1\" }\n").arg(amUrl())));
        pollAndWait(monitor);
        QCOMPARE(monitor.source(QStringLiteral("prod")).state, SourceStatus::State::Up);
        QVERIFY(monitor.alerts().isEmpty());

        QSignalSpy fired(&monitor, &AlertMonitor::alertFired);
        QSignalSpy resolved(&monitor, &AlertMonitor::alertResolved);
        QVERIFY(postAlerts(m_amPort,
                           {alertmanagerAlert(crashLoopingLabels(), crashLoopingAnnotations())}));
        pollAndWait(monitor);
        QCOMPARE(monitor.alerts().size(), 1);
        const Alert alert = monitor.alerts().first();
        QCOMPARE(alert.alertname(), QStringLiteral("KubePodCrashLooping"));
        QCOMPARE(alert.state, AlertState::Firing);
        QCOMPARE(alert.source, QStringLiteral("prod"));
        QCOMPARE(alert.fingerprint, labelFingerprint(alert.labels));
        QVERIFY(alert.startsAt.secsTo(QDateTime::currentDateTimeUtc()) < 120);
        QCOMPARE(fired.count(), 1);
        QVERIFY(monitor.alert(alert.fingerprint));

        QVERIFY(postAlerts(
            m_amPort, {alertmanagerAlert(crashLoopingLabels(), crashLoopingAnnotations(), true)}));
        pollAndWait(monitor);
        QVERIFY(monitor.alerts().isEmpty());
        QCOMPARE(resolved.count(), 1);
        QCOMPARE(resolved.first().first().value<Alert>().fingerprint, alert.fingerprint);
    }

    void filterMatchersAndSilencesApart()
    {
        QVERIFY(postAlerts(
            m_amPort,
            {alertmanagerAlert(crashLoopingLabels(QStringLiteral("api-2")),
                               crashLoopingAnnotations(QStringLiteral("api-2"))),
             alertmanagerAlert({{QStringLiteral("alertname"), QStringLiteral("DiskWillFill")},
                                {QStringLiteral("severity"), QStringLiteral("warning")}},
                               {})}));
        AlertMonitor monitor;
        monitor.setConfig(
            sourcesFrom(QStringLiteral("  - { name: prod, type: alertmanager, url: \"%1\", "
                                       "filter: ['severity=~\"critical|error\"'] }\n"
                                       "  - { name: all, type: alertmanager, url: \"%1/\" }\n")
                            .arg(amUrl())));
        pollAndWait(monitor);
        QCOMPARE(monitor.source(QStringLiteral("prod")).alerts.size(), 1);
        QCOMPARE(monitor.source(QStringLiteral("all")).alerts.size(), 2);
        // Listed once although both sources report it, under the first source.
        QCOMPARE(monitor.alerts().size(), 2);
        const Alert alert = monitor.source(QStringLiteral("prod")).alerts.first();

        QNetworkAccessManager nam;
        std::optional<Result<Silence>> created;
        createSilence(&nam, monitor.source(QStringLiteral("prod")).source, alert,
                      std::chrono::hours(1), QStringLiteral("ana"), QStringLiteral("known, fixing"),
                      this, [&](const Result<Silence> &result) { created = result; });
        QTRY_VERIFY_WITH_TIMEOUT(created.has_value(), 10000);
        QVERIFY2(created->ok(), qPrintable(created->error()));
        const Silence silence = created->value();
        QVERIFY(qAbs(silence.endsAt.secsTo(QDateTime::currentDateTimeUtc().addSecs(3600))) < 60);

        const HttpResult fetched =
            http("GET", QUrl(amUrl() + QStringLiteral("/api/v2/silence/") + silence.id));
        QCOMPARE(fetched.status, 200);
        const QJsonObject stored = QJsonDocument::fromJson(fetched.body).object();
        QCOMPARE(stored.value(QLatin1String("createdBy")).toString(), QStringLiteral("ana"));
        QCOMPARE(stored.value(QLatin1String("comment")).toString(),
                 QStringLiteral("known, fixing"));
        QCOMPARE(stored.value(QLatin1String("matchers")).toArray().size(), alert.labels.size());

        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                pollAndWait(monitor);
                const auto now = monitor.alert(alert.fingerprint);
                return now && now->state == AlertState::Silenced &&
                       now->silencedBy == QStringList{silence.id};
            }(),
            15000);

        std::optional<Result<void>> expired;
        expireSilence(&nam, monitor.source(QStringLiteral("prod")).source, silence.id, this,
                      [&](const Result<void> &result) { expired = result; });
        QTRY_VERIFY_WITH_TIMEOUT(expired.has_value(), 10000);
        QVERIFY2(expired->ok(), qPrintable(expired->error()));
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                pollAndWait(monitor);
                const auto now = monitor.alert(alert.fingerprint);
                return now && now->state == AlertState::Firing;
            }(),
            15000);

        // A Prometheus source has no silences to make.
        std::optional<Result<Silence>> refused;
        AlertSource prometheus = monitor.source(QStringLiteral("prod")).source;
        prometheus.type = AlertSource::Type::Prometheus;
        createSilence(&nam, prometheus, alert, std::chrono::hours(1), QStringLiteral("ana"),
                      QStringLiteral("x"), this,
                      [&](const Result<Silence> &result) { refused = result; });
        QTRY_VERIFY(refused.has_value());
        QCOMPARE(refused->errorKind(), ErrorKind::Refused);
    }

    void prometheusRuleFires()
    {
        QTemporaryDir dir;
        const int port = startPrometheus(
            m_prometheus, dir,
            "groups:\n"
            "  - name: test\n"
            "    interval: 1s\n"
            "    rules:\n"
            "      - alert: KubePodCrashLooping\n"
            "        expr: vector(1)\n"
            "        labels: { severity: critical, namespace: prod, pod: api-1 }\n"
            "        annotations:\n"
            "          summary: Pod prod/api-1 is crash looping\n"
            "          runbook_url: "
            "https://runbooks.prometheus-operator.dev/runbooks/kubernetes/kubepodcrashlooping\n"
            "      - alert: NotYet\n"
            "        expr: vector(1)\n"
            "        for: 1h\n"
            "        labels: { severity: warning }\n");
        if (port == 0)
            QSKIP("prometheus is not installed or did not start (scripts/setup installs it)");
        AlertMonitor monitor;
        monitor.setConfig(sourcesFrom(
            QStringLiteral("  - { name: prom, type: prometheus, url: \"http://127.0.0.1:%1\" }\n")
                .arg(port)));
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                pollAndWait(monitor);
                return monitor.alerts().size() == 1 &&
                       monitor.source(QStringLiteral("prom")).pending == 1;
            }(),
            30000);
        const Alert alert = monitor.alerts().first();
        QCOMPARE(alert.alertname(), QStringLiteral("KubePodCrashLooping"));
        QCOMPARE(alert.state, AlertState::Firing);
        QCOMPARE(alert.fingerprint, labelFingerprint(alert.labels));
        QCOMPARE(alert.labels.value(QStringLiteral("severity")), QStringLiteral("critical"));
        QVERIFY(alert.startsAt.isValid());
        stopServer(m_prometheus);
    }

    void aSourceThatGoesDownKeepsItsAlertsWithTheirAge()
    {
        QVERIFY(postAlerts(m_amPort,
                           {alertmanagerAlert(crashLoopingLabels(QStringLiteral("api-3")),
                                              crashLoopingAnnotations(QStringLiteral("api-3")))}));
        AlertMonitor monitor;
        monitor.setConfig(sourcesFrom(
            QStringLiteral(
                "  - { name: prod, type: alertmanager, url: \"%1\", timeout: 2s }\n"
                "  - { name: nowhere, type: alertmanager, url: \"http://127.0.0.1:%2\" }\n")
                .arg(amUrl())
                .arg(freePort())));
        pollAndWait(monitor);
        const int known = monitor.alerts().size();
        QVERIFY(known >= 1);
        const QDateTime success = monitor.source(QStringLiteral("prod")).lastSuccess;
        QCOMPARE(monitor.source(QStringLiteral("nowhere")).state, SourceStatus::State::Down);
        QVERIFY2(
            monitor.source(QStringLiteral("nowhere")).message.contains(QStringLiteral("refused")),
            qPrintable(monitor.source(QStringLiteral("nowhere")).message));

        stopServer(m_alertmanager);
        QSignalSpy resolved(&monitor, &AlertMonitor::alertResolved);
        pollAndWait(monitor);
        const SourceStatus down = monitor.source(QStringLiteral("prod"));
        QCOMPARE(down.state, SourceStatus::State::Down);
        QVERIFY(!down.message.isEmpty());
        QCOMPARE(down.alerts.size(), known);
        QCOMPARE(down.lastSuccess, success);
        QVERIFY(down.lastAttempt > success);
        QCOMPARE(resolved.count(), 0);
        // Back for the tests after this one.
        m_amPort = startAlertmanager(m_alertmanager, m_dir);
        QVERIFY(m_amPort != 0);
    }

    void hostileSourcesStayBounded()
    {
        m_hostile.start(QStringLiteral("python3"),
                        {QStringLiteral(INCIDENT_CONSOLE_SOURCE_DIR
                                        "/tests/integration/hostile_alert_source.py")});
        QVERIFY(m_hostile.waitForStarted());
        QVERIFY(m_hostile.waitForReadyRead(30000));
        m_hostilePorts = QJsonDocument::fromJson(m_hostile.readLine()).object();
        QString yaml;
        for (const QString &name :
             {QStringLiteral("hang"), QStringLiteral("garbage"), QStringLiteral("many"),
              QStringLiteral("big"), QStringLiteral("endless"), QStringLiteral("huge_declared")})
            yaml +=
                QStringLiteral("  - { name: %1, type: alertmanager, url: \"http://127.0.0.1:%2\", "
                               "timeout: 3s }\n")
                    .arg(name)
                    .arg(m_hostilePorts.value(name).toInt());
        AlertMonitor monitor;
        monitor.setConfig(sourcesFrom(yaml));
        const qint64 rssBefore = peakRssKb();
        QElapsedTimer timer;
        timer.start();
        StallMeter stalls;
        pollAndWait(monitor, 20000);
        const qint64 elapsed = timer.elapsed();
        QVERIFY2(elapsed < 20000, qPrintable(QString::number(elapsed)));

        const SourceStatus hang = monitor.source(QStringLiteral("hang"));
        QCOMPARE(hang.state, SourceStatus::State::Down);
        QCOMPARE(hang.message, QStringLiteral("no complete answer within 3s"));
        const SourceStatus garbage = monitor.source(QStringLiteral("garbage"));
        QCOMPARE(garbage.state, SourceStatus::State::Down);
        QVERIFY2(garbage.message.contains(QStringLiteral("not JSON")), qPrintable(garbage.message));
        const SourceStatus many = monitor.source(QStringLiteral("many"));
        QVERIFY2(many.state == SourceStatus::State::Up, qPrintable(many.message));
        QCOMPARE(many.alerts.size(), 20000);
        QCOMPARE(many.note, QStringLiteral("50000 alerts; only the first 20000 are kept"));
        // 20 MB is read; the labels of its alerts are cut to size.
        const SourceStatus big = monitor.source(QStringLiteral("big"));
        QVERIFY2(big.state == SourceStatus::State::Up, qPrintable(big.message));
        QVERIFY(big.alerts.size() > 4000);
        QCOMPARE(big.alerts.first().labels.value(QStringLiteral("pad")).size(),
                 DecodeLimits::maxValueChars + 1);
        // An answer that never ends, or announces more than the cap, is not read.
        for (const QString &name : {QStringLiteral("endless"), QStringLiteral("huge_declared")}) {
            const SourceStatus huge = monitor.source(name);
            QCOMPARE(huge.state, SourceStatus::State::Down);
            QVERIFY2(huge.message.startsWith(QStringLiteral("the answer is larger than 32 MB")),
                     qPrintable(huge.message));
        }
        qInfo("all answered in %lld ms; longest event-loop stall %lld ms", elapsed,
              stalls.worstMs());
        // Decoding happens off this thread: the event loop kept turning.
        QVERIFY2(stalls.worstMs() < 500, qPrintable(QString::number(stalls.worstMs())));
        const qint64 grown = peakRssKb() - rssBefore;
        QVERIFY2(grown < 400 * 1024, qPrintable(QStringLiteral("%1 KB").arg(grown)));
    }
};

QTEST_GUILESS_MAIN(TestAlertSources)
#include "test_alert_sources.moc"
