#include "TestSupport.h"
#include "comms/SlackWebhook.h"
#include "comms/WebhookSecret.h"
#include "core/Logging.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>
#include <spdlog/spdlog.h>

using namespace ic;
using namespace ic::comms;

// Posts to a real HTTP server that the test starts on 127.0.0.1.
class TestSlackWebhook : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QProcess m_server;
    int m_port = 0;
    QString recordPath() const { return m_dir.filePath(QStringLiteral("received.jsonl")); }
    QUrl url(const QString &path) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path));
    }

    std::pair<bool, QString> postAndWait(const QUrl &target, const QString &text, int timeoutMs)
    {
        SlackWebhook webhook;
        QSignalSpy spy(&webhook, &SlackWebhook::finished);
        webhook.post(target, text, timeoutMs);
        if (!spy.wait(timeoutMs + 5000))
            return {false, QStringLiteral("no finished() signal")};
        return {spy.first().at(0).toBool(), spy.first().at(1).toString()};
    }

private Q_SLOTS:
    void initTestCase()
    {
        log::Options options;
        options.logDir = m_dir.filePath(QStringLiteral("logs"));
        QCOMPARE(log::setup(options), QString());
        m_server.start(QStringLiteral("python3"),
                       {QFINDTESTDATA("webhook_server.py"), recordPath()});
        QVERIFY(m_server.waitForStarted());
        QVERIFY(m_server.waitForReadyRead(10000));
        m_port = m_server.readLine().trimmed().toInt();
        QVERIFY(m_port > 0);
    }

    void cleanupTestCase()
    {
        m_server.kill();
        m_server.waitForFinished();
    }

    void successfulPostSendsTheTextAsUtf8Json()
    {
        const QString text = QStringLiteral("🚨 *INCIDENT DECLARED: Zürich checkout* ✅");
        const auto [ok, error] = postAndWait(url(QStringLiteral("/ok/SECRETTOKEN")), text, 5000);
        QVERIFY2(ok, qPrintable(error));
        QFile record(recordPath());
        QVERIFY(record.open(QIODevice::ReadOnly));
        const QJsonObject body = QJsonDocument::fromJson(record.readLine()).object();
        QCOMPARE(body.value(QStringLiteral("text")).toString(), text);
    }

    void serverErrorIsReportedWithItsAnswer()
    {
        const auto [ok, error] =
            postAndWait(url(QStringLiteral("/fail/SECRETTOKEN")), QStringLiteral("x"), 5000);
        QVERIFY(!ok);
        QVERIFY2(error.contains(QStringLiteral("500")), qPrintable(error));
        QVERIFY(error.contains(QStringLiteral("invalid_payload")));
        QVERIFY(!error.contains(QStringLiteral("SECRETTOKEN")));
    }

    void slowServerTimesOut()
    {
        const auto [ok, error] =
            postAndWait(url(QStringLiteral("/slow/SECRETTOKEN")), QStringLiteral("x"), 500);
        QVERIFY(!ok);
        QVERIFY2(error.contains(QStringLiteral("in time")), qPrintable(error));
    }

    void refusedConnectionIsReported()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 closedPort = probe.serverPort();
        probe.close();
        const auto [ok, error] =
            postAndWait(QUrl(QStringLiteral("http://127.0.0.1:%1/SECRETTOKEN").arg(closedPort)),
                        QStringLiteral("x"), 5000);
        QVERIFY(!ok);
        QVERIFY2(error.contains(QStringLiteral("cannot reach")), qPrintable(error));
        QVERIFY(!error.contains(QStringLiteral("SECRETTOKEN")));
    }

    void refusedUrlIsReportedAfterPostReturns()
    {
        SlackWebhook webhook;
        bool reported = false;
        connect(&webhook, &SlackWebhook::finished, &webhook, [&] { reported = true; });
        webhook.post(QUrl(QStringLiteral("notaurl")), QStringLiteral("x"));
        QVERIFY(!reported); // a caller may still start waiting now
        QTRY_VERIFY(reported);
    }

    void plainHttpToARemoteHostIsRefused()
    {
        QString why;
        QVERIFY(!SlackWebhook::isAcceptableUrl(QUrl(QStringLiteral("http://hooks.example.com/x")),
                                               &why));
        QVERIFY(why.contains(QStringLiteral("https")));
        QVERIFY(SlackWebhook::isAcceptableUrl(QUrl(QStringLiteral("https://hooks.example.com/x")),
                                              &why));
    }

    void secretNeverReachesTheLog()
    {
        spdlog::apply_all([](const std::shared_ptr<spdlog::logger> &l) { l->flush(); });
        QFile logFile(log::logFilePath());
        QVERIFY(logFile.open(QIODevice::ReadOnly));
        const QByteArray text = logFile.readAll();
        QVERIFY(text.contains("webhook post")); // the posts were logged ...
        QVERIFY(!text.contains("SECRETTOKEN")); // ... without the URL
    }

    void secretFileIsPrivateAndRoundTrips()
    {
        qunsetenv("INCIDENT_CONSOLE_SLACK_WEBHOOK");
        const WebhookSecret secret(m_dir.path());
        const QUrl hook(QStringLiteral("https://hooks.example.com/services/T0/B0/SECRET"));
        QCOMPARE(secret.store(hook), QString());
        QCOMPARE(secret.load(), hook);
        QCOMPARE(test::unixMode(m_dir.filePath(QStringLiteral("slack-webhook.secret"))), 0600);
        qputenv("INCIDENT_CONSOLE_SLACK_WEBHOOK", "https://hooks.example.com/from-env");
        QCOMPARE(secret.load(), QUrl(QStringLiteral("https://hooks.example.com/from-env")));
        qunsetenv("INCIDENT_CONSOLE_SLACK_WEBHOOK");
        QCOMPARE(secret.clear(), QString());
        QVERIFY(secret.load().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSlackWebhook)
#include "test_slack_webhook.moc"
