#include "TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

using namespace ic;

// `incident-console check`: the real binary, its JSON and its exit codes.
class TestCheckCommand : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString writeConfig(const QString &name, const QString &yaml)
    {
        const QString path = m_dir.filePath(name);
        test::writeFile(path, yaml.toUtf8());
        return path;
    }

private Q_SLOTS:
    void writesTheDefaultConfigAndRunsTheSystemChecks()
    {
        const QString dataDir = m_dir.filePath(QStringLiteral("data"));
        const test::RunResult run =
            test::runConsole({QStringLiteral("check"), QStringLiteral("--json"),
                              QStringLiteral("--data-dir"), dataDir});
        QVERIFY2(run.exitCode == 0 || run.exitCode == 1, qPrintable(run.err));
        QVERIFY(QFileInfo::exists(QDir(dataDir).filePath(QStringLiteral("health.yaml"))));
        const QJsonArray results = QJsonDocument::fromJson(run.out.toUtf8()).array();
        QCOMPARE(results.size(), 3);
        bool allOk = true;
        for (const QJsonValue &value : results) {
            const QJsonObject result = value.toObject();
            QCOMPARE(result.value(QStringLiteral("type")).toString(), QStringLiteral("system"));
            QVERIFY(result.contains(QStringLiteral("latency_ms")));
            QVERIFY(!result.value(QStringLiteral("checked_at")).toString().isEmpty());
            QVERIFY(!result.value(QStringLiteral("conditions")).toArray().isEmpty());
            allOk =
                allOk && result.value(QStringLiteral("state")).toString() == QLatin1String("OK");
        }
        QCOMPARE(run.exitCode, allOk ? 0 : 1);
    }

    void allOkExitsZeroAndAnyFailureOne()
    {
        QTcpServer listening;
        QVERIFY(listening.listen(QHostAddress::LocalHost, 0));
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
        const int closedPort = closed.serverPort();
        closed.close();
        const QString okConfig = writeConfig(
            QStringLiteral("ok.yaml"),
            QStringLiteral(
                "checks:\n  - { name: open, group: net, type: tcp, host: 127.0.0.1, port: %1 }\n"
                "  - { name: off, type: tcp, host: 127.0.0.1, port: %2, enabled: false }\n")
                .arg(listening.serverPort())
                .arg(closedPort));
        const test::RunResult ok =
            test::runConsole({QStringLiteral("check"), QStringLiteral("--config"), okConfig});
        QVERIFY2(ok.exitCode == 0, qPrintable(ok.out + ok.err));
        QVERIFY(ok.out.contains(QStringLiteral("open")));
        QVERIFY(!ok.out.contains(QStringLiteral("off ")));

        const QString badConfig = writeConfig(
            QStringLiteral("bad.yaml"),
            QStringLiteral("checks:\n  - { name: open, type: tcp, host: 127.0.0.1, port: %1 }\n"
                           "  - { name: gone, group: net, type: tcp, host: 127.0.0.1, port: %2 }\n")
                .arg(listening.serverPort())
                .arg(closedPort));
        const test::RunResult failed =
            test::runConsole({QStringLiteral("check"), QStringLiteral("--json"),
                              QStringLiteral("--config"), badConfig});
        QCOMPARE(failed.exitCode, 1);
        const QJsonArray results = QJsonDocument::fromJson(failed.out.toUtf8()).array();
        QCOMPARE(results.size(), 2);
        const QJsonObject gone = results.at(1).toObject();
        QCOMPARE(gone.value(QStringLiteral("name")).toString(), QStringLiteral("gone"));
        QCOMPARE(gone.value(QStringLiteral("group")).toString(), QStringLiteral("net"));
        QCOMPARE(gone.value(QStringLiteral("state")).toString(), QStringLiteral("CRIT"));
        const QJsonObject condition =
            gone.value(QStringLiteral("conditions")).toArray().at(0).toObject();
        QCOMPARE(condition.value(QStringLiteral("condition")).toString(),
                 QStringLiteral("[CONNECTED] == true"));
        QCOMPARE(condition.value(QStringLiteral("resolved")).toString(),
                 QStringLiteral("[CONNECTED] (false) == true"));
        QCOMPARE(condition.value(QStringLiteral("success")).toBool(), false);
    }

    void silencedFailuresDoNotFailTheRun()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
        const int port = closed.serverPort();
        closed.close();
        const QString until =
            QDateTime::currentDateTimeUtc().addSecs(3600).toString(Qt::ISODateWithMs);
        const QString config = writeConfig(
            QStringLiteral("silenced.yaml"),
            QStringLiteral("checks:\n  - { name: gone, type: tcp, host: 127.0.0.1, port: %1, "
                           "silence: { reason: planned maintenance, until: \"%2\" } }\n")
                .arg(port)
                .arg(until));
        const test::RunResult run =
            test::runConsole({QStringLiteral("check"), QStringLiteral("--config"), config});
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        QVERIFY(run.out.contains(QStringLiteral("CRIT")));
    }

    void configErrorExitsTwoNamingFileLineAndField()
    {
        const QString config = writeConfig(
            QStringLiteral("broken.yaml"),
            QStringLiteral(
                "checks:\n  - name: a\n    type: tcp\n    host: 127.0.0.1\n    port: nope\n"));
        const test::RunResult run =
            test::runConsole({QStringLiteral("check"), QStringLiteral("--config"), config});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(config + QStringLiteral(":5: checks[0].port:")),
                 qPrintable(run.err));
        const test::RunResult missing =
            test::runConsole({QStringLiteral("check"), QStringLiteral("--config"),
                              m_dir.filePath(QStringLiteral("none.yaml"))});
        QCOMPARE(missing.exitCode, 2);
        QVERIFY(missing.err.contains(QStringLiteral("none.yaml")));
    }
};

QTEST_GUILESS_MAIN(TestCheckCommand)
#include "test_check_command.moc"
