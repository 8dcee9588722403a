#include "runbooks/FrontMatter.h"
#include "runbooks/RunbookFile.h"

#include <QJsonArray>
#include <QtTest>

using namespace ic::runbooks;

class TestFrontMatter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsEveryKnownField()
    {
        const auto result = parseFrontMatter(QStringLiteral(
            "---\ntitle: Disk full\ndescription: A volume is out of space\ntags: [disk, linux]\n"
            "severity: SEV2\nowner: platform\nlast_reviewed: 2026-03-01\nreview_every: 14d\n"
            "services:\n  - orders\n  - billing\nchecks: [orders-disk]\n"
            "aliases: [DiskFull, NodeFilesystemAlmostOutOfSpace]\n---\n# Body\n"));
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        const RunbookMeta &meta = result.meta;
        QCOMPARE(meta.title, QStringLiteral("Disk full"));
        QCOMPARE(meta.description, QStringLiteral("A volume is out of space"));
        QCOMPARE(meta.tags, (QStringList{QStringLiteral("disk"), QStringLiteral("linux")}));
        QCOMPARE(meta.severity, QStringLiteral("SEV2"));
        QCOMPARE(meta.owner, QStringLiteral("platform"));
        QCOMPARE(meta.lastReviewed, QDate(2026, 3, 1));
        QVERIFY(meta.reviewEvery.has_value());
        QCOMPARE(meta.reviewEvery->count(), 14 * 24 * 3600);
        QCOMPARE(meta.services, (QStringList{QStringLiteral("orders"), QStringLiteral("billing")}));
        QCOMPARE(meta.checks, QStringList{QStringLiteral("orders-disk")});
        QCOMPARE(meta.aliases.size(), 2);
        QCOMPARE(result.body, QStringLiteral("# Body\n"));
        QCOMPARE(result.bodyLine, 15);
    }

    void keepsUnknownKeys()
    {
        const auto result = parseFrontMatter(
            QStringLiteral("---\ntitle: X\nweight: 20\nmenu:\n  main: {parent: ops}\n---\nbody"));
        QVERIFY(result.error.isEmpty());
        QCOMPARE(result.meta.extra.value(QStringLiteral("weight")).toString(),
                 QStringLiteral("20"));
        QCOMPARE(result.meta.extra.value(QStringLiteral("menu"))
                     .toObject()
                     .value(QStringLiteral("main"))
                     .toObject()
                     .value(QStringLiteral("parent"))
                     .toString(),
                 QStringLiteral("ops"));
    }

    // Seen while seeding fuzz_front_matter_markdown (corpus alias-*.md): an alias to its
    // own node overflowed the stack, and aliases repeating a list hung the index.
    void aliasesCannotLoopOrExplode()
    {
        const auto loop = parseFrontMatter(
            QStringLiteral("---\ntitle: Loop\nrelated: &a [1, *a]\n---\n# Body\n"));
        QCOMPARE(loop.meta.title, QStringLiteral("Loop"));
        QVERIFY2(loop.error.startsWith(QStringLiteral("front matter line 3, field 'related'")),
                 qPrintable(loop.error));
        QCOMPARE(loop.body, QStringLiteral("# Body\n"));

        QString laughs = QStringLiteral("---\nl0: &l0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int level = 1; level < 9; ++level) {
            QStringList refs;
            for (int i = 0; i < 10; ++i)
                refs << QStringLiteral("*l%1").arg(level - 1);
            laughs += QStringLiteral("l%1: &l%1 [%2]\n").arg(level).arg(refs.join(u", "));
        }
        const auto exploded = parseFrontMatter(laughs + QStringLiteral("---\n"));
        QVERIFY2(exploded.error.contains(QStringLiteral("too deeply nested or too large")),
                 qPrintable(exploded.error));

        // Aliases used as intended still work.
        const auto shared =
            parseFrontMatter(QStringLiteral("---\nbase: &b {owner: db}\ncopy: *b\n---\n"));
        QVERIFY2(shared.error.isEmpty(), qPrintable(shared.error));
        QCOMPARE(shared.meta.extra.value(QStringLiteral("copy")).toObject().value(u"owner"),
                 QJsonValue(QStringLiteral("db")));
    }

    // A review interval in days or weeks is counted in 64 bits (24 * days overflowed int).
    void longReviewIntervalsDoNotOverflow()
    {
        const auto days = parseFrontMatter(QStringLiteral("---\nreview_every: 2000000000\n---\n"));
        QVERIFY2(days.error.isEmpty(), qPrintable(days.error));
        QCOMPARE(days.meta.reviewEvery->count(), 2'000'000'000LL * 86'400);
        const auto weeks = parseFrontMatter(QStringLiteral("---\nreview_every: 300000000w\n---\n"));
        QCOMPARE(weeks.meta.reviewEvery->count(), 300'000'000LL * 7 * 86'400);
    }

    void commaSeparatedTagsAreAList()
    {
        const auto result = parseFrontMatter(QStringLiteral("---\ntags: redis, cache ,  \n---\n"));
        QCOMPARE(result.meta.tags, (QStringList{QStringLiteral("redis"), QStringLiteral("cache")}));
    }

    void brokenYamlNamesTheLine()
    {
        const auto result =
            parseFrontMatter(QStringLiteral("---\ntitle: ok\ntags: [a, b\nowner: x\n---\nText"));
        QVERIFY(!result.error.isEmpty());
        QVERIFY2(result.error.contains(QStringLiteral("line")), qPrintable(result.error));
        QCOMPARE(result.body, QStringLiteral("Text"));
    }

    void wrongTypeNamesTheField()
    {
        const auto result = parseFrontMatter(
            QStringLiteral("---\ntitle: ok\nlast_reviewed: last tuesday\n---\nText"));
        QVERIFY(result.error.contains(QStringLiteral("last_reviewed")));
        QVERIFY(result.error.contains(QStringLiteral("line 3")));
        QCOMPARE(result.meta.title, QStringLiteral("ok"));
    }

    void hugoTomlFrontMatter()
    {
        const auto result = parseFrontMatter(QStringLiteral(
            "+++\ntitle = \"Database runbooks\"\ntags = [\"postgres\", \"db\"]\n+++\nBody"));
        QCOMPARE(result.meta.title, QStringLiteral("Database runbooks"));
        QCOMPARE(result.meta.tags, (QStringList{QStringLiteral("postgres"), QStringLiteral("db")}));
        QCOMPARE(result.body, QStringLiteral("Body"));
    }

    // Hugo's TOML read whole: tables (known fields under [params] count), dates, arrays of
    // tables, numbers; unknown keys kept as JSON; a syntax error names its file line.
    void hugoTomlIsReadWhole()
    {
        const auto result =
            parseFrontMatter(QStringLiteral("+++\n"
                                            "title = 'Replica lag'\n"
                                            "date = 2025-11-02T10:30:00Z\n"
                                            "weight = 20\n"
                                            "draft = false\n"
                                            "aliases = [\"/old/replica-lag\", \"ReplicaLagHigh\"]\n"
                                            "[params]\n"
                                            "owner = \"db-team\"\n"
                                            "last_reviewed = 2026-10-01\n"
                                            "review_every = \"90d\"\n"
                                            "tags = [\"postgres\", \"replication\"]\n"
                                            "[[params.contacts]]\n"
                                            "name = \"Dana\"\n"
                                            "[[params.contacts]]\n"
                                            "name = \"Kim\"\n"
                                            "+++\n# Replica lag\n"));
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        QCOMPARE(result.meta.title, QStringLiteral("Replica lag"));
        QCOMPARE(result.meta.owner, QStringLiteral("db-team"));
        QCOMPARE(result.meta.lastReviewed, QDate(2026, 10, 1));
        QCOMPARE(result.meta.reviewEvery, std::optional(std::chrono::seconds(90 * 24 * 3600)));
        QCOMPARE(result.meta.tags,
                 (QStringList{QStringLiteral("postgres"), QStringLiteral("replication")}));
        QCOMPARE(result.meta.aliases.size(), 2);
        QCOMPARE(result.meta.extra.value(QStringLiteral("weight")).toString(),
                 QStringLiteral("20"));
        QCOMPARE(result.meta.extra.value(QStringLiteral("date")).toString(),
                 QStringLiteral("2025-11-02T10:30:00"));
        const QJsonArray contacts = result.meta.extra.value(QStringLiteral("params"))
                                        .toObject()
                                        .value(QStringLiteral("contacts"))
                                        .toArray();
        QCOMPARE(contacts.size(), 2);
        QCOMPARE(contacts.at(1).toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("Kim"));
        QCOMPARE(result.body, QStringLiteral("# Replica lag\n"));

        // The top level wins over [params].
        const auto both = parseFrontMatter(
            QStringLiteral("+++\nowner = 'sre'\n[params]\nowner = 'db-team'\n+++\nBody"));
        QCOMPARE(both.meta.owner, QStringLiteral("sre"));

        const auto broken =
            parseFrontMatter(QStringLiteral("+++\ntitle = 'ok'\ntags = [\"a\",\n+++\nBody"));
        QVERIFY2(broken.error.startsWith(QStringLiteral("front matter line 3")) ||
                     broken.error.startsWith(QStringLiteral("front matter line 4")),
                 qPrintable(broken.error));
        QCOMPARE(broken.body, QStringLiteral("Body"));
        const auto badDate =
            parseFrontMatter(QStringLiteral("+++\nlast_reviewed = 'last spring'\n+++\nBody"));
        QVERIFY2(badDate.error.contains(QStringLiteral("field 'last_reviewed'")),
                 qPrintable(badDate.error));
    }

    // A description is the first real sentence: never an HTML comment (markdown-toc's),
    // an HTML block or a row of badges.
    void descriptionSkipsMarkup()
    {
        const auto parsed = parseRunbook(
            QStringLiteral(
                "<!-- markdown-toc start - Don't edit this section. -->\n"
                "**Table of Contents**\n\n"
                "- [Symptoms](#symptoms)\n\n"
                "<!-- markdown-toc end -->\n\n"
                "<p align=\"center\"><img src=\"logo.png\" alt=\"logo\"></p>\n\n"
                "[![Build](https://ci/badge.svg)](https://ci) ![Coverage](cov.svg)\n\n"
                "# Queue backlog\n\n"
                "Consumers <!-- TODO: name them --> fall behind and the backlog grows.\n"),
            QStringLiteral("/x/queue-backlog.md"));
        QCOMPARE(parsed.meta.title, QStringLiteral("Queue backlog"));
        QCOMPARE(parsed.meta.description,
                 QStringLiteral("Consumers fall behind and the backlog grows."));
        const auto plain = parseRunbook(
            QStringLiteral("<!-- START doctoc generated TOC -->\nToc text\n<!-- END doctoc -->\n\n"
                           "[![Build](b.svg)](ci)\n\n"
                           "# Queue backlog\n\nConsumers <!-- x --> fall behind.\n"),
            QStringLiteral("/x/queue-backlog.md"));
        QCOMPARE(plain.meta.description, QStringLiteral("Consumers fall behind."));
        QVERIFY(!plain.outline.plainText.contains(QStringLiteral("<!--")));
    }

    void noFrontMatterIsAllBody()
    {
        const QString text = QStringLiteral("# Title\n\n---\n\nAfter a rule");
        const auto result = parseFrontMatter(text);
        QCOMPARE(result.body, text);
        QVERIFY(result.error.isEmpty());
    }

    void titleAndDescriptionFallBackToTheContent()
    {
        const auto parsed = parseRunbook(
            QStringLiteral("Intro line\n\n# Redis down\n\nThe cache stops answering.\n\nMore."),
            QStringLiteral("/x/redis-down.md"));
        QCOMPARE(parsed.meta.title, QStringLiteral("Redis down"));
        QCOMPARE(parsed.meta.description, QStringLiteral("Intro line"));
    }

    void titleFallsBackToTheFileName()
    {
        const auto parsed = parseRunbook(QStringLiteral("Names stop resolving.\nAt all."),
                                         QStringLiteral("/x/dns-failure.md"));
        QCOMPARE(parsed.meta.title, QStringLiteral("Dns failure"));
        QCOMPARE(parsed.meta.description, QStringLiteral("Names stop resolving. At all."));
    }

    void sectionPageTakesItsFolderName()
    {
        const auto parsed =
            parseRunbook(QStringLiteral("Some text."), QStringLiteral("/x/databases/_index.md"));
        QCOMPARE(parsed.meta.title, QStringLiteral("Databases"));
        QVERIFY(isSectionPage(QStringLiteral("README.md")));
        QVERIFY(isSectionPage(QStringLiteral("_index.md")));
        QVERIFY(!isSectionPage(QStringLiteral("readme-first.md")));
    }

    void frontMatterBeatsTheContent()
    {
        const auto parsed = parseRunbook(
            QStringLiteral("---\ntitle: From front matter\n---\n# From heading\n\nPara."),
            QStringLiteral("/x/a.md"));
        QCOMPARE(parsed.meta.title, QStringLiteral("From front matter"));
        QCOMPARE(parsed.meta.description, QStringLiteral("Para."));
    }
};

QTEST_GUILESS_MAIN(TestFrontMatter)
#include "test_front_matter.moc"
