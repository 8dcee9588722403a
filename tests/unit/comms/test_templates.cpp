#include "TestSupport.h"
#include "comms/MessageTemplates.h"
#include "comms/SlackText.h"
#include "comms/TemplateRenderer.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace ic;
using namespace ic::comms;

namespace {

QVariantMap fullIncident()
{
    QVariantMap v;
    v[QStringLiteral("title")] = QStringLiteral("Checkout returns 502");
    v[QStringLiteral("severity")] = QStringLiteral("SEV-1");
    v[QStringLiteral("severity_name")] = QStringLiteral("Critical");
    v[QStringLiteral("status")] = QStringLiteral("Investigating");
    v[QStringLiteral("status_sentence")] = QStringLiteral("We are looking into it.");
    v[QStringLiteral("is_investigating")] = true;
    v[QStringLiteral("service")] = QStringLiteral("checkout, payments");
    v[QStringLiteral("impact")] = QStringLiteral("All card payments fail in the EU");
    v[QStringLiteral("commander")] = QStringLiteral("Ana Lima");
    v[QStringLiteral("started")] = QStringLiteral("2026-11-25 09:30 +01:00");
    v[QStringLiteral("date")] = QStringLiteral("2026-11-25");
    v[QStringLiteral("duration")] = QStringLiteral("42m");
    v[QStringLiteral("next_update")] = QStringLiteral("10:15");
    v[QStringLiteral("channel")] = QStringLiteral("#incident-2026-11-25-0930");
    v[QStringLiteral("update")] = QStringLiteral("Rolled back release 412");
    v[QStringLiteral("next_step")] = QStringLiteral("Watch the error rate for 15 minutes");
    v[QStringLiteral("resolution")] = QStringLiteral("Rollback of release 412");
    v[QStringLiteral("root_cause")] = QStringLiteral("A connection pool limit of 5");
    v[QStringLiteral("data_loss")] = QStringLiteral("no data was lost");
    v[QStringLiteral("mtta")] = QStringLiteral("3m");
    v[QStringLiteral("mttr")] = QStringLiteral("42m");
    v[QStringLiteral("checklist_summary")] = QStringLiteral("18 of 20 items done");
    v[QStringLiteral("timeline")] =
        QVariantList{QVariantMap{{QStringLiteral("time"), QStringLiteral("09:30")},
                                 {QStringLiteral("text"), QStringLiteral("Incident declared")},
                                 {QStringLiteral("actor"), QStringLiteral("Ana Lima")}},
                     QVariantMap{{QStringLiteral("time"), QStringLiteral("09:41")},
                                 {QStringLiteral("text"), QStringLiteral("Rollback started")}}};
    v[QStringLiteral("open_items")] =
        QVariantList{QVariantMap{{QStringLiteral("text"), QStringLiteral("Schedule the review")},
                                 {QStringLiteral("due"), QStringLiteral("tomorrow 09:30")},
                                 {QStringLiteral("overdue"), false}}};
    v[QStringLiteral("action_items")] =
        QVariantList{QVariantMap{{QStringLiteral("text"), QStringLiteral("Raise the pool limit")}}};
    return v;
}

QVariantMap sparseIncident()
{
    return {{QStringLiteral("title"), QStringLiteral("Something is slow")},
            {QStringLiteral("severity"), QStringLiteral("SEV-3")},
            {QStringLiteral("status"), QStringLiteral("Investigating")},
            {QStringLiteral("is_investigating"), true},
            {QStringLiteral("started"), QStringLiteral("09:30")},
            {QStringLiteral("duration"), QStringLiteral("5m")},
            {QStringLiteral("next_update"), QStringLiteral("10:30")},
            {QStringLiteral("channel"), QStringLiteral("#incident-2026-11-25-0930")}};
}

} // namespace

class TestTemplates : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bundledTemplatesAreAllValid()
    {
        const MessageTemplates templates;
        QVERIFY2(templates.problems().isEmpty(),
                 qPrintable(templates.problems().value(0).toString()));
        for (const char *id : {"initial", "update", "resolution", "executive-summary",
                               "status-page", "channel-name", "handover", "postmortem"}) {
            const MessageTemplate *t = templates.find(QString::fromLatin1(id));
            QVERIFY2(t, id);
            QVERIFY2(!t->title.isEmpty() && t->title != t->id, id);
        }
    }

    void everyTemplateRendersForAFullAndASparseIncident()
    {
        const MessageTemplates templates;
        for (const MessageTemplate &t : templates.all()) {
            for (const QVariantMap &values : {fullIncident(), sparseIncident()}) {
                QString error;
                const auto text = renderTemplate(t.text, values, &error);
                QVERIFY2(text, qPrintable(t.id + QLatin1Char(' ') + error));
                QVERIFY2(!text->trimmed().isEmpty(), qPrintable(t.id));
                QVERIFY2(!text->contains(QStringLiteral("{{")), qPrintable(t.id));
            }
        }
    }

    // A drill's messages all say it is one, not only the initial alert: an update or a status
    // page read on its own must not look like a real incident.
    void everyMessageOfADrillSaysSo()
    {
        const MessageTemplates templates;
        QVariantMap drill = fullIncident();
        drill[QStringLiteral("drill")] = true;
        for (const MessageTemplate &t : templates.all()) {
            if (t.id == QLatin1String("channel-name"))
                continue;
            QString error;
            const auto text = renderTemplate(t.text, drill, &error);
            QVERIFY2(text, qPrintable(t.id + QLatin1Char(' ') + error));
            QVERIFY2(text->contains(QStringLiteral("drill"), Qt::CaseInsensitive),
                     qPrintable(t.id + QStringLiteral(": ") + *text));
            const auto real = renderTemplate(t.text, fullIncident(), &error);
            QVERIFY2(!real->contains(QStringLiteral("drill"), Qt::CaseInsensitive),
                     qPrintable(t.id));
        }
    }

    void fullIncidentFillsTheInitialAlert()
    {
        const MessageTemplates templates;
        QString error;
        const QString text = *renderTemplate(templates.find(QStringLiteral("initial"))->text,
                                             fullIncident(), &error);
        QVERIFY(text.startsWith(QStringLiteral("🚨")));
        QVERIFY(text.contains(QStringLiteral("*Severity:* SEV-1 (Critical)")));
        QVERIFY(text.contains(QStringLiteral("All card payments fail in the EU")));
        QVERIFY(text.contains(QStringLiteral("Next update by 10:15.")));
        QVERIFY(!text.contains(QLatin1Char('<')));
    }

    void sparseIncidentShowsWhatIsMissing()
    {
        const MessageTemplates templates;
        QString error;
        const QString text = *renderTemplate(templates.find(QStringLiteral("initial"))->text,
                                             sparseIncident(), &error);
        QVERIFY(text.contains(QStringLiteral("<who is affected and how>")));
        QVERIFY(text.contains(QStringLiteral("<incident commander>")));
    }

    void postmortemListsTheTimeline()
    {
        const MessageTemplates templates;
        QString error;
        const QString text = *renderTemplate(templates.find(QStringLiteral("postmortem"))->text,
                                             fullIncident(), &error);
        QVERIFY(text.contains(QStringLiteral("- 09:30 Incident declared (Ana Lima)")));
        QVERIFY(text.contains(QStringLiteral("- 09:41 Rollback started\n")));
        QVERIFY(text.contains(QStringLiteral("- [ ] Raise the pool limit")));
        QVERIFY(text.contains(QStringLiteral("acknowledged − started")));
    }

    void statusPageSaysOnlyTheCurrentStatus()
    {
        const MessageTemplates templates;
        QString error;
        const QString text = *renderTemplate(templates.find(QStringLiteral("status-page"))->text,
                                             fullIncident(), &error);
        QVERIFY(text.contains(QStringLiteral("*Investigating*")));
        QVERIFY(!text.contains(QStringLiteral("*Resolved*")));
    }

    void unknownPlaceholderNamesFileAndLine()
    {
        const QList<TemplateProblem> problems = validateTemplate(
            QStringLiteral("{{! Custom: x }}\nSeverity: {{severity}}\nOwner: {{owner}}\n"),
            QStringLiteral("custom.mustache"));
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.first().line, 3);
        QVERIFY(problems.first().toString().startsWith(QStringLiteral("custom.mustache:3:")));
        QVERIFY(problems.first().message.contains(QStringLiteral("owner")));
    }

    void unbalancedSectionsAreReported()
    {
        QVERIFY(!validateTemplate(QStringLiteral("{{#impact}}x"), QStringLiteral("a")).isEmpty());
        QVERIFY(!validateTemplate(QStringLiteral("x{{/impact}}"), QStringLiteral("b")).isEmpty());
        QVERIFY(!validateTemplate(QStringLiteral("{{#impact}}{{/title}}"), QStringLiteral("c"))
                     .isEmpty());
    }

    void userOverrideReplacesBundledAndBadOnesAreReported()
    {
        QTemporaryDir dir;
        QVERIFY(test::writeFile(dir.filePath(QStringLiteral("initial.mustache")),
                                "{{! Short alert: ours }}\n🔥 {{title}} ({{severity}})\n"));
        QVERIFY(test::writeFile(dir.filePath(QStringLiteral("update.mustache")),
                                "{{! Broken }}\n{{nonsense}}\n"));
        const MessageTemplates templates(dir.path());
        QCOMPARE(templates.find(QStringLiteral("initial"))->title, QStringLiteral("Short alert"));
        QVERIFY(templates.find(QStringLiteral("initial"))->source.startsWith(dir.path()));
        QCOMPARE(templates.problems().size(), 1);
        QVERIFY(templates.problems().first().file.endsWith(QStringLiteral("update.mustache")));
        QCOMPARE(templates.problems().first().line, 2);
        // The bundled update template stays usable.
        QVERIFY(
            templates.find(QStringLiteral("update"))->source.startsWith(QStringLiteral("bundled")));
    }

    void nonUtf8OverrideIsRejected()
    {
        QTemporaryDir dir;
        QVERIFY(test::writeFile(dir.filePath(QStringLiteral("initial.mustache")),
                                QByteArray("{{title}} \xff\xfe")));
        const MessageTemplates templates(dir.path());
        QCOMPARE(templates.problems().size(), 1);
        QVERIFY(templates.problems().first().message.contains(QStringLiteral("UTF-8")));
    }

    void emojiSurviveRenderingAndSlackConversionUnmangled()
    {
        QString error;
        const QString text =
            *renderTemplate(QStringLiteral("🚨 {{title}} ✅"),
                            {{QStringLiteral("title"), QStringLiteral("Zürich 📉")}}, &error);
        QCOMPARE(text, QStringLiteral("🚨 Zürich 📉 ✅"));
        const QByteArray utf8 = toSlackMrkdwn(text).toUtf8();
        QCOMPARE(utf8, QByteArray("\xf0\x9f\x9a\xa8 Z\xc3\xbcrich \xf0\x9f\x93\x89 \xe2\x9c\x85"));
        // The mojibake the seeds show for 🚨 when UTF-8 is read as Latin-1.
        QVERIFY(!QString::fromUtf8(utf8).contains(QStringLiteral("ðŸ")));
    }

    void markdownBecomesSlackMrkdwnAndPlainText()
    {
        const QString draft = QStringLiteral("# Summary\n**Impact:** checkout\n- first\n- "
                                             "second\nSee [the runbook](https://wiki/x) and "
                                             "`kubectl get pods`");
        const QString slack = toSlackMrkdwn(draft);
        QCOMPARE(slack, QStringLiteral("*Summary*\n*Impact:* checkout\n• first\n• second\nSee "
                                       "<https://wiki/x|the runbook> and `kubectl get pods`"));
        QCOMPARE(toPlainText(draft),
                 QStringLiteral("Summary\nImpact: checkout\n• first\n• second\nSee the runbook "
                                "(https://wiki/x) and kubectl get pods"));
    }

    // --format markdown is Markdown: the chat dialect's *bold* would be italics there.
    void chatMarkupBecomesMarkdown()
    {
        QCOMPARE(chatToMarkdown(QStringLiteral("*Impact:* EU\n• first\n**kept** 2 * 3 * 4 "
                                               "_also kept_")),
                 QStringLiteral("**Impact:** EU\n- first\n**kept** 2 * 3 * 4 _also kept_"));
        QString error;
        const auto update = renderMarkdownDraft(
            MessageTemplates().find(QStringLiteral("update"))->text, fullIncident(), &error);
        QVERIFY2(update, qPrintable(error));
        QVERIFY2(update->contains(QStringLiteral("**Severity:** SEV-1")), qPrintable(*update));
        // Values are filled in as they are, after the conversion.
        QVariantMap starred = fullIncident();
        starred[QStringLiteral("title")] = QStringLiteral("*not bold*");
        QVERIFY(renderMarkdownDraft(QStringLiteral("{{title}}"), starred, &error) ==
                QStringLiteral("*not bold*"));
    }
};

QTEST_GUILESS_MAIN(TestTemplates)
#include "test_templates.moc"
