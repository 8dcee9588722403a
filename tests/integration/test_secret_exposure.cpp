#include "TestSupport.h"
#include "comms/WebhookSecret.h"

#include <QDirIterator>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>
#include <csignal>
#include <sys/resource.h>

using namespace ic;

// The Slack webhook URL is a secret: after a post, an export and a crash of the real binary,
// it is in no file of the data dir but its own, in no output and in no core dump.
class TestSecretExposure : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_root;
    QString m_dataDir;
    QString m_id;
    QByteArray m_token;
    QProcess m_slack; // webhook_server.py: answers /ok/ at once
    int m_slackPort = 0;
    QTcpServer m_webhook; // takes a post and never answers, so a crash finds it waiting
    int m_requests = 0;
    QStringList m_outputs; // every stdout and stderr the binary wrote

    QString hook(const QString &mode) const
    {
        const int port = mode == QLatin1String("ok") ? m_slackPort : m_webhook.serverPort();
        return QStringLiteral("http://127.0.0.1:%1/%2/%3")
            .arg(port)
            .arg(mode, QString::fromLatin1(m_token));
    }

    test::RunResult run(QStringList args)
    {
        args.prepend(m_dataDir);
        args.prepend(QStringLiteral("--data-dir"));
        const test::RunResult result = test::runConsole(args);
        m_outputs << result.out << result.err;
        return result;
    }

    void serveWebhook()
    {
        connect(&m_webhook, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_webhook.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    if (socket->readAll().contains(" /hang/"))
                        ++m_requests;
                });
            }
        });
    }

private Q_SLOTS:
    void initTestCase()
    {
        qunsetenv("INCIDENT_CONSOLE_SLACK_WEBHOOK");
        m_dataDir = m_root.filePath(QStringLiteral("data"));
        m_token = "s3cr3t" + QByteArray::number(QRandomGenerator::global()->generate64(), 36);
        QVERIFY(m_webhook.listen(QHostAddress::LocalHost));
        serveWebhook();
        m_slack.start(QStringLiteral("python3"), {QFINDTESTDATA("webhook_server.py"),
                                                  m_root.filePath(QStringLiteral("posted"))});
        QVERIFY(m_slack.waitForReadyRead(10000));
        m_slackPort = m_slack.readLine().trimmed().toInt();
        QVERIFY(m_slackPort > 0);
        const test::RunResult declared =
            run({QStringLiteral("incident"), QStringLiteral("new"), QStringLiteral("--title"),
                 QStringLiteral("Checkout errors"), QStringLiteral("--severity"),
                 QStringLiteral("SEV-2"), QStringLiteral("--json")});
        QVERIFY2(declared.exitCode == 0, qPrintable(declared.err));
        m_id = QJsonDocument::fromJson(declared.out.toUtf8())
                   .object()
                   .value(QStringLiteral("id"))
                   .toString();
        QVERIFY2(!m_id.isEmpty(), qPrintable(declared.out));
    }

    void cleanupTestCase()
    {
        m_slack.kill();
        m_slack.waitForFinished();
    }

    void postAndExportsKeepTheSecretOut()
    {
        QCOMPARE(comms::WebhookSecret(m_dataDir).store(QUrl(hook(QStringLiteral("ok")))),
                 QString());
        const test::RunResult posted =
            run({QStringLiteral("draft"), m_id, QStringLiteral("initial"), QStringLiteral("--post"),
                 QStringLiteral("--force")});
        QVERIFY2(posted.exitCode == 0, qPrintable(posted.err));
        QVERIFY(QFileInfo(m_root.filePath(QStringLiteral("posted"))).size() > 0);
        const QString exports = QDir(m_dataDir).filePath(QStringLiteral("exports"));
        QVERIFY(QDir().mkpath(exports));
        for (const QString &format :
             {QStringLiteral("md"), QStringLiteral("html"), QStringLiteral("json")}) {
            const test::RunResult exported =
                run({QStringLiteral("export"), m_id, QStringLiteral("--format"), format,
                     QStringLiteral("--output"),
                     QDir(exports).filePath(QStringLiteral("incident.") + format)});
            QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
        }
    }

    void crashOutputHoldsNoSecret_data()
    {
        QTest::addColumn<int>("signal");
        QTest::newRow("SIGABRT") << SIGABRT;
        QTest::newRow("SIGSEGV") << SIGSEGV;
    }

    void crashOutputHoldsNoSecret()
    {
        QFETCH(int, signal);
        QTemporaryDir workDir;
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("INCIDENT_CONSOLE_SLACK_WEBHOOK"),
                           hook(QStringLiteral("hang")));
        process.setProcessEnvironment(environment);
        process.setWorkingDirectory(workDir.path());
        // As if the user's shell allowed core dumps: the console must refuse them itself.
        process.setChildProcessModifier([] {
            rlimit unlimited{};
            ::getrlimit(RLIMIT_CORE, &unlimited);
            unlimited.rlim_cur = unlimited.rlim_max;
            ::setrlimit(RLIMIT_CORE, &unlimited);
        });
        const int before = m_requests;
        process.start(test::consoleBinary(),
                      {QStringLiteral("--data-dir"), m_dataDir, QStringLiteral("draft"), m_id,
                       QStringLiteral("update"), QStringLiteral("--post"),
                       QStringLiteral("--force")});
        QVERIFY(process.waitForStarted());
        // The post reached the webhook: the secret is in the process's memory now.
        QTRY_VERIFY_WITH_TIMEOUT(m_requests > before, 20000);

        QFile limits(QStringLiteral("/proc/%1/limits").arg(process.processId()));
        QVERIFY(limits.open(QIODevice::ReadOnly));
        QByteArray coreLimit;
        for (const QByteArray &line : limits.readAll().split('\n'))
            if (line.startsWith("Max core file size"))
                coreLimit = line.simplified();
        QVERIFY2(coreLimit.startsWith("Max core file size 0 "), coreLimit.constData());

        QCOMPARE(::kill(pid_t(process.processId()), signal), 0);
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitStatus(), QProcess::CrashExit);
        m_outputs << QString::fromUtf8(process.readAllStandardOutput())
                  << QString::fromUtf8(process.readAllStandardError());
        QVERIFY2(
            QDir(workDir.path()).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
            "the crash left a file (a core dump?) in the working directory");
    }

    void noFileAndNoOutputHoldsTheSecret()
    {
        const QString secretFile = QDir(m_dataDir).filePath(QStringLiteral("slack-webhook.secret"));
        QVERIFY(QFileInfo::exists(secretFile));
        int files = 0;
        QDirIterator it(m_dataDir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            if (path == secretFile)
                continue;
            QFile file(path);
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
            QVERIFY2(!file.readAll().contains(m_token), qPrintable(path));
            ++files;
        }
        // The database, its log and the exports at least were looked at.
        QVERIFY2(files >= 5, qPrintable(QString::number(files)));
        for (const QString &output : std::as_const(m_outputs))
            QVERIFY2(!output.contains(QString::fromLatin1(m_token)), qPrintable(output));
    }
};

QTEST_GUILESS_MAIN(TestSecretExposure)
#include "test_secret_exposure.moc"
