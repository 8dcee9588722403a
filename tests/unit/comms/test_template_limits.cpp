#include "TestSupport.h"
#include "comms/MessageTemplates.h"
#include "comms/TemplateLimits.h"
#include "comms/TemplateRenderer.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QtTest>

using namespace ic;
using namespace ic::comms;

namespace {

// {{#drill}} opened depth times on lines of their own after a first line, then closed.
QString nestedSections(int depth)
{
    QString text = QStringLiteral("{{! Initial: nested }}\n");
    for (int i = 0; i < depth; ++i)
        text += QStringLiteral("{{#drill}}\n");
    text += QStringLiteral("deep\n");
    for (int i = 0; i < depth; ++i)
        text += QStringLiteral("{{/drill}}");
    return text;
}

} // namespace

// Override templates come from the data dir: none may crash or stall the console.
class TestTemplateLimits : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    // Loads one override of "initial" and returns the templates.
    MessageTemplates loadOverride(const QString &text)
    {
        const QString dir = m_dir.filePath(QStringLiteral("templates"));
        QDir().mkpath(dir);
        test::writeFile(QDir(dir).filePath(QStringLiteral("initial.mustache")), text.toUtf8());
        return MessageTemplates(dir);
    }

private Q_SLOTS:
    void sectionsPastTheDepthLimitAreRefusedNamingFileAndLine()
    {
        const MessageTemplates templates = loadOverride(nestedSections(maxSectionDepth + 1));
        QCOMPARE(templates.problems().size(), 1);
        const TemplateProblem problem = templates.problems().first();
        QVERIFY(problem.file.endsWith(QStringLiteral("templates/initial.mustache")));
        // The first line is the title comment; the section past the limit opens below it.
        QCOMPARE(problem.line, maxSectionDepth + 2);
        QVERIFY2(problem.message.contains(QStringLiteral("nested")), qPrintable(problem.message));
        QVERIFY(templates.find(QStringLiteral("initial"))
                    ->source.startsWith(QStringLiteral("bundled")));
    }

    // 10,000 nested sections used to overflow the renderer's stack, 50,000 to stall loading
    // for a minute.
    void tensOfThousandsOfNestedSectionsAreRefusedAtOnce()
    {
        for (const int depth : {10000, 50000}) {
            QElapsedTimer timer;
            timer.start();
            const MessageTemplates templates = loadOverride(nestedSections(depth));
            QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
            QCOMPARE(templates.problems().size(), 1);
            const QString problem = templates.problems().first().toString();
            QVERIFY2(problem.contains(QStringLiteral("initial.mustache:1: ")), qPrintable(problem));
            QVERIFY2(problem.contains(QStringLiteral("characters")), qPrintable(problem));
            QVERIFY(templates.find(QStringLiteral("initial"))
                        ->source.startsWith(QStringLiteral("bundled")));
        }
    }

    void aListInsideAListIsRefused()
    {
        const MessageTemplates templates = loadOverride(QStringLiteral(
            "{{! Initial: lists }}\n{{#timeline}}\n{{#open_items}}{{text}}{{/open_items}}\n"
            "{{/timeline}}\n"));
        QCOMPARE(templates.problems().size(), 1);
        QCOMPARE(templates.problems().first().line, 3);
        QVERIFY(templates.problems().first().message.contains(QStringLiteral("open_items")));
    }

    void renderingRefusesWhatLoadingWould()
    {
        QString error;
        QVERIFY(!renderTemplate(nestedSections(10000), {{QStringLiteral("drill"), true}}, &error));
        QVERIFY2(error.contains(QStringLiteral("characters")), qPrintable(error));
        QVERIFY(!renderTemplate(nestedSections(maxSectionDepth + 1),
                                {{QStringLiteral("drill"), true}}, &error));
        QVERIFY2(error.contains(QStringLiteral("line %1").arg(maxSectionDepth + 2)),
                 qPrintable(error));
        QVERIFY(!renderTemplate(QStringLiteral("{{>title}}"),
                                {{QStringLiteral("title"), QStringLiteral("{{#a}}")}}, &error));
        QVERIFY(error.contains(QStringLiteral("partials")));
        QVERIFY(!renderTemplate(QStringLiteral("{{=<% %>=}}<%#drill%><%/drill%>"), {}, &error));
        QVERIFY(error.contains(QStringLiteral("delimiters")));
    }

    void nestingWithinTheLimitStillRenders()
    {
        QString error;
        const auto text = renderTemplate(nestedSections(maxSectionDepth),
                                         {{QStringLiteral("drill"), true}}, &error);
        QVERIFY2(text, qPrintable(error));
        QVERIFY(text->contains(QStringLiteral("deep")));
        QVERIFY(loadOverride(nestedSections(maxSectionDepth)).problems().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestTemplateLimits)
#include "test_template_limits.moc"
