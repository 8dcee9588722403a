#include "AlertServers.h"

using namespace ic;
using namespace ic::test;

namespace {

QStringList timelineKinds(const QJsonObject &incident)
{
    QStringList kinds;
    for (const QJsonValue &event : incident.value(QLatin1String("timeline")).toArray())
        kinds << event.toObject().value(QLatin1String("kind")).toString();
    return kinds;
}

} // namespace

// The alerts CLI of the real binary against a real Alertmanager: what fires, its local
// runbook, an incident declared from it, a silence, and the alert's life on the timeline.
class TestAlertsCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QProcess m_alertmanager;
    int m_amPort = 0;

    QString dataDir(const QString &name) const { return m_dir.filePath(name); }

    // A data dir whose alerts.yaml names sources (YAML list items).
    QString dataDirWith(const QString &name, const QString &sources) const
    {
        const QString dir = dataDir(name);
        QDir().mkpath(dir);
        QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        writeFile(dir + QStringLiteral("/alerts.yaml"),
                  QString(QStringLiteral("sources:\n") + sources).toUtf8());
        QFile::setPermissions(dir + QStringLiteral("/alerts.yaml"),
                              QFile::ReadOwner | QFile::WriteOwner);
        return dir;
    }

    RunResult console(const QString &dir, const QStringList &args) const
    {
        return runConsole(QStringList{QStringLiteral("--data-dir"), dir} + args,
                          {{QStringLiteral("USER"), QStringLiteral("tester")}}, 60000);
    }

    QJsonArray alertsJson(const QString &dir, int expectedExit) const
    {
        const RunResult run = console(dir, {QStringLiteral("alerts"), QStringLiteral("--json")});
        if (run.exitCode != expectedExit)
            qWarning("alerts --json exited %d: %s", run.exitCode, qPrintable(run.err));
        return QJsonDocument::fromJson(run.out.toUtf8()).array();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_amPort = startAlertmanager(m_alertmanager, m_dir);
        if (m_amPort == 0)
            QSKIP("prometheus-alertmanager is not installed or did not start (scripts/setup "
                  "installs it)");
    }

    void cleanupTestCase() { stopServer(m_alertmanager); }

    void aFreshDataDirGetsTheDefaultAndNothingFires()
    {
        const QString dir = dataDir(QStringLiteral("fresh"));
        const RunResult run = console(dir, {QStringLiteral("alerts")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.contains(QStringLiteral("no alert sources yet")), qPrintable(run.err));
        QVERIFY(QFile::exists(dir + QStringLiteral("/alerts.yaml")));
        QVERIFY(run.out.contains(QStringLiteral("0 firing, 0 silenced, 0 inhibited")));
        const RunResult json = console(dir, {QStringLiteral("alerts"), QStringLiteral("--json")});
        QCOMPARE(json.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(json.out.toUtf8()).array().size(), 0);
    }

    void aBrokenFileExitsTwoNamingLineAndField()
    {
        const QString dir = dataDirWith(
            QStringLiteral("broken"),
            QStringLiteral("  - { name: prod, type: alertmanager, url: \"ftp://x\" }\n"));
        const RunResult run = console(dir, {QStringLiteral("alerts")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("alerts.yaml:2: sources[0].url: 'ftp://x' is not "
                                                 "an http:// or https:// URL")),
                 qPrintable(run.err));
    }

    void aSourceThatIsDownExitsOne()
    {
        const QString dir = dataDirWith(
            QStringLiteral("down"),
            QStringLiteral("  - { name: gone, type: alertmanager, url: \"http://127.0.0.1:%1\" }\n")
                .arg(freePort()));
        const RunResult run = console(dir, {QStringLiteral("alerts")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("source gone")) &&
                     run.err.contains(QStringLiteral("is down")),
                 qPrintable(run.err));
    }

    void fromFiringToDeclaredSilencedAndResolved()
    {
        const QString dir = dataDirWith(
            QStringLiteral("walk"),
            QStringLiteral("  - { name: prod, type: alertmanager, url: \"http://127.0.0.1:%1\" }\n")
                .arg(m_amPort));
        QVERIFY(postAlerts(m_amPort,
                           {alertmanagerAlert(crashLoopingLabels(), crashLoopingAnnotations())}));
        // What fires, with the local runbook the upstream link names.
        const QJsonArray firing = alertsJson(dir, 1);
        QCOMPARE(firing.size(), 1);
        const QJsonObject alert = firing.first().toObject();
        const QString fingerprint = alert.value(QLatin1String("fingerprint")).toString();
        QCOMPARE(fingerprint.size(), 16);
        QCOMPARE(alert.value(QLatin1String("alertname")).toString(),
                 QStringLiteral("KubePodCrashLooping"));
        QCOMPARE(alert.value(QLatin1String("state")).toString(), QStringLiteral("firing"));
        QCOMPARE(alert.value(QLatin1String("severity")).toString(), QStringLiteral("critical"));
        QCOMPARE(alert.value(QLatin1String("source")).toString(), QStringLiteral("prod"));
        QCOMPARE(
            alert.value(QLatin1String("labels")).toObject().value(QLatin1String("pod")).toString(),
            QStringLiteral("api-1"));
        QVERIFY(alert.value(QLatin1String("annotations"))
                    .toObject()
                    .contains(QLatin1String("summary")));
        QVERIFY(!alert.value(QLatin1String("starts_at")).toString().isEmpty());
        QCOMPARE(
            alert.value(QLatin1String("runbook")).toObject().value(QLatin1String("id")).toString(),
            QStringLiteral("container-crash-loop"));
        QVERIFY(alert.value(QLatin1String("runbook_problem")).isNull());
        QVERIFY(alert.value(QLatin1String("incident")).isNull());
        const RunResult text = console(dir, {QStringLiteral("alerts")});
        QCOMPARE(text.exitCode, 1);
        QVERIFY2(text.out.contains(QStringLiteral("runbook: Container crash loop "
                                                  "(container-crash-loop)")),
                 qPrintable(text.out));

        // Declared from it: pre-filled, and linked.
        const RunResult declared = console(dir, {QStringLiteral("incident"), QStringLiteral("new"),
                                                 QStringLiteral("--from-alert"),
                                                 fingerprint.left(8), QStringLiteral("--commander"),
                                                 QStringLiteral("Ana"), QStringLiteral("--json")});
        QVERIFY2(declared.exitCode == 0, qPrintable(declared.err));
        const QJsonObject incident = QJsonDocument::fromJson(declared.out.toUtf8()).object();
        const QString id = incident.value(QLatin1String("id")).toString();
        QCOMPARE(incident.value(QLatin1String("title")).toString(),
                 QStringLiteral("Pod prod/api-1 is crash looping"));
        QCOMPARE(incident.value(QLatin1String("severity")).toString(), QStringLiteral("SEV-1"));
        QCOMPARE(incident.value(QLatin1String("impact")).toString(),
                 QStringLiteral("Pod prod/api-1 is restarting 3 times / 10 minutes."));
        QVERIFY2(declared.out.contains(QStringLiteral("\"prod\"")), qPrintable(declared.out));
        QCOMPARE(alertsJson(dir, 1).first().toObject().value(QLatin1String("incident")).toString(),
                 id);

        // Another alert linked to the same, existing incident.
        QVERIFY(postAlerts(m_amPort,
                           {alertmanagerAlert(crashLoopingLabels(QStringLiteral("api-9")),
                                              crashLoopingAnnotations(QStringLiteral("api-9")))}));
        QString second;
        for (const QJsonValue &value : alertsJson(dir, 1)) {
            if (value.toObject().value(QLatin1String("incident")).isNull())
                second = value.toObject().value(QLatin1String("fingerprint")).toString();
        }
        QVERIFY(!second.isEmpty());
        const RunResult linked =
            console(dir, {QStringLiteral("alerts"), QStringLiteral("link"), second, id.left(8)});
        QVERIFY2(linked.exitCode == 0, qPrintable(linked.err));
        for (const QJsonValue &value : alertsJson(dir, 1))
            QCOMPARE(value.toObject().value(QLatin1String("incident")).toString(), id);
        QCOMPARE(
            console(dir, {QStringLiteral("alerts"), QStringLiteral("link"), second, id}).exitCode,
            0); // already linked: nothing changed
        QVERIFY(postAlerts(
            m_amPort, {alertmanagerAlert(crashLoopingLabels(QStringLiteral("api-9")),
                                         crashLoopingAnnotations(QStringLiteral("api-9")), true)}));

        // Silenced from the console: Alertmanager has it, and the alert no longer fires.
        const RunResult silenced = console(
            dir, {QStringLiteral("alerts"), QStringLiteral("silence"), fingerprint,
                  QStringLiteral("--for"), QStringLiteral("1h"), QStringLiteral("--comment"),
                  QStringLiteral("rolling back"), QStringLiteral("--by"), QStringLiteral("ana")});
        QVERIFY2(silenced.exitCode == 0, qPrintable(silenced.err));
        QVERIFY2(silenced.out.startsWith(QStringLiteral("silenced KubePodCrashLooping")),
                 qPrintable(silenced.out));
        const QJsonArray silences =
            QJsonDocument::fromJson(http("GET", QUrl(QStringLiteral("http://127.0.0.1:%1/api/"
                                                                    "v2/silences")
                                                         .arg(m_amPort)))
                                        .body)
                .array();
        QCOMPARE(silences.size(), 1);
        QCOMPARE(silences.first().toObject().value(QLatin1String("createdBy")).toString(),
                 QStringLiteral("ana"));
        QTRY_VERIFY_WITH_TIMEOUT(alertsJson(dir, 0).first().toObject().value(
                                     QLatin1String("state")) == QStringLiteral("silenced"),
                                 15000);

        // Resolved at the source: gone from the list, and on the incident's timeline.
        QVERIFY(postAlerts(
            m_amPort, {alertmanagerAlert(crashLoopingLabels(), crashLoopingAnnotations(), true)}));
        QTRY_VERIFY_WITH_TIMEOUT(alertsJson(dir, 0).isEmpty(), 15000);
        const RunResult shown = console(dir, {QStringLiteral("incident"), QStringLiteral("show"),
                                              id, QStringLiteral("--json")});
        const QStringList kinds =
            timelineKinds(QJsonDocument::fromJson(shown.out.toUtf8()).object());
        QVERIFY2(kinds.contains(QStringLiteral("alert-linked")) &&
                     kinds.contains(QStringLiteral("alert-silenced")) &&
                     kinds.count(QStringLiteral("alert-resolved")) == 2,
                 qPrintable(kinds.join(QLatin1Char(' '))));
        QVERIFY(kinds.indexOf(QStringLiteral("alert-linked")) <
                kinds.indexOf(QStringLiteral("alert-silenced")));
        QVERIFY(kinds.indexOf(QStringLiteral("alert-silenced")) <
                kinds.indexOf(QStringLiteral("alert-resolved")));

        // And the silence ended again from the console.
        const QString silenceId = silences.first().toObject().value(QLatin1String("id")).toString();
        const RunResult expired =
            console(dir, {QStringLiteral("alerts"), QStringLiteral("expire"), silenceId});
        QVERIFY2(expired.exitCode == 0, qPrintable(expired.err));
        const QJsonObject after =
            QJsonDocument::fromJson(http("GET", QUrl(QStringLiteral("http://127.0.0.1:%1/api/v2/"
                                                                    "silence/%2")
                                                         .arg(m_amPort)
                                                         .arg(silenceId)))
                                        .body)
                .object();
        QCOMPARE(after.value(QLatin1String("status"))
                     .toObject()
                     .value(QLatin1String("state"))
                     .toString(),
                 QStringLiteral("expired"));
        const RunResult finalShow =
            console(dir, {QStringLiteral("incident"), QStringLiteral("show"), id,
                          QStringLiteral("--json")});
        QVERIFY(timelineKinds(QJsonDocument::fromJson(finalShow.out.toUtf8()).object())
                    .contains(QStringLiteral("alert-unsilenced")));
    }

    void unknownFingerprintsAndBadOptionsExitTwo()
    {
        const QString dir = dataDirWith(
            QStringLiteral("usage"),
            QStringLiteral("  - { name: prod, type: alertmanager, url: \"http://127.0.0.1:%1\" }\n")
                .arg(m_amPort));
        const RunResult unknown =
            console(dir, {QStringLiteral("alerts"), QStringLiteral("silence"),
                          QStringLiteral("ffffffffffffffff"), QStringLiteral("--for"),
                          QStringLiteral("1h"), QStringLiteral("--comment"), QStringLiteral("x")});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY2(unknown.err.contains(QStringLiteral("no alert with fingerprint")),
                 qPrintable(unknown.err));
        const RunResult noComment =
            console(dir, {QStringLiteral("alerts"), QStringLiteral("silence"),
                          QStringLiteral("ffff"), QStringLiteral("--for"), QStringLiteral("1h")});
        QCOMPARE(noComment.exitCode, 2);
        const RunResult badDuration =
            console(dir, {QStringLiteral("alerts"), QStringLiteral("silence"),
                          QStringLiteral("ffff"), QStringLiteral("--for"), QStringLiteral("60"),
                          QStringLiteral("--comment"), QStringLiteral("x")});
        QCOMPARE(badDuration.exitCode, 2);
        const RunResult fromNothing =
            console(dir, {QStringLiteral("incident"), QStringLiteral("new"),
                          QStringLiteral("--from-alert"), QStringLiteral("ffffffffffffffff")});
        QCOMPARE(fromNothing.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestAlertsCli)
#include "test_alerts_cli.moc"
