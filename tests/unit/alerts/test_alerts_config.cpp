#include "alerts/AlertsConfig.h"

#include <QFile>
#include <QTemporaryDir>
#include <QUrlQuery>
#include <QtTest>

using namespace ic;
using namespace ic::alerts;

namespace {

AlertsConfig parse(const QByteArray &yaml)
{
    return parseAlertsConfig(yaml, QStringLiteral("alerts.yaml"));
}

QString problems(const AlertsConfig &config)
{
    QStringList lines;
    for (const ConfigProblem &problem : config.problems)
        lines << problem.toString();
    return lines.join(QLatin1Char('\n'));
}

} // namespace

class TestAlertsConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsTheDesignExample()
    {
        const AlertsConfig config =
            parse("\n"
                  "defaults: { interval: 15s, timeout: 5s }\n"
                  "severity_map: { critical: SEV-1, error: SEV-2, warning: SEV-3, info: SEV-4 }\n"
                  "service_labels: [service, job, namespace]\n"
                  "sources:\n"
                  "  - { name: prod, type: alertmanager, url: \"http://127.0.0.1:9093\", filter: "
                  "['severity=~\"critical|warning\"'] }\n"
                  "  - { name: prom, type: prometheus, url: \"http://127.0.0.1:9090/\", interval: "
                  "1m }\n");
        QVERIFY2(config.problems.isEmpty(), qPrintable(problems(config)));
        QCOMPARE(config.sources.size(), 2);
        QCOMPARE(config.severityMap.size(), 4);
        QCOMPARE(config.severityMap.first(),
                 qMakePair(QStringLiteral("critical"), QStringLiteral("SEV-1")));
        const AlertSource &prod = config.sources.at(0);
        QCOMPARE(prod.type, AlertSource::Type::Alertmanager);
        QCOMPARE(prod.interval, std::chrono::milliseconds(15000));
        const QUrl url = prod.alertsUrl();
        QCOMPARE(url.path(), QStringLiteral("/api/v2/alerts"));
        const QUrlQuery query(url);
        QCOMPARE(query.queryItemValue(QStringLiteral("active")), QStringLiteral("true"));
        QCOMPARE(query.queryItemValue(QStringLiteral("silenced")), QStringLiteral("true"));
        QCOMPARE(query.queryItemValue(QStringLiteral("inhibited")), QStringLiteral("true"));
        QCOMPARE(query.queryItemValue(QStringLiteral("filter"), QUrl::FullyDecoded),
                 QStringLiteral("severity=~\"critical|warning\""));
        const AlertSource &prom = config.sources.at(1);
        QCOMPARE(prom.interval, std::chrono::milliseconds(60000));
        QCOMPARE(prom.timeout, std::chrono::milliseconds(5000));
        QCOMPARE(prom.alertsUrl().toString(),
                 QStringLiteral("http://127.0.0.1:9090/api/v1/alerts"));
    }

    void aBrokenSourceLeavesTheOthers()
    {
        const AlertsConfig config = parse(
            "sources:\n"
            "  - { name: good, type: alertmanager, url: \"http://127.0.0.1:9093\" }\n"
            "  - name: bad\n"
            "    type: alertmanager\n"
            "    url: \"ftp://example.com\"\n"
            "  - { name: typo, type: alertmanagr, url: \"http://127.0.0.1:9093\" }\n"
            "  - { name: slow, type: prometheus, url: \"http://127.0.0.1:9090\", interval: 5 }\n"
            "  - { name: good, type: prometheus, url: \"http://127.0.0.1:9090\" }\n"
            "  - { name: odd, type: prometheus, url: \"http://127.0.0.1:9090\", colour: red }\n");
        QCOMPARE(config.sources.size(), 1);
        QCOMPARE(config.sources.first().name, QStringLiteral("good"));
        const QString text = problems(config);
        QVERIFY2(text.contains(QStringLiteral(
                     "alerts.yaml:5: sources[1].url: 'ftp://example.com' is not an http:// or "
                     "https:// URL")),
                 qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("alerts.yaml:6: sources[2].type: 'alertmanagr' is "
                                              "no source type")),
                 qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("alerts.yaml:7: sources[3].interval: '5' is not a "
                                              "duration")),
                 qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("alerts.yaml:8: sources[4].name: 'good' is used by "
                                              "an earlier source")),
                 qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("alerts.yaml:9: sources[5].colour: unknown field")),
                 qPrintable(text));
    }

    void secretsAreNeverInline_data()
    {
        QTest::addColumn<QByteArray>("source");
        QTest::addColumn<QString>("expected");
        QTest::newRow("bearer") << QByteArray("bearer_token: abc")
                                << QStringLiteral("sources[0].bearer_token: is never written");
        QTest::newRow("authorization header")
            << QByteArray("headers: { Authorization: Bearer abc }")
            << QStringLiteral("sources[0].headers.Authorization: credentials are never written");
        QTest::newRow("basic password")
            << QByteArray("basic_auth: { username: ana, password: abc }")
            << QStringLiteral("sources[0].basic_auth.password: is never written");
        QTest::newRow("two token sources")
            << QByteArray("bearer_token_env: A, bearer_token_file: b")
            << QStringLiteral("give one of bearer_token_env or bearer_token_file");
        QTest::newRow("the console's own variable")
            << QByteArray("bearer_token_env: INCIDENT_CONSOLE_SLACK_WEBHOOK")
            << QStringLiteral("sources[0].bearer_token_env: INCIDENT_CONSOLE_SLACK_WEBHOOK is "
                              "the console's own variable");
        QTest::newRow("the webhook secret file")
            << QByteArray("basic_auth: { username: ana, password_file: slack-webhook.secret }")
            << QStringLiteral("sources[0].basic_auth.password_file: ");
        QTest::newRow("no user") << QByteArray("basic_auth: { password_env: P }")
                                 << QStringLiteral("sources[0].basic_auth.username: missing");
        QTest::newRow("filter on prometheus")
            << QByteArray("filter: [a=b], type: prometheus")
            << QStringLiteral("only an alertmanager source filters");
    }
    void secretsAreNeverInline()
    {
        QFETCH(QByteArray, source);
        QFETCH(QString, expected);
        QByteArray yaml = "sources:\n  - { name: a, url: \"http://127.0.0.1:9093\", " + source;
        if (!source.contains("type:"))
            yaml += ", type: alertmanager";
        const AlertsConfig config = parse(yaml + " }\n");
        QVERIFY(config.sources.isEmpty());
        QVERIFY2(problems(config).contains(expected), qPrintable(problems(config)));
        QCOMPARE(config.problems.first().line, 2);
    }

    void credentialsFromEnvironmentOrFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("alerts.yaml"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("sources:\n"
                   "  - { name: a, type: alertmanager, url: \"https://am.example.com\", "
                   "bearer_token_file: am.token,\n"
                   "      headers: { X-Scope-OrgID: team-a }, tls_verify: false }\n"
                   "  - { name: b, type: alertmanager, url: \"https://am.example.com\",\n"
                   "      basic_auth: { username: ana, password_env: TEST_AM_PASSWORD } }\n");
        file.close();
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
        QFile token(dir.filePath(QStringLiteral("am.token")));
        QVERIFY(token.open(QIODevice::WriteOnly));
        token.write("s3cret-token\nsecond line\n");
        token.close();
        const AlertsConfig config = loadAlertsConfig(path);
        QVERIFY2(config.problems.isEmpty(), qPrintable(problems(config)));
        const AlertSource &a = config.sources.at(0);
        QCOMPARE(a.bearerToken.file, dir.filePath(QStringLiteral("am.token")));
        QCOMPARE(a.headers.first(),
                 qMakePair(QStringLiteral("X-Scope-OrgID"), QStringLiteral("team-a")));
        QVERIFY(!a.tlsVerify);
        QString problem;
        QCOMPARE(readSecret(a.bearerToken, &problem),
                 std::optional<QString>(QStringLiteral("s3cret-token")));
        const AlertSource &b = config.sources.at(1);
        QCOMPARE(b.basicAuthUser, QStringLiteral("ana"));
        qunsetenv("TEST_AM_PASSWORD");
        QVERIFY(!readSecret(b.basicAuthPassword, &problem));
        QCOMPARE(problem, QStringLiteral("environment variable TEST_AM_PASSWORD is not set"));
        qputenv("TEST_AM_PASSWORD", "pw");
        QCOMPARE(readSecret(b.basicAuthPassword, &problem),
                 std::optional<QString>(QStringLiteral("pw")));
    }

    void aFileOthersCanChangeIsNotUsed()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("alerts.yaml"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(
            "sources:\n  - { name: a, type: alertmanager, url: \"http://127.0.0.1:9093\" }\n");
        file.close();
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup |
                                        QFile::WriteGroup | QFile::ReadOther | QFile::WriteOther);
        const AlertsConfig config = loadAlertsConfig(path);
        QVERIFY(config.sources.isEmpty());
        QCOMPARE(config.problems.size(), 1);
        QCOMPARE(config.problems.first().file, path);
    }

    void brokenYamlNamesTheLine()
    {
        const AlertsConfig config = parse("sources:\n  - { name: a\n");
        QCOMPARE(config.problems.size(), 1);
        QVERIFY(config.problems.first().line >= 2);
        QVERIFY(config.problems.first().message.startsWith(QStringLiteral("not valid YAML")));
    }

    void defaultFileIsWrittenOnceAndReadsClean()
    {
        QTemporaryDir dir;
        QCOMPARE(ensureDefaultAlertsConfig(dir.path()), QString());
        const QString path = alertsConfigPath(dir.path());
        QVERIFY(QFile::exists(path));
        const AlertsConfig config = loadAlertsConfig(path);
        QVERIFY2(config.problems.isEmpty(), qPrintable(problems(config)));
        QVERIFY(config.sources.isEmpty());
        QCOMPARE(config.serviceLabels,
                 QStringList({QStringLiteral("service"), QStringLiteral("job"),
                              QStringLiteral("namespace")}));
        QFile file(path);
        QVERIFY(file.open(QIODevice::Append));
        file.write("# mine\n");
        file.close();
        const qint64 size = QFileInfo(path).size();
        QCOMPARE(ensureDefaultAlertsConfig(dir.path()), QString());
        QCOMPARE(QFileInfo(path).size(), size);
        // Every commented example, uncommented, is valid too.
        QFile again(path);
        QVERIFY(again.open(QIODevice::ReadOnly));
        QByteArray text = again.readAll();
        text.replace("sources: []", "sources:");
        text.replace("  # - name:", "  - name:");
        text.replace("  #   ", "    ");
        text.replace("  #   # basic_auth", "  #   # basic_auth");
        const AlertsConfig examples = parse(text);
        QVERIFY2(examples.problems.isEmpty(), qPrintable(problems(examples)));
        QCOMPARE(examples.sources.size(), 3);
        QCOMPARE(examples.sources.at(2).bearerToken.env, QStringLiteral("ALERTMANAGER_TOKEN"));
    }
};

QTEST_GUILESS_MAIN(TestAlertsConfig)
#include "test_alerts_config.moc"
