#include "comms/DraftLinter.h"
#include "comms/TemplateRenderer.h"

#include <QtTest>

using namespace ic::comms;

namespace {

const QString hostileTitle = QStringLiteral("<!channel> <https://evil.example/x|Reset SSO>");

QStringList rules(const QList<LintFinding> &findings)
{
    QStringList ids;
    for (const LintFinding &finding : findings)
        ids << finding.rule;
    return ids;
}

} // namespace

// Values from the incident are text in Slack; only the template's own markup is markup.
class TestSlackDrafts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void valuesAreEscapedTheTemplateMarkupIsNot()
    {
        QString error;
        const auto text = renderSlackDraft(
            QStringLiteral(
                "<!here> **{{title}}** by {{commander}}, see [status](https://status.example)"),
            {{QStringLiteral("title"), hostileTitle},
             {QStringLiteral("commander"), QStringLiteral("Ana & <@U024BE7LH>")}},
            &error);
        QVERIFY2(text, qPrintable(error));
        QCOMPARE(*text, QStringLiteral("<!here> *&lt;!channel&gt; &lt;https://evil.example/x|Reset "
                                       "SSO&gt;* by Ana &amp; &lt;@U024BE7LH&gt;, see "
                                       "<https://status.example|status>"));
    }

    void markdownInsideAValueStaysText()
    {
        QString error;
        const auto text = renderSlackDraft(
            QStringLiteral("{{#timeline}}\n- {{text}}\n{{/timeline}}\n"),
            {{QStringLiteral("timeline"),
              QVariantList{QVariantMap{
                  {QStringLiteral("text"), QStringLiteral("[Reset SSO](https://evil.example)")}}}}},
            &error);
        QVERIFY2(text, qPrintable(error));
        QCOMPARE(*text, QStringLiteral("• [Reset SSO](https://evil.example)\n"));
    }

    void plainRenderingKeepsValuesAsTheyAre()
    {
        QString error;
        QCOMPARE(*renderTemplate(QStringLiteral("{{title}}"),
                                 {{QStringLiteral("title"), hostileTitle}}, &error),
                 hostileTitle);
    }

    void lintNamesMentionsThatCameFromData()
    {
        const QVariantMap values{
            {QStringLiteral("title"), hostileTitle},
            {QStringLiteral("timeline"),
             QVariantList{
                 QVariantMap{{QStringLiteral("text"), QStringLiteral("ok")}},
                 QVariantMap{{QStringLiteral("text"), QStringLiteral("ping @here now")}}}}};
        const QString draft = QStringLiteral("<!here> %1\n• ping @here now\n").arg(hostileTitle);
        const auto findings = lintDraft(QStringLiteral("handover"), draft, values);
        QVERIFY(rules(findings).contains(QStringLiteral("mention-from-data")));
        const QString message =
            findings.at(rules(findings).indexOf(QStringLiteral("mention-from-data"))).message;
        QVERIFY2(message.contains(QStringLiteral("<!channel> in title")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("@here in timeline[2].text")),
                 qPrintable(message));
    }

    void lintLeavesTheTemplatesOwnMentionsAlone()
    {
        const QVariantMap values{{QStringLiteral("title"), QStringLiteral("Checkout down")}};
        QVERIFY(!rules(lintDraft(QStringLiteral("handover"),
                                 QStringLiteral("<!here> Checkout down"), values))
                     .contains(QStringLiteral("mention-from-data")));
        // A mention in a field the template does not use is not in the draft.
        QVERIFY(!rules(lintDraft(QStringLiteral("handover"), QStringLiteral("Checkout down"),
                                 {{QStringLiteral("scribe"), QStringLiteral("<!channel>")}}))
                     .contains(QStringLiteral("mention-from-data")));
    }
};

QTEST_GUILESS_MAIN(TestSlackDrafts)
#include "test_slack_drafts.moc"
