#include "TestSupport.h"
#include "WebhookServer.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace ic;

// An incident whose title is Slack markup, drafted and posted by the real binary to a
// webhook server the test starts: it arrives as text, not as a mention and a link.
class TestSlackSafeDrafts : public QObject
{
    Q_OBJECT

    QTemporaryDir m_root;
    QString m_id;
    test::WebhookServer m_server;

    test::RunResult run(const QStringList &args, const QMap<QString, QString> &env = {})
    {
        return test::runConsole(
            QStringList{QStringLiteral("--data-dir"), m_root.filePath(QStringLiteral("data"))} +
                args,
            env);
    }

    QMap<QString, QString> webhook() const
    {
        return {{QStringLiteral("INCIDENT_CONSOLE_SLACK_WEBHOOK"),
                 m_server.url(QStringLiteral("/ok"))}};
    }

private Q_SLOTS:
    void initTestCase()
    {
        qunsetenv("INCIDENT_CONSOLE_SLACK_WEBHOOK");
        const auto declared =
            run({QStringLiteral("incident"), QStringLiteral("new"), QStringLiteral("--title"),
                 QStringLiteral("<!channel> <https://evil.example/x|Reset SSO>"),
                 QStringLiteral("--severity"), QStringLiteral("SEV-2"), QStringLiteral("--service"),
                 QStringLiteral("auth"), QStringLiteral("--impact"),
                 QStringLiteral("Logins fail & retries <pile up>"), QStringLiteral("--commander"),
                 QStringLiteral("Ana Lima")});
        QVERIFY2(declared.exitCode == 0, qPrintable(declared.err));
        m_id = declared.out.trimmed();
        QVERIFY(m_server.start(QFINDTESTDATA("webhook_server.py"),
                               m_root.filePath(QStringLiteral("posted"))));
    }

    void mentionFromTheTitleIsFlaggedAndNotPostedWithoutForce()
    {
        const auto result = run(
            {QStringLiteral("draft"), m_id, QStringLiteral("initial"), QStringLiteral("--post")},
            webhook());
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains(QStringLiteral("mention-from-data")), qPrintable(result.err));
        QVERIFY2(result.err.contains(QStringLiteral("<!channel> in title")),
                 qPrintable(result.err));
        QVERIFY(!QFileInfo::exists(m_root.filePath(QStringLiteral("posted"))));
    }

    void postedDraftCarriesTheTitleEscaped()
    {
        const auto result = run({QStringLiteral("draft"), m_id, QStringLiteral("initial"),
                                 QStringLiteral("--post"), QStringLiteral("--force")},
                                webhook());
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QFile posted(m_root.filePath(QStringLiteral("posted")));
        QVERIFY(posted.open(QIODevice::ReadOnly));
        const QString text = QJsonDocument::fromJson(posted.readLine())
                                 .object()
                                 .value(QStringLiteral("text"))
                                 .toString();
        QVERIFY2(text.contains(QStringLiteral(
                     "*INCIDENT DECLARED: &lt;!channel&gt; &lt;https://evil.example/x|Reset "
                     "SSO&gt;*")),
                 qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Logins fail &amp; retries &lt;pile up&gt;")),
                 qPrintable(text));
        QVERIFY(!text.contains(QStringLiteral("<!channel>")));
        QVERIFY(!text.contains(QStringLiteral("<https://evil")));
    }

    void slackFormatPrintsWhatWouldBePostedOtherFormatsTheTitleAsWritten()
    {
        const auto slack = run({QStringLiteral("draft"), m_id, QStringLiteral("initial")});
        QVERIFY(slack.out.contains(QStringLiteral("&lt;!channel&gt;")));
        const auto markdown = run({QStringLiteral("draft"), m_id, QStringLiteral("initial"),
                                   QStringLiteral("--format"), QStringLiteral("markdown")});
        QVERIFY(
            markdown.out.contains(QStringLiteral("<!channel> <https://evil.example/x|Reset SSO>")));
    }
};

QTEST_GUILESS_MAIN(TestSlackSafeDrafts)
#include "test_slack_safe_drafts.moc"
