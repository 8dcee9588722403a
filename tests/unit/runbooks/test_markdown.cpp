#include "runbooks/MarkdownOutline.h"
#include "runbooks/MarkdownRenderer.h"
#include "runbooks/RenderBounds.h"

#include <QtTest>

using namespace ic::runbooks;

class TestMarkdown : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tasksCarryTheirHeadingPath()
    {
        const auto outline = readOutline(
            QStringLiteral("# Runbook\n\n## Investigate\n\n- [ ] Check the **pool**\n"
                           "- [x] Page the DBA\n- not a task\n\n## Resolve\n\n### Roll back\n\n"
                           "1. [ ] Undo the deploy\n"),
            5);
        QCOMPARE(int(outline.tasks.size()), 3);
        QCOMPARE(outline.tasks[0].text, QStringLiteral("Check the pool"));
        QCOMPARE(outline.tasks[0].headingPath,
                 (QStringList{QStringLiteral("Runbook"), QStringLiteral("Investigate")}));
        QVERIFY(!outline.tasks[0].done);
        QCOMPARE(outline.tasks[0].line, 9);
        QVERIFY(outline.tasks[1].done);
        QCOMPARE(outline.tasks[2].text, QStringLiteral("Undo the deploy"));
        QCOMPARE(outline.tasks[2].headingPath,
                 (QStringList{QStringLiteral("Runbook"), QStringLiteral("Resolve"),
                              QStringLiteral("Roll back")}));
    }

    void headingsGetUniqueAnchors()
    {
        const auto outline =
            readOutline(QStringLiteral("# Check the Pool!\n\n## Steps\n\n## Steps\n"));
        QCOMPARE(int(outline.headings.size()), 3);
        QCOMPARE(outline.headings[0].anchor, QStringLiteral("check-the-pool"));
        QCOMPARE(outline.headings[2].anchor, QStringLiteral("steps-1"));
    }

    // Numbering continues per heading text, and a heading whose own text looks like a
    // numbered anchor still gets a free one. (Repeated headings were quadratic: 1,300 took
    // 19 s under ASan in fuzz_front_matter_markdown, corpus repeated-headings.md.)
    void repeatedHeadingsAreNumberedInOrder()
    {
        const auto outline =
            readOutline(QStringLiteral("# a\n# a-1\n# a\n# a\n# a-2\n# b\n# b\n# a-1\n"));
        QStringList anchors;
        for (const auto &heading : outline.headings)
            anchors << heading.anchor;
        QCOMPARE(anchors,
                 (QStringList{QStringLiteral("a"), QStringLiteral("a-1"), QStringLiteral("a-2"),
                              QStringLiteral("a-3"), QStringLiteral("a-2-1"), QStringLiteral("b"),
                              QStringLiteral("b-1"), QStringLiteral("a-1-1")}));
        QString many;
        for (int i = 0; i < 2000; ++i)
            many += QStringLiteral("## Steps\n");
        const auto repeated = readOutline(many);
        QCOMPARE(repeated.headings.back().anchor, QStringLiteral("steps-1999"));
    }

    void codeBlocksKeepTheirExactText()
    {
        const QString command =
            QStringLiteral("kubectl logs deploy/api --previous \\\n  | grep -E 'a<b'");
        const auto rendered = renderMarkdown(QStringLiteral("Run:\n\n```bash\n") % command %
                                             QStringLiteral("\n```\n\n    df -h\n"));
        QCOMPARE(rendered.codeBlocks.size(), 2);
        QCOMPARE(rendered.codeBlocks.at(0), command);
        QCOMPARE(rendered.codeBlocks.at(1), QStringLiteral("df -h"));
        QVERIFY(rendered.html.contains(QStringLiteral("href=\"copy:0\"")));
        QVERIFY(rendered.html.contains(QStringLiteral("href=\"copy:1\"")));
        QVERIFY(rendered.html.contains(QStringLiteral("a&lt;b")));
    }

    void rendersGithubExtensions()
    {
        const auto rendered = renderMarkdown(
            QStringLiteral("## Checks\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\n- [ ] todo\n\n~~old~~ "
                           "https://example.com/x\n"));
        QVERIFY(rendered.html.contains(QStringLiteral("<table>")));
        QVERIFY(rendered.html.contains(QStringLiteral("<th>A</th>")));
        QVERIFY(rendered.html.contains(QStringLiteral("\u2610 todo")));
        QVERIFY(!rendered.html.contains(QStringLiteral("<input")));
        QVERIFY(rendered.html.contains(QStringLiteral("<del>old</del>")));
        QVERIFY(rendered.html.contains(QStringLiteral("href=\"https://example.com/x\"")));
        QVERIFY(rendered.html.contains(QStringLiteral("<h2><a name=\"checks\"")));
    }

    void rawHtmlIsShownNotInterpreted()
    {
        const auto rendered = renderMarkdown(
            QStringLiteral("<img src=\"http://tracker.example/x.png\">\n\n<script>x</script>\n"));
        QVERIFY(!rendered.html.contains(QStringLiteral("<img src=\"http://tracker")));
        QVERIFY(!rendered.html.contains(QStringLiteral("<script>")));
    }

    void plainTextHasNoMarkup()
    {
        const auto outline = readOutline(QStringLiteral("# T\n\nSome **bold** `code`.\n"));
        QVERIFY(outline.plainText.contains(QStringLiteral("Some bold code.")));
        QCOMPARE(outline.firstTopHeading, QStringLiteral("T"));
        QCOMPARE(outline.firstParagraph, QStringLiteral("Some bold code."));
    }

    void nestingDepthCountsContainersNotVoidElements()
    {
        QCOMPARE(renderMarkdown(QStringLiteral("plain\n")).nestingDepth, 1);
        // blockquote > blockquote > p > em
        QCOMPARE(renderMarkdown(QStringLiteral("> > *deep*\n")).nestingDepth, 4);
        // ul > li > ul > li; the task box and the line break add nothing.
        QCOMPARE(renderMarkdown(QStringLiteral("- a\n  - [x] b  \n    c\n")).nestingDepth, 4);
        QCOMPARE(renderMarkdown(QStringLiteral("---\n\n![x](y.png)\n")).nestingDepth, 1);
        QCOMPARE(
            renderMarkdown(QString(500, QLatin1Char('>')) + QStringLiteral(" x\n")).nestingDepth,
            501);
    }

    void boundProblemsNameTheMeasureAndTheLimit()
    {
        QVERIFY(renderBoundProblem(maxRenderedNesting, maxRenderedHtmlLength).isEmpty());
        QCOMPARE(renderBoundProblem(10'001, 100),
                 QStringLiteral("its Markdown nests 10,001 levels deep (blockquotes, lists, "
                                "emphasis); the reader renders up to 32 levels"));
        QCOMPARE(renderBoundProblem(3, 2'500'000),
                 QStringLiteral("rendered it would be 2,500,000 characters of HTML; the reader "
                                "renders up to 2,000,000"));
    }
};

QTEST_GUILESS_MAIN(TestMarkdown)
#include "test_markdown.moc"
