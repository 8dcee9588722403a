#include "TestSupport.h"
#include "WebhookServer.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace ic;

// draft and export through the real binary, posting to a webhook server the test starts.
class TestCommsCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_root;
    QString m_dataDir;
    QString m_id;
    test::WebhookServer m_server;

    test::RunResult run(QStringList args, const QMap<QString, QString> &env = {})
    {
        args.prepend(m_dataDir);
        args.prepend(QStringLiteral("--data-dir"));
        return test::runConsole(args, env);
    }

    QJsonObject show()
    {
        return QJsonDocument::fromJson(run({QStringLiteral("incident"), QStringLiteral("show"),
                                            m_id, QStringLiteral("--json")})
                                           .out.toUtf8())
            .object();
    }

private Q_SLOTS:
    void initTestCase()
    {
        qunsetenv("INCIDENT_CONSOLE_SLACK_WEBHOOK");
        m_dataDir = m_root.filePath(QStringLiteral("data"));
        const auto declared = run(
            {QStringLiteral("incident"), QStringLiteral("new"), QStringLiteral("--title"),
             QStringLiteral("Checkout returns 502"), QStringLiteral("--severity"),
             QStringLiteral("SEV-2"), QStringLiteral("--service"), QStringLiteral("checkout"),
             QStringLiteral("--impact"), QStringLiteral("EU payments fail"),
             QStringLiteral("--commander"), QStringLiteral("Ana Lima"), QStringLiteral("--json")});
        QVERIFY2(declared.exitCode == 0, qPrintable(declared.err));
        m_id = QJsonDocument::fromJson(declared.out.toUtf8())
                   .object()
                   .value(QStringLiteral("id"))
                   .toString();
        QVERIFY(!m_id.isEmpty());

        QVERIFY(m_server.start(QFINDTESTDATA("webhook_server.py"),
                               m_root.filePath(QStringLiteral("posted"))));
    }

    void initialAlertIsCleanAndExitsZero()
    {
        const auto result = run({QStringLiteral("draft"), m_id, QStringLiteral("initial")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(
            result.out.startsWith(QStringLiteral("🚨 *INCIDENT DECLARED: Checkout returns 502*")));
        QVERIFY(result.out.contains(QStringLiteral("*Impact:* EU payments fail")));
        QVERIFY(result.out.contains(QStringLiteral("#incident-")));
        QVERIFY(result.err.isEmpty() || !result.err.contains(QStringLiteral("lint")));
    }

    void updateWithGapsPrintsFindingsAndExitsOne()
    {
        const auto result = run({QStringLiteral("draft"), m_id, QStringLiteral("update"),
                                 QStringLiteral("--format"), QStringLiteral("text")});
        QCOMPARE(result.exitCode, 1);
        QVERIFY(result.err.contains(QStringLiteral("unfilled-placeholder")));
        QVERIFY(!result.out.contains(QLatin1Char('*')));
    }

    void unknownTemplateNamesTheAvailableOnes()
    {
        const auto result = run({QStringLiteral("draft"), m_id, QStringLiteral("tweet")});
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.err.contains(QStringLiteral("initial")));
        QVERIFY(result.err.contains(QStringLiteral("postmortem")));
    }

    void postSendsLogsAndRestartsTheCountdown()
    {
        const auto result = run(
            {QStringLiteral("draft"), m_id, QStringLiteral("initial"), QStringLiteral("--post")},
            {{QStringLiteral("INCIDENT_CONSOLE_SLACK_WEBHOOK"),
              m_server.url(QStringLiteral("/ok/SECRET"))}});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QFile posted(m_root.filePath(QStringLiteral("posted")));
        QVERIFY(posted.open(QIODevice::ReadOnly));
        QVERIFY(QJsonDocument::fromJson(posted.readLine())
                    .object()
                    .value(QStringLiteral("text"))
                    .toString()
                    .startsWith(QStringLiteral("🚨")));
        bool logged = false;
        for (const QJsonValue &event : show().value(QStringLiteral("timeline")).toArray()) {
            const QJsonObject e = event.toObject();
            if (e.value(QStringLiteral("kind")).toString() == QLatin1String("update-sent")) {
                logged = true;
                QVERIFY(e.value(QStringLiteral("data"))
                            .toObject()
                            .value(QStringLiteral("text"))
                            .toString()
                            .contains(QStringLiteral("Checkout returns 502")));
            }
        }
        QVERIFY(logged);
        // The webhook URL is a secret: not in the log, not in the database.
        QFile log(m_dataDir + QStringLiteral("/logs/incident-console.log"));
        QVERIFY(log.open(QIODevice::ReadOnly));
        QVERIFY(!log.readAll().contains("SECRET"));
        QFile db(m_dataDir + QStringLiteral("/console.db"));
        QVERIFY(db.open(QIODevice::ReadOnly));
        QVERIFY(!db.readAll().contains("/ok/SECRET"));
    }

    void postToAWebhookThatIsNoUrlEndsAtOnce()
    {
        // It waited forever: the refusal was signalled before anybody listened.
        for (const QString &bad : {QStringLiteral("notaurl"), QStringLiteral("ftp://example.com/x"),
                                   QStringLiteral("http://hooks.example.com/plain-http")}) {
            const auto result = run({QStringLiteral("draft"), m_id, QStringLiteral("initial"),
                                     QStringLiteral("--post"), QStringLiteral("--force")},
                                    {{QStringLiteral("INCIDENT_CONSOLE_SLACK_WEBHOOK"), bad}});
            QCOMPARE(result.exitCode, 2);
            QVERIFY2(result.err.contains(QStringLiteral("webhook URL")) &&
                         result.err.contains(QStringLiteral("nothing was sent")),
                     qPrintable(result.err));
            QVERIFY(!result.err.contains(bad));
        }
    }

    void postWithFindingsNeedsForce()
    {
        const auto result =
            run({QStringLiteral("draft"), m_id, QStringLiteral("update"), QStringLiteral("--post")},
                {{QStringLiteral("INCIDENT_CONSOLE_SLACK_WEBHOOK"),
                  m_server.url(QStringLiteral("/ok"))}});
        QCOMPARE(result.exitCode, 1);
        QVERIFY(result.err.contains(QStringLiteral("--force")));
    }

    void exportsWriteEveryFormat()
    {
        const QString json = m_root.filePath(QStringLiteral("i.json"));
        QCOMPARE(run({QStringLiteral("export"), m_id, QStringLiteral("--format"),
                      QStringLiteral("json"), QStringLiteral("--output"), json})
                     .exitCode,
                 0);
        QFile jsonFile(json);
        QVERIFY(jsonFile.open(QIODevice::ReadOnly));
        const QJsonObject exported = QJsonDocument::fromJson(jsonFile.readAll()).object();
        QCOMPARE(exported.value(QStringLiteral("id")).toString(), m_id);
        QVERIFY(exported.value(QStringLiteral("checklist")).toArray().size() > 10);

        const QString html = m_root.filePath(QStringLiteral("i.html"));
        QCOMPARE(run({QStringLiteral("export"), m_id, QStringLiteral("--format"),
                      QStringLiteral("html"), QStringLiteral("--output"), html})
                     .exitCode,
                 0);
        QFile htmlFile(html);
        QVERIFY(htmlFile.open(QIODevice::ReadOnly));
        const QByteArray htmlBytes = htmlFile.readAll();
        QVERIFY(htmlBytes.contains("Checkout returns 502"));
        QVERIFY(!htmlBytes.contains("<script"));

        const QString pdf = m_root.filePath(QStringLiteral("i.pdf"));
        const auto pdfResult =
            run({QStringLiteral("export"), m_id, QStringLiteral("--format"), QStringLiteral("pdf"),
                 QStringLiteral("--output"), pdf},
                {{QStringLiteral("DISPLAY"), {}}, {QStringLiteral("QT_QPA_PLATFORM"), {}}});
        QVERIFY2(pdfResult.exitCode == 0, qPrintable(pdfResult.err));
        QFile pdfFile(pdf);
        QVERIFY(pdfFile.open(QIODevice::ReadOnly));
        QVERIFY(pdfFile.readAll().startsWith("%PDF-"));
    }

    // --json is listed in draft's and export's help, so both answer in JSON: the draft with its
    // lint findings, the export with where it wrote.
    void draftAndExportAnswerInJson()
    {
        const auto draft = run(
            {QStringLiteral("draft"), m_id, QStringLiteral("update"), QStringLiteral("--json")});
        QCOMPARE(draft.exitCode, 1);
        const QJsonObject drafted = QJsonDocument::fromJson(draft.out.toUtf8()).object();
        QCOMPARE(drafted.value(QStringLiteral("incident")).toString(), m_id);
        QCOMPARE(drafted.value(QStringLiteral("template")).toString(), QStringLiteral("update"));
        QVERIFY(drafted.value(QStringLiteral("text"))
                    .toString()
                    .contains(QStringLiteral("Checkout returns 502")));
        QStringList lintRules;
        for (const QJsonValue &finding : drafted.value(QStringLiteral("lint")).toArray())
            lintRules << finding.toObject().value(QStringLiteral("rule")).toString();
        QVERIFY2(lintRules.contains(QStringLiteral("unfilled-placeholder")), qPrintable(draft.out));

        const QString md = m_root.filePath(QStringLiteral("j.md"));
        const auto exported =
            run({QStringLiteral("export"), m_id, QStringLiteral("--format"), QStringLiteral("md"),
                 QStringLiteral("--output"), md, QStringLiteral("--json")});
        QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
        const QJsonObject written = QJsonDocument::fromJson(exported.out.toUtf8()).object();
        QCOMPARE(written.value(QStringLiteral("path")).toString(), md);
        QCOMPARE(written.value(QStringLiteral("format")).toString(), QStringLiteral("md"));
        QVERIFY(QFileInfo::exists(md));
    }

    // The executive summary and the status page state the impact without the word "Impact".
    void summaryThatStatesTheImpactIsClean()
    {
        for (const QString &templateId :
             {QStringLiteral("executive-summary"), QStringLiteral("status-page")}) {
            const auto result = run({QStringLiteral("draft"), m_id, templateId});
            QVERIFY2(!result.err.contains(QStringLiteral("missing-impact")),
                     qPrintable(templateId + QStringLiteral(": ") + result.err));
        }
    }

    void exportNeedsAFormatAndAnOutput()
    {
        QCOMPARE(run({QStringLiteral("export"), m_id, QStringLiteral("--format"),
                      QStringLiteral("docx"), QStringLiteral("--output"), QStringLiteral("x")})
                     .exitCode,
                 2);
        QCOMPARE(
            run({QStringLiteral("export"), m_id, QStringLiteral("--format"), QStringLiteral("md")})
                .exitCode,
            2);
    }
};

QTEST_GUILESS_MAIN(TestCommsCli)
#include "test_comms_cli.moc"
