#include "HealthTestSupport.h"
#include "health/probes/CommandProbe.h"

#include <QElapsedTimer>
#include <QTemporaryDir>

using namespace ic;
using namespace ic::health;
using ic::test::checkFrom;
using ic::test::describe;
using ic::test::runOnce;

// Command checks: the Nagios plugin contract with real processes.
class TestHealthCommand : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_plugin;
    QString m_hang;

    QString writeScript(const QString &name, const QByteArray &text)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(text);
        file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        return path;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_plugin = writeScript(QStringLiteral("plugin.sh"),
                               "#!/bin/sh\n"
                               "echo \"SERVICE STATUS $1 | load=0.42;1;2 'free space'=12MB;;;0\"\n"
                               "echo \"second line\"\n"
                               "exit $1\n");
        m_hang = writeScript(QStringLiteral("hang.sh"), "#!/bin/sh\nsleep 30\n");
        QVERIFY(!m_plugin.isEmpty() && !m_hang.isEmpty());
    }

    void exitCodesMapToStates_data()
    {
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<int>("state");
        QTest::newRow("0 OK") << 0 << int(State::Ok);
        QTest::newRow("1 WARN") << 1 << int(State::Warn);
        QTest::newRow("2 CRIT") << 2 << int(State::Crit);
        QTest::newRow("3 UNKNOWN") << 3 << int(State::Unknown);
        QTest::newRow("7 outside") << 7 << int(State::Unknown);
    }
    void exitCodesMapToStates()
    {
        QFETCH(int, exitCode);
        QFETCH(int, state);
        const CheckResult result =
            runOnce(checkFrom(QStringLiteral("{name: p, type: command, command: [\"%1\", \"%2\"]}")
                                  .arg(m_plugin)
                                  .arg(exitCode)));
        QVERIFY2(int(result.state) == state, qPrintable(describe(result)));
        QVERIFY2(result.message.contains(QStringLiteral("SERVICE STATUS %1").arg(exitCode)),
                 qPrintable(result.message));
        QVERIFY(!result.message.contains(QLatin1Char('|')));
        QVERIFY(!result.message.contains(QStringLiteral("second line")));
    }

    void perfdataFeedsConditions()
    {
        const CheckResult result = runOnce(checkFrom(
            QStringLiteral("{name: p, type: command, command: [\"%1\", \"0\"], conditions: "
                           "[\"[PERF].load < 0.5\", \"[PERF].free space > 10\"]}")
                .arg(m_plugin)));
        QVERIFY2(result.state == State::Ok, qPrintable(describe(result)));
        QCOMPARE(result.conditions.at(0).resolved, QStringLiteral("[PERF].load (0.42) < 0.5"));
    }

    void argumentsAreNotInterpretedByAShell()
    {
        const QString marker = m_dir.filePath(QStringLiteral("injected"));
        const CheckResult result = runOnce(
            checkFrom(QStringLiteral("{name: p, type: command, command: [echo, \"ok; touch %1\"]}")
                          .arg(marker)));
        QVERIFY2(result.state == State::Ok, qPrintable(describe(result)));
        QCOMPARE(result.message, QStringLiteral("ok; touch %1").arg(marker));
        QVERIFY(!QFileInfo::exists(marker));
    }

    void hangingPluginIsKilledAtTheTimeout()
    {
        QElapsedTimer timer;
        timer.start();
        const CheckResult result = runOnce(
            checkFrom(QStringLiteral("{name: h, type: command, command: [\"%1\"], timeout: 1s}")
                          .arg(m_hang)));
        QVERIFY2(result.state == State::Crit, qPrintable(describe(result)));
        QVERIFY2(result.message.contains(QStringLiteral("killed")), qPrintable(result.message));
        QVERIFY(timer.elapsed() < 20000);
    }

    void missingProgramIsUnknown()
    {
        const CheckResult result = runOnce(checkFrom(
            QStringLiteral("{name: m, type: command, command: [/nonexistent/check_something]}")));
        QVERIFY2(result.state == State::Unknown, qPrintable(describe(result)));
        QVERIFY(result.message.contains(QStringLiteral("cannot start")));
    }

    void pluginOutputParsing()
    {
        const PluginOutput output = parsePluginOutput(
            "DISK OK - free space: / 3326 MB | /=2643MB;5948;5958;0;5968 'load 1'=0.42 x=-1e3\n");
        QCOMPARE(output.message, QStringLiteral("DISK OK - free space: / 3326 MB"));
        QCOMPARE(output.perfdata.value(QStringLiteral("/")), QStringLiteral("2643"));
        QCOMPARE(output.perfdata.value(QStringLiteral("load 1")), QStringLiteral("0.42"));
        QCOMPARE(output.perfdata.value(QStringLiteral("x")), QStringLiteral("-1e3"));
    }

    // A plugin that ends its only line without a newline (printf "OK") had an empty message,
    // and its perfdata was lost.
    void pluginOutputWithoutANewline()
    {
        const PluginOutput output = parsePluginOutput("PING OK | rta=0.5ms");
        QCOMPARE(output.message, QStringLiteral("PING OK"));
        QCOMPARE(output.perfdata.value(QStringLiteral("rta")), QStringLiteral("0.5"));
    }

    void systemChecksWorkHere()
    {
        // Each condition fails on purpose with a value only a real measurement gives, which
        // proves the conditions ran on one.
        for (const char *fields : {"metric: disk, conditions: [\"[USED_PERCENT] > 100\"]",
                                   "metric: memory, conditions: [\"[AVAILABLE_PERCENT] > 100\"]",
                                   "metric: load, conditions: [\"[CPUS] < 1\"]"}) {
            const CheckResult result = runOnce(checkFrom(
                QStringLiteral("{name: s, type: system, %1}").arg(QLatin1String(fields))));
            QVERIFY2(result.state == State::Crit, qPrintable(describe(result)));
            QVERIFY2(result.conditions.at(0).reason.isEmpty(), qPrintable(describe(result)));
            QVERIFY(!result.message.isEmpty());
        }
        const CheckResult disk =
            runOnce(checkFrom(QStringLiteral("{name: d, type: system, metric: disk}")));
        QVERIFY(disk.conditions.at(0).resolved.startsWith(QStringLiteral("[USED_PERCENT] (")));
    }
};

QTEST_GUILESS_MAIN(TestHealthCommand)
#include "test_health_command.moc"
