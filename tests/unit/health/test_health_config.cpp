#include "health/HealthConfig.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace ic::health;

class TestHealthConfig : public QObject
{
    Q_OBJECT

private:
    static HealthConfig parse(const char *yaml)
    {
        return parseHealthConfig(QByteArray(yaml), QStringLiteral("health.yaml"));
    }
    // Test configs live in data/ as plain files (moc cannot read multi-line raw strings).
    static HealthConfig parseFile(const QString &name)
    {
        QFile file(QFINDTESTDATA(QStringLiteral("data/") + name));
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return parseHealthConfig(file.readAll(), QStringLiteral("health.yaml"));
    }

private Q_SLOTS:
    void defaultsAndDurationsApply()
    {
        const HealthConfig config = parseFile(QStringLiteral("defaults.yaml"));
        QVERIFY2(config.problems.isEmpty(), qPrintable(config.problems.value(0).toString()));
        QCOMPARE(config.checks.size(), 2);
        const CheckDefinition &api = config.checks.at(0);
        QCOMPARE(api.interval, std::chrono::milliseconds(90000));
        QCOMPARE(api.timeout, std::chrono::milliseconds(2000));
        QCOMPARE(api.failureThreshold, 2);
        QCOMPARE(api.successThreshold, 1);
        QCOMPARE(api.runbook, QStringLiteral("service-down"));
        QCOMPARE(api.conditions.size(), 2);
        QVERIFY(!api.conditions.at(0).warning);
        QVERIFY(api.conditions.at(1).warning);
        const CheckDefinition &port = config.checks.at(1);
        QVERIFY(!port.enabled);
        QCOMPARE(port.interval, std::chrono::milliseconds(30000));
        QCOMPARE(port.conditions.size(), 1);
        QCOMPARE(port.conditions.at(0).text, QStringLiteral("[CONNECTED] == true"));
    }

    void typeDefaultsAddConditions()
    {
        const HealthConfig config = parseFile(QStringLiteral("type-defaults.yaml"));
        QVERIFY(config.problems.isEmpty());
        QCOMPARE(config.checks.at(0).conditions.at(0).text, QStringLiteral("[STATUS] == 204"));
        QCOMPARE(config.checks.at(0).conditions.at(1).text, QStringLiteral("[BODY] == pat(*UP*)"));
        QCOMPARE(config.checks.at(1).port, 6379);
        QCOMPARE(config.checks.at(1).host, QStringLiteral("127.0.0.1"));
        QCOMPARE(config.checks.at(2).port, 5433);
        QCOMPARE(config.checks.at(3).path, QStringLiteral("/"));
    }

    // Found by fuzzing (tests/fuzz/corpus/health_config/body-regex-invalid.yaml): a body_regex
    // that was no regular expression was accepted and then failed every run without a reason.
    void fieldsThatBecomeConditionsAreValidated()
    {
        const HealthConfig config =
            parse("checks:\n"
                  "  - {name: a, type: http, url: \"http://127.0.0.1/\", body_regex: \"(UP\"}\n"
                  "  - {name: b, type: http, url: \"http://127.0.0.1/\", expected_status: "
                  "\"len(x)\"}\n"
                  "  - {name: c, type: http, url: \"http://127.0.0.1/\", body_regex: \"UP|OK\"}\n");
        QCOMPARE(config.problems.size(), 2);
        QCOMPARE(config.problems.at(0).field, QStringLiteral("checks[0].body_regex"));
        QCOMPARE(config.problems.at(0).line, 2);
        QVERIFY2(config.problems.at(0).message.contains(QStringLiteral("regular expression")),
                 qPrintable(config.problems.at(0).message));
        QCOMPARE(config.problems.at(1).field, QStringLiteral("checks[1].expected_status"));
        QCOMPARE(config.checks.size(), 1);
        QCOMPARE(config.checks.at(0).conditions.last().text, QStringLiteral("[BODY] == re(UP|OK)"));
    }

    // Found by fuzz_health_config (corpus empty-name.yaml): an empty name was refused
    // without a problem, so the nameless, typeless check was accepted and ran as a probe.
    void emptyNameIsAProblem()
    {
        const HealthConfig config = parse("checks:\n"
                                          "  - {name: \"\", type: tcp, host: h, port: 1}\n"
                                          "  - {name: !, type: redis}\n"
                                          "  - {name: ok, type: redis}\n");
        QCOMPARE(config.checks.size(), 1);
        QCOMPARE(config.checks.at(0).name, QStringLiteral("ok"));
        QCOMPARE(config.problems.size(), 2);
        QCOMPARE(config.problems.at(0).field, QStringLiteral("checks[0].name"));
        QCOMPARE(config.problems.at(0).line, 2);
        QCOMPARE(config.problems.at(1).field, QStringLiteral("checks[1].name"));
    }

    // A condition whose placeholder the check's type never fills used to fail at every run
    // ("[VALUE] has no value for this check"); it is refused where it is written.
    void placeholdersTheTypeCannotResolveAreRefused()
    {
        const HealthConfig config = parse(
            "checks:\n"
            "  - name: api\n"
            "    type: http\n"
            "    url: \"http://127.0.0.1/\"\n"
            "    conditions:\n"
            "      - \"[STATUS] == 200\"\n"
            "      - \"[VALUE] > 0\"\n"
            "  - {name: plain, type: http, url: \"http://127.0.0.1/\", conditions: "
            "[\"[CERTIFICATE_EXPIRATION] > 48h\"]}\n"
            "  - {name: dns, type: dns, host: example.org, conditions: [\"[BODY].ip == x\"]}\n"
            "  - {name: disk, type: system, metric: disk, conditions: [\"[LOAD1] < 2\"]}\n"
            "  - {name: port, type: tcp, host: h, port: 1, conditions: "
            "[{condition: \"has([BODY].x) == true\", level: warning}]}\n"
            "  - {name: tls, type: http, url: \"https://127.0.0.1/\", conditions: "
            "[\"[CERTIFICATE_EXPIRATION] > 48h\", \"[RESPONSE_TIME] < 1s\", "
            "\"len([BODY].items) > 0\"]}\n");
        QCOMPARE(config.checks.size(), 1);
        QCOMPARE(config.checks.at(0).name, QStringLiteral("tls"));
        QCOMPARE(config.problems.size(), 5);
        const ConfigProblem &value = config.problems.at(0);
        QCOMPARE(value.line, 7);
        QCOMPARE(value.field, QStringLiteral("checks[0].conditions[1]"));
        QVERIFY2(value.toString().startsWith(
                     QStringLiteral("health.yaml:7: checks[0].conditions[1]: '[VALUE] > 0': http "
                                    "checks never have [VALUE]; they have [RESPONSE_TIME], "
                                    "[STATUS], [BODY] (with a path)")),
                 qPrintable(value.toString()));
        QCOMPARE(config.problems.at(1).field, QStringLiteral("checks[1].conditions[0]"));
        QCOMPARE(config.problems.at(1).line, 8);
        QVERIFY2(config.problems.at(1).message.endsWith(
                     QStringLiteral("[CERTIFICATE_EXPIRATION] needs an https:// URL")),
                 qPrintable(config.problems.at(1).message));
        QVERIFY2(config.problems.at(2).message.endsWith(
                     QStringLiteral("[BODY].ip takes no path here; use [BODY] alone")),
                 qPrintable(config.problems.at(2).message));
        QVERIFY2(
            config.problems.at(3).message.endsWith(QStringLiteral("[LOAD1] needs metric load")),
            qPrintable(config.problems.at(3).message));
        QCOMPARE(config.problems.at(4).field, QStringLiteral("checks[4].conditions[0]"));
        QCOMPARE(config.problems.at(4).line, 11);
        QVERIFY(
            config.problems.at(4).message.contains(QStringLiteral("tcp checks never have [BODY]")));
    }

    void errorsNameLineAndFieldAndKeepValidChecks()
    {
        const HealthConfig config = parseFile(QStringLiteral("errors.yaml"));
        QCOMPARE(config.checks.size(), 1);
        QCOMPARE(config.checks.at(0).name, QStringLiteral("good"));
        QCOMPARE(config.problems.size(), 6);
        const ConfigProblem &interval = config.problems.at(0);
        QCOMPARE(interval.line, 10);
        QCOMPARE(interval.field, QStringLiteral("checks[1].interval"));
        QVERIFY(interval.message.contains(QStringLiteral("unit")));
        QCOMPARE(config.problems.at(1).line, 14);
        QCOMPARE(config.problems.at(1).field, QStringLiteral("checks[2].port"));
        QCOMPARE(config.problems.at(2).field, QStringLiteral("checks[3].conditions[0]"));
        QCOMPARE(config.problems.at(2).line, 18);
        QVERIFY(config.problems.at(3).message.contains(QStringLiteral("valid: command")));
        QCOMPARE(config.problems.at(4).field, QStringLiteral("checks[5].intervall"));
        QCOMPARE(config.problems.at(4).line, 25);
        QVERIFY(config.problems.at(5).message.contains(QStringLiteral("unique")));
        QCOMPARE(config.problems.at(0).toString(),
                 QStringLiteral("health.yaml:10: checks[1].interval: '15' is not a duration; "
                                "write it with a unit, e.g. 15s, 500ms, 2m"));
    }

    void historyRetentionIsConfigurable()
    {
        const HealthConfig config = parse("history: { raw_results: 50, minute_rollups: 3h, "
                                          "hour_rollups: 14d, day_rollups: 2h30m }\nchecks: []\n");
        QVERIFY2(config.problems.isEmpty(), qPrintable(config.problems.value(0).toString()));
        QCOMPARE(config.history.ringSize, 50);
        QCOMPARE(config.history.minuteRetention, std::chrono::hours(3));
        QCOMPARE(config.history.hourRetention, std::chrono::hours(14 * 24));
        QCOMPARE(config.history.dayRetention, std::chrono::hours(2));
        const HealthConfig bad = parse("history: { raw_results: 5, minute_rollups: 10m }\n");
        QCOMPARE(bad.problems.size(), 2);
        QCOMPARE(bad.problems.at(0).field, QStringLiteral("history.raw_results"));
        QCOMPARE(bad.problems.at(1).field, QStringLiteral("history.minute_rollups"));
        QCOMPARE(bad.history.ringSize, HistoryLimits{}.ringSize);
    }

    void silenceNeedsAReasonAndAnExpiry()
    {
        const HealthConfig config =
            parse("checks:\n"
                  "  - { name: a, type: tcp, host: h, port: 1, silence: { reason: failover, "
                  "until: \"2026-11-25T12:00:00Z\" } }\n"
                  "  - { name: b, type: tcp, host: h, port: 1, silence: { reason: x } }\n");
        QCOMPARE(config.checks.size(), 1);
        const CheckDefinition &a = config.checks.first();
        QCOMPARE(a.silenceReason, QStringLiteral("failover"));
        QVERIFY(a.isSilenced(QDateTime(QDate(2026, 11, 25), QTime(11, 59), Qt::UTC)));
        QVERIFY(!a.isSilenced(QDateTime(QDate(2026, 11, 25), QTime(12, 0), Qt::UTC)));
        QCOMPARE(config.problems.size(), 1);
        QCOMPARE(config.problems.first().field, QStringLiteral("checks[1].silence"));
    }

    void postgresPasswordComesFromEnvironmentOrFileOnly()
    {
        const HealthConfig config = parse(
            "checks:\n"
            "  - { name: a, type: postgres, user: probe, password_env: PGPASS_A }\n"
            "  - { name: b, type: postgres, user: probe, password_file: /run/secrets/pg }\n"
            "  - { name: c, type: postgres }\n"
            "  - { name: d, type: postgres, user: probe, password: hunter22 }\n"
            "  - { name: e, type: postgres, user: probe, password_env: X, password_file: /f }\n"
            "  - { name: f, type: postgres, password_env: X }\n");
        QCOMPARE(config.checks.size(), 3); // d, e and f are left out, with their reasons
        QCOMPARE(config.checks.at(0).passwordEnv, QStringLiteral("PGPASS_A"));
        QCOMPARE(config.checks.at(0).conditions.first().text, QStringLiteral("[QUERY] == true"));
        QCOMPARE(config.checks.at(1).passwordFile, QStringLiteral("/run/secrets/pg"));
        QCOMPARE(config.checks.at(2).conditions.first().text,
                 QStringLiteral("[ACCEPTING] == true"));
        QCOMPARE(config.problems.size(), 3);
        QCOMPARE(config.problems.at(0).field, QStringLiteral("checks[3].password"));
        QVERIFY(config.problems.at(0).message.contains(QStringLiteral("password_env")));
        QVERIFY(!config.problems.at(0).toString().contains(QStringLiteral("hunter22")));
        QCOMPARE(config.problems.at(1).field, QStringLiteral("checks[4].password_file"));
        QCOMPARE(config.problems.at(2).field, QStringLiteral("checks[5].user"));
    }

    // A check sends its password to the server it checks, so it may not borrow the console's
    // own secrets: the webhook variable, the webhook file, or a link to it.
    void consoleSecretsAreNeverACheckPassword()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString secret = dir.filePath(QStringLiteral("slack-webhook.secret"));
        QFile file(secret);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("https://hooks.slack.com/services/T/B/x\n");
        file.close();
        const QString link = dir.filePath(QStringLiteral("innocent-name"));
        QVERIFY(QFile::link(secret, link));
        const HealthConfig config =
            parse(QStringLiteral("checks:\n"
                                 "  - { name: a, type: redis, password_env: "
                                 "INCIDENT_CONSOLE_SLACK_WEBHOOK }\n"
                                 "  - { name: b, type: redis, password_file: %1 }\n"
                                 "  - { name: c, type: postgres, user: probe, password_file: %2 }\n"
                                 "  - { name: d, type: redis, password_env: REDIS_PASS }\n")
                      .arg(secret, link)
                      .toUtf8()
                      .constData());
        QCOMPARE(config.checks.size(), 1);
        QCOMPARE(config.checks.at(0).name, QStringLiteral("d"));
        QCOMPARE(config.problems.size(), 3);
        QCOMPARE(config.problems.at(0).field, QStringLiteral("checks[0].password_env"));
        QVERIFY2(config.problems.at(0).message.contains(QStringLiteral("console's own")),
                 qPrintable(config.problems.at(0).message));
        QCOMPARE(config.problems.at(1).field, QStringLiteral("checks[1].password_file"));
        QCOMPARE(config.problems.at(2).field, QStringLiteral("checks[2].password_file"));
        QVERIFY2(config.problems.at(2).message.contains(QStringLiteral("console's own")),
                 qPrintable(config.problems.at(2).message));
    }

    void redisPasswordMayComeFromEnvironmentOrFile()
    {
        const HealthConfig config =
            parse("checks:\n"
                  "  - { name: a, type: redis, password_env: REDIS_PASS }\n"
                  "  - { name: b, type: redis, user: app, password_file: secrets/redis }\n"
                  "  - { name: c, type: redis, password: inline }\n"
                  "  - { name: d, type: redis, password: inline, password_env: REDIS_PASS }\n");
        QCOMPARE(config.checks.size(), 3);
        QCOMPARE(config.checks.at(0).passwordEnv, QStringLiteral("REDIS_PASS"));
        QVERIFY(QDir::isAbsolutePath(config.checks.at(1).passwordFile));
        QVERIFY(config.checks.at(1).passwordFile.endsWith(QStringLiteral("/secrets/redis")));
        QCOMPARE(config.checks.at(2).password, QStringLiteral("inline"));
        QCOMPARE(config.problems.size(), 1);
        QCOMPARE(config.problems.at(0).field, QStringLiteral("checks[3].password_env"));
        QVERIFY(config.problems.at(0).message.contains(QStringLiteral("one of password")));
    }

    void intervalsAndTimeoutsLongerThanADayAreRefused()
    {
        // 9e18 ms made the scheduler's next-due sum overflow into the past: a busy loop.
        const HealthConfig config =
            parse("defaults: { timeout: 25h }\n"
                  "checks:\n"
                  "  - { name: a, type: tcp, host: h, port: 1, interval: 24h }\n"
                  "  - { name: b, type: tcp, host: h, port: 1, interval: 9000000000000000000ms }\n"
                  "  - { name: c, type: tcp, host: h, port: 1, timeout: 2d }\n");
        QCOMPARE(config.checks.size(), 1); // b and c are left out, with their reasons
        QCOMPARE(config.checks.at(0).interval, std::chrono::hours(24));
        QCOMPARE(config.problems.size(), 3);
        QCOMPARE(config.problems.at(0).field, QStringLiteral("defaults.timeout"));
        QVERIFY(config.problems.at(0).message.contains(QStringLiteral("too long; at most")));
        QCOMPARE(config.problems.at(1).field, QStringLiteral("checks[1].interval"));
        QCOMPARE(config.problems.at(2).field, QStringLiteral("checks[2].timeout"));
    }

    void yamlSyntaxErrorNamesTheLine()
    {
        const HealthConfig config = parse("checks:\n  - name: a\n    type: [tcp\n");
        QCOMPARE(config.problems.size(), 1);
        QVERIFY(config.problems.at(0).line >= 3);
        QVERIFY(config.problems.at(0).message.contains(QStringLiteral("not valid YAML")));
    }

    void defaultFileIsWrittenOnceAndIsValid()
    {
        QTemporaryDir dir;
        QCOMPARE(ensureDefaultHealthConfig(dir.path()), QString());
        const HealthConfig config = loadHealthConfig(healthConfigPath(dir.path()));
        QVERIFY2(config.problems.isEmpty(), qPrintable(config.problems.value(0).toString()));
        QStringList names;
        for (const CheckDefinition &check : config.checks) {
            QCOMPARE(check.type, QStringLiteral("system"));
            names.append(check.name);
        }
        QCOMPARE(names, (QStringList{QStringLiteral("root-disk"), QStringLiteral("memory"),
                                     QStringLiteral("load")}));
        QFile file(healthConfigPath(dir.path()));
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("checks: []\n");
        file.close();
        QCOMPARE(ensureDefaultHealthConfig(dir.path()), QString());
        QVERIFY(loadHealthConfig(healthConfigPath(dir.path())).checks.isEmpty());
    }

    void fileOthersCanChangeIsNotUsed()
    {
        // The window's health monitor loads through here too, not only 'check'.
        QTemporaryDir dir;
        QCOMPARE(ensureDefaultHealthConfig(dir.path()), QString());
        const QString path = healthConfigPath(dir.path());
        QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                QFileDevice::ReadOther | QFileDevice::WriteOther));
        const HealthConfig config = loadHealthConfig(path);
        QVERIFY(config.checks.isEmpty());
        QCOMPARE(config.problems.size(), 1);
        const QString problem = config.problems.front().toString();
        QVERIFY2(problem.startsWith(path + QStringLiteral(": has mode")) &&
                     problem.contains(QStringLiteral("other accounts can change it")),
                 qPrintable(problem));
    }

    // Every commented example of the default file, uncommented, must be a valid check.
    void commentedExamplesAreValid()
    {
        QFile file(QStringLiteral(":/health/health.yaml"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QByteArray uncommented;
        bool inExamples = false;
        for (const QByteArray &line : file.readAll().split('\n')) {
            if (line.contains("Examples of every other type"))
                inExamples = true;
            const bool exampleLine = line.startsWith("  # - ") ||
                                     (line.startsWith("  #   ") && !line.startsWith("  #   #"));
            if (!inExamples)
                uncommented += line + '\n';
            else if (exampleLine)
                uncommented += "  " + line.mid(4) + '\n';
        }
        const HealthConfig config = parseHealthConfig(uncommented, QStringLiteral("examples"));
        QVERIFY2(config.problems.isEmpty(),
                 qPrintable(config.problems.value(0).toString() + QLatin1Char('\n') +
                            QString::fromUtf8(uncommented)));
        QSet<QString> types;
        for (const CheckDefinition &check : config.checks)
            types.insert(check.type);
        QCOMPARE(types.size(), 9);
    }
};

QTEST_GUILESS_MAIN(TestHealthConfig)
#include "test_health_config.moc"
