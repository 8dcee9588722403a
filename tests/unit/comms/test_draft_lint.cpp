#include "comms/DraftLinter.h"
#include "comms/SlackText.h"

#include <QtTest>

using namespace ic::comms;

namespace {

QStringList rules(const QList<LintFinding> &findings)
{
    QStringList result;
    for (const LintFinding &f : findings)
        result << f.rule;
    return result;
}

const QString goodUpdate = QStringLiteral(
    "*Impact:* EU card payments fail\n*Found or tried:* rollback\nNext update by 10:45.");

} // namespace

class TestDraftLint : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanUpdatePasses()
    {
        QCOMPARE(lintDraft(QStringLiteral("update"), goodUpdate).size(), 0);
    }

    // Slack shows the first 40,000 characters; a longer draft says so, and what lies past
    // the limit is not linted (Slack never shows it).
    void draftLongerThanSlackShowsIsFound()
    {
        const QString padded = goodUpdate + QStringLiteral("\n") +
                               QString(slackMessageLimit, QLatin1Char('x')) +
                               QStringLiteral("\nTBD");
        const QList<LintFinding> findings = lintDraft(QStringLiteral("update"), padded);
        QCOMPARE(rules(findings), QStringList{QStringLiteral("too-long")});
        QVERIFY2(findings.first().message.startsWith(
                     QStringLiteral("The draft is 40,%1 characters; Slack shows only the first "
                                    "40,000.")
                         .arg(goodUpdate.size() + 5, 3, 10, QLatin1Char('0'))),
                 qPrintable(findings.first().message));
        QCOMPARE(lintDraft(QStringLiteral("postmortem"), padded).size(), 0);
    }

    void missingImpactIsFound()
    {
        QVERIFY(rules(lintDraft(QStringLiteral("initial"),
                                QStringLiteral("*Severity:* SEV-1\nNext update by 10:45.")))
                    .contains(QStringLiteral("missing-impact")));
        QVERIFY(rules(lintDraft(QStringLiteral("initial"),
                                QStringLiteral("*Impact:* \nNext update by 10:45.")))
                    .contains(QStringLiteral("missing-impact")));
    }

    // The executive summary and the status page say the impact in a sentence, without the word
    // "impact": stating the incident's impact is enough.
    void impactStatedWithoutItsLabelIsNotMissing()
    {
        const QVariantMap values{{QStringLiteral("impact"), QStringLiteral("checkout fails")}};
        QVERIFY(!rules(lintDraft(QStringLiteral("executive-summary"),
                                 QStringLiteral("Since 09:12 UTC (20m), checkout fails."), values))
                     .contains(QStringLiteral("missing-impact")));
        QVERIFY(!rules(lintDraft(QStringLiteral("status-page"),
                                 QStringLiteral("*Investigating*: Checkout fails. We will post an "
                                                "update by 10:45."),
                                 values))
                     .contains(QStringLiteral("missing-impact")));
        QVERIFY(rules(lintDraft(QStringLiteral("executive-summary"),
                                QStringLiteral("Since 09:12 UTC (20m), things are slow."), values))
                    .contains(QStringLiteral("missing-impact")));
    }

    // A team's own template may forget the drill; the linter does not.
    void drillThatDoesNotSaySoIsFound()
    {
        const QVariantMap drill{{QStringLiteral("drill"), true}};
        QVERIFY(rules(lintDraft(QStringLiteral("update"), goodUpdate, drill))
                    .contains(QStringLiteral("drill-unmarked")));
        QVERIFY(!rules(lintDraft(QStringLiteral("update"),
                                 goodUpdate + QStringLiteral("\n_This is a drill._"), drill))
                     .contains(QStringLiteral("drill-unmarked")));
        QVERIFY(!rules(lintDraft(QStringLiteral("update"), goodUpdate))
                     .contains(QStringLiteral("drill-unmarked")));
    }

    void missingNextUpdateTimeIsFound()
    {
        QVERIFY(rules(lintDraft(QStringLiteral("update"),
                                QStringLiteral("*Impact:* EU payments\nNext update soon.")))
                    .contains(QStringLiteral("missing-next-update")));
    }

    void promisedEtaIsFound()
    {
        for (const char *promise :
             {"ETA: 30 minutes", "It will be fixed shortly",
              "We expect to be back online in 10 minutes", "should be resolved by noon"}) {
            QVERIFY2(rules(lintDraft(QStringLiteral("update"),
                                     goodUpdate + QLatin1Char('\n') + QString::fromLatin1(promise)))
                         .contains(QStringLiteral("promised-eta")),
                     promise);
        }
    }

    void resolutionMustSayWhetherDataWasLost()
    {
        const QString resolution = QStringLiteral("*Impact:* EU payments\n*Fixed by:* rollback");
        QVERIFY(rules(lintDraft(QStringLiteral("resolution"), resolution))
                    .contains(QStringLiteral("data-loss-unstated")));
        QVERIFY(!rules(lintDraft(QStringLiteral("resolution"),
                                 resolution + QStringLiteral("\n*Data:* no data was lost")))
                     .contains(QStringLiteral("data-loss-unstated")));
        // Saying the fix time in a resolution is not a promise.
        QVERIFY(!rules(lintDraft(QStringLiteral("resolution"),
                                 resolution + QStringLiteral("\nno data was lost, ETA met")))
                     .contains(QStringLiteral("promised-eta")));
    }

    void unfilledPlaceholdersAreFound()
    {
        const auto findings = lintDraft(
            QStringLiteral("update"),
            goodUpdate + QStringLiteral("\n*Next step:* <what happens next> {{title}} TBD"));
        QVERIFY(rules(findings).contains(QStringLiteral("unfilled-placeholder")));
        const QString message = findings.first().message;
        QVERIFY(message.contains(QStringLiteral("<what happens next>")));
        QVERIFY(message.contains(QStringLiteral("{{title}}")));
        QVERIFY(message.contains(QStringLiteral("TBD")));
    }

    void slackLinksAreNotMistakenForPlaceholders()
    {
        QVERIFY(
            !rules(lintDraft(QStringLiteral("update"),
                             goodUpdate + QStringLiteral("\n<https://status.example.com|status>")))
                 .contains(QStringLiteral("unfilled-placeholder")));
    }
};

QTEST_GUILESS_MAIN(TestDraftLint)
#include "test_draft_lint.moc"
