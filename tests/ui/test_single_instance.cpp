#include "TestSupport.h"
#include "core/SingleInstance.h"

#include <QLocalSocket>
#include <QTemporaryDir>
#include <QtTest>
#include <csignal>

using namespace ic;

// Two real console processes on one data dir.
class TestSingleInstance : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_root;

    static void startGui(QProcess &process, const QString &dataDir)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        process.setProcessEnvironment(env);
        process.start(test::consoleBinary(), {QStringLiteral("--data-dir"), dataDir});
    }

    static bool answering(const QString &serverName)
    {
        QLocalSocket socket;
        socket.connectToServer(serverName);
        return socket.waitForConnected(200);
    }

    static QString logText(const QString &dataDir)
    {
        QFile file(dataDir + QStringLiteral("/logs/incident-console.log"));
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
    }

private Q_SLOTS:
    void secondLaunchActivatesTheFirstAndExits()
    {
        const QString dataDir = m_root.filePath(QStringLiteral("one"));
        const QString server = SingleInstance(dataDir).serverName();
        QProcess first;
        startGui(first, dataDir);
        QTRY_VERIFY_WITH_TIMEOUT(answering(server), 20000);

        const auto second =
            test::runConsole({QStringLiteral("--data-dir"), dataDir},
                             {{QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen")}});
        QCOMPARE(second.exitCode, 0);
        QVERIFY2(second.out.contains(QStringLiteral("already running")), qPrintable(second.out));
        QCOMPARE(first.state(), QProcess::Running);
        QTRY_VERIFY_WITH_TIMEOUT(logText(dataDir).contains(QStringLiteral("brought forward")),
                                 10000);
        first.kill();
        first.waitForFinished();
    }

    void socketLeftByACrashIsTakenOver()
    {
        const QString dataDir = m_root.filePath(QStringLiteral("crash"));
        const QString server = SingleInstance(dataDir).serverName();
        QProcess crashed;
        startGui(crashed, dataDir);
        QTRY_VERIFY_WITH_TIMEOUT(answering(server), 20000);
        ::kill(pid_t(crashed.processId()), SIGKILL); // leaves its socket file behind
        crashed.waitForFinished();
        QVERIFY(!answering(server));

        QProcess next;
        startGui(next, dataDir);
        QTRY_VERIFY_WITH_TIMEOUT(answering(server), 20000);
        QCOMPARE(next.state(), QProcess::Running);
        next.kill();
        next.waitForFinished();
    }

    void differentDataDirsRunSideBySide()
    {
        QVERIFY(SingleInstance(m_root.filePath(QStringLiteral("a"))).serverName() !=
                SingleInstance(m_root.filePath(QStringLiteral("b"))).serverName());
    }
};

QTEST_GUILESS_MAIN(TestSingleInstance)
#include "test_single_instance.moc"
