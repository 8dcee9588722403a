#include "TestSupport.h"
#include "core/Settings.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace ic;

// `incident-console runbooks ...` through the real executable, on the fixture folders.
class TestRunbooksCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    test::RunResult run(QStringList args) const
    {
        args.prepend(QStringLiteral("runbooks"));
        args << QStringLiteral("--data-dir") << m_dir.filePath(QStringLiteral("data"))
             << QStringLiteral("--runbooks") << QStringLiteral(RUNBOOK_FIXTURES "/hugo/content")
             << QStringLiteral("--runbooks") << QStringLiteral(RUNBOOK_FIXTURES "/plain");
        // An empty bundled set, so only the fixtures are indexed.
        return test::runConsole(args, {{QStringLiteral("INCIDENT_CONSOLE_BUNDLED_RUNBOOKS"),
                                        m_dir.filePath(QStringLiteral("no-bundled"))}});
    }

    static QJsonArray jsonArray(const QString &text)
    {
        return QJsonDocument::fromJson(text.toUtf8()).array();
    }

    static QJsonObject byId(const QJsonArray &array, const QString &id)
    {
        for (const auto &value : array) {
            if (value.toObject().value(QStringLiteral("id")).toString() == id)
                return value.toObject();
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("no-bundled"))); }

    void foldersFromTheSettingsAreIndexed()
    {
        const QString dataDir = m_dir.filePath(QStringLiteral("from-settings"));
        {
            Settings settings(dataDir);
            settings.set(settings::runbookFolders,
                         QStringList{QStringLiteral(RUNBOOK_FIXTURES "/plain")});
            QVERIFY(settings.sync());
        }
        const auto result =
            test::runConsole({QStringLiteral("runbooks"), QStringLiteral("list"),
                              QStringLiteral("--json"), QStringLiteral("--data-dir"), dataDir},
                             {{QStringLiteral("INCIDENT_CONSOLE_BUNDLED_RUNBOOKS"),
                               m_dir.filePath(QStringLiteral("no-bundled"))}});
        QCOMPARE(result.exitCode, 0);
        const QJsonArray list = jsonArray(result.out);
        QVERIFY2(!list.isEmpty(), qPrintable(result.out + result.err));
        for (const auto &value : list)
            QVERIFY(value.toObject()
                        .value(QStringLiteral("path"))
                        .toString()
                        .contains(QStringLiteral("/plain/")));
    }

    void bundledSetIndexesCleanly()
    {
        const auto result = test::runConsole(
            {QStringLiteral("runbooks"), QStringLiteral("reindex"), QStringLiteral("--json"),
             QStringLiteral("--data-dir"), m_dir.filePath(QStringLiteral("bundled"))});
        QCOMPARE(result.exitCode, 0);
        const QJsonObject report = QJsonDocument::fromJson(result.out.toUtf8()).object();
        // The tree ships its runbooks: none found means the bundled set went missing.
        QVERIFY2(report.value(QStringLiteral("indexed")).toInt() >= 20, qPrintable(result.out));
        QVERIFY2(report.value(QStringLiteral("problems")).toArray().isEmpty(),
                 qPrintable(result.out));
        const auto list = test::runConsole({QStringLiteral("runbooks"), QStringLiteral("list"),
                                            QStringLiteral("--json"), QStringLiteral("--data-dir"),
                                            m_dir.filePath(QStringLiteral("bundled"))});
        for (const auto &value : jsonArray(list.out)) {
            const QString title = value.toObject().value(QStringLiteral("title")).toString();
            QVERIFY(!title.isEmpty());
            QVERIFY2(!title.contains(QLatin1Char('-')) || title.contains(QLatin1Char(' ')),
                     qPrintable(title));
        }
    }

    void listAsJsonHasTheIssueFields()
    {
        const auto result = run({QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(result.exitCode, 0);
        const QJsonArray list = jsonArray(result.out);
        const QJsonObject crash = byId(list, QStringLiteral("runbooks/kube-pod-crash-looping"));
        QVERIFY2(!crash.isEmpty(), qPrintable(result.out + result.err));
        for (const char *field : {"id", "path", "title", "description", "tags", "severity", "owner",
                                  "last_reviewed", "stale"})
            QVERIFY2(crash.contains(QLatin1String(field)), field);
        QCOMPARE(crash.value(QStringLiteral("title")).toString(),
                 QStringLiteral("Pod keeps restarting"));
        QCOMPARE(crash.value(QStringLiteral("last_reviewed")).toString(),
                 QStringLiteral("2020-01-15"));
        QVERIFY(crash.value(QStringLiteral("stale")).toBool());
        QCOMPARE(crash.value(QStringLiteral("tags")).toArray().size(), 2);
        QVERIFY(!byId(list, QStringLiteral("disk-full")).isEmpty());
    }

    void searchAsJsonRanksAndHighlights()
    {
        const auto result = run(
            {QStringLiteral("search"), QStringLiteral("pod restart"), QStringLiteral("--json")});
        QCOMPARE(result.exitCode, 0);
        const QJsonArray hits = jsonArray(result.out);
        QVERIFY(!hits.isEmpty());
        const QJsonObject first = hits.first().toObject();
        QCOMPARE(first.value(QStringLiteral("id")).toString(),
                 QStringLiteral("runbooks/kube-pod-crash-looping"));
        QVERIFY(first.value(QStringLiteral("score")).toDouble() > 0);
        QVERIFY(first.value(QStringLiteral("snippet")).toString().contains(QStringLiteral("**")));
        QVERIFY(first.contains(QStringLiteral("path")));
        QVERIFY(first.contains(QStringLiteral("title")));
    }

    void showPrintsMarkdownOrHtml()
    {
        const auto markdown = run({QStringLiteral("show"), QStringLiteral("disk-full")});
        QCOMPARE(markdown.exitCode, 0);
        QVERIFY(markdown.out.startsWith(QStringLiteral("# Disk almost full on a host")));
        const auto html =
            run({QStringLiteral("show"), QStringLiteral("disk-full"), QStringLiteral("--html")});
        QCOMPARE(html.exitCode, 0);
        QVERIFY(html.out.contains(QStringLiteral("<h1>")));
        QVERIFY(html.out.contains(QStringLiteral("copy:0")));
    }

    void showAsJsonHasTheRunbookAndItsHtml()
    {
        const auto result = run({QStringLiteral("show"), QStringLiteral("disk-full"),
                                 QStringLiteral("--json"), QStringLiteral("--html")});
        QCOMPARE(result.exitCode, 0);
        const QJsonObject shown = QJsonDocument::fromJson(result.out.toUtf8()).object();
        QCOMPARE(shown.value(QStringLiteral("id")).toString(), QStringLiteral("disk-full"));
        QCOMPARE(shown.value(QStringLiteral("title")).toString(),
                 QStringLiteral("Disk almost full on a host"));
        QVERIFY(shown.value(QStringLiteral("markdown"))
                    .toString()
                    .startsWith(QStringLiteral("# Disk almost full on a host")));
        QVERIFY(shown.value(QStringLiteral("html")).toString().contains(QStringLiteral("<h1>")));
        QVERIFY(shown.value(QStringLiteral("path")).toString().endsWith(QStringLiteral(".md")));
    }

    void showUnknownIdSuggests()
    {
        const auto result = run({QStringLiteral("show"), QStringLiteral("disk-ful")});
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.err.contains(QStringLiteral("disk-ful")));
        QVERIFY(result.err.contains(QStringLiteral("did you mean: disk-full")));
    }

    void reindexReportsCountsAndProblems()
    {
        QTemporaryDir extra;
        QVERIFY(test::writeFile(extra.filePath(QStringLiteral("empty.md")), ""));
        QVERIFY(test::writeFile(extra.filePath(QStringLiteral("ok.md")), "# OK\n"));
        const auto result = run({QStringLiteral("reindex"), QStringLiteral("--runbooks"),
                                 extra.path(), QStringLiteral("--json")});
        QCOMPARE(result.exitCode, 0);
        const QJsonObject report = QJsonDocument::fromJson(result.out.toUtf8()).object();
        QVERIFY(report.value(QStringLiteral("indexed")).toInt() >= 8);
        const QJsonArray problems = report.value(QStringLiteral("problems")).toArray();
        QCOMPARE(problems.size(), 1);
        QVERIFY(problems.first()
                    .toObject()
                    .value(QStringLiteral("path"))
                    .toString()
                    .endsWith(QStringLiteral("empty.md")));
        const auto text =
            run({QStringLiteral("reindex"), QStringLiteral("--runbooks"), extra.path()});
        QVERIFY(text.out.contains(QStringLiteral("not indexed: ")));
        QVERIFY(text.out.contains(QStringLiteral("empty file")));
    }

    // list, search and show trust the index and look again only into folders whose entries
    // changed: what was added, saved over or removed is right on the next call.
    void searchSeesAddedReplacedAndRemovedRunbooks()
    {
        QTemporaryDir folder;
        const QString data = m_dir.filePath(QStringLiteral("fresh"));
        const auto hits = [&](const QString &query) {
            const auto result =
                test::runConsole({QStringLiteral("runbooks"), QStringLiteral("search"), query,
                                  QStringLiteral("--json"), QStringLiteral("--data-dir"), data,
                                  QStringLiteral("--runbooks"), folder.path()},
                                 {{QStringLiteral("INCIDENT_CONSOLE_BUNDLED_RUNBOOKS"),
                                   m_dir.filePath(QStringLiteral("no-bundled"))}});
            QStringList ids;
            for (const auto &hit : jsonArray(result.out))
                ids << hit.toObject().value(QStringLiteral("id")).toString();
            return ids;
        };
        QVERIFY(test::writeFile(folder.filePath(QStringLiteral("a.md")),
                                "# Alpha\n\nThe okapi grazes.\n"));
        QCOMPARE(hits(QStringLiteral("okapi")), QStringList{QStringLiteral("a")});
        QVERIFY(test::writeFile(folder.filePath(QStringLiteral("b.md")),
                                "# Beta\n\nA zebrafish swims.\n"));
        QCOMPARE(hits(QStringLiteral("zebrafish")), QStringList{QStringLiteral("b")});
        QSaveFile replacement(folder.filePath(QStringLiteral("b.md")));
        QVERIFY(replacement.open(QIODevice::WriteOnly));
        replacement.write("# Beta\n\nA quokka hops.\n");
        QVERIFY(replacement.commit());
        QCOMPARE(hits(QStringLiteral("zebrafish")), QStringList());
        QCOMPARE(hits(QStringLiteral("quokka")), QStringList{QStringLiteral("b")});
        QVERIFY(QFile::remove(folder.filePath(QStringLiteral("a.md"))));
        QCOMPARE(hits(QStringLiteral("okapi")), QStringList());
        QVERIFY(QDir(folder.path()).mkpath(QStringLiteral("sea/arctic")));
        QVERIFY(test::writeFile(folder.filePath(QStringLiteral("sea/arctic/c.md")),
                                "# Gamma\n\nA narwhal surfaces.\n"));
        QCOMPARE(hits(QStringLiteral("narwhal")), QStringList{QStringLiteral("sea/arctic/c")});
        QVERIFY(QDir(folder.filePath(QStringLiteral("sea"))).removeRecursively());
        QCOMPARE(hits(QStringLiteral("narwhal")), QStringList());
        // reindex reads every file: it also sees one rewritten in place.
        QVERIFY(test::writeFile(folder.filePath(QStringLiteral("b.md")),
                                "# Beta\n\nA wombat digs here.\n"));
        QVERIFY(test::runConsole({QStringLiteral("runbooks"), QStringLiteral("reindex"),
                                  QStringLiteral("--data-dir"), data, QStringLiteral("--runbooks"),
                                  folder.path()},
                                 {{QStringLiteral("INCIDENT_CONSOLE_BUNDLED_RUNBOOKS"),
                                   m_dir.filePath(QStringLiteral("no-bundled"))}})
                    .exitCode == 0);
        QCOMPARE(hits(QStringLiteral("wombat")), QStringList{QStringLiteral("b")});
    }

    void searchPrintsResultsAndOneLineAboutProblems()
    {
        QTemporaryDir extra;
        QVERIFY(test::writeFile(extra.filePath(QStringLiteral("empty.md")), ""));
        QVERIFY(test::writeFile(extra.filePath(QStringLiteral("broken.md")),
                                "---\ntitle: [unclosed\n---\n# Broken\n"));
        QVERIFY(
            test::writeFile(extra.filePath(QStringLiteral("fine.md")), "# Fine\n\nAll is well.\n"));
        for (int call = 0; call < 2; ++call) {
            const auto result = run({QStringLiteral("search"), QStringLiteral("well"),
                                     QStringLiteral("--runbooks"), extra.path()});
            QCOMPARE(result.exitCode, 0);
            QVERIFY2(result.out.startsWith(QStringLiteral("fine\t")), qPrintable(result.out));
            QCOMPARE(result.err,
                     QStringLiteral("incident-console: 2 runbook files have problems; see: "
                                    "incident-console runbooks problems\n"));
        }
        const auto listed =
            run({QStringLiteral("problems"), QStringLiteral("--runbooks"), extra.path()});
        QCOMPARE(listed.exitCode, 0);
        QVERIFY(listed.out.contains(QStringLiteral("not indexed: ")));
        QVERIFY(listed.out.contains(QStringLiteral("empty.md: empty file")));
        QVERIFY(listed.out.contains(QStringLiteral("broken.md")));
        QVERIFY(listed.err.isEmpty());
        const auto json = run({QStringLiteral("problems"), QStringLiteral("--json"),
                               QStringLiteral("--runbooks"), extra.path()});
        QCOMPARE(jsonArray(json.out).size(), 2);
    }

    void usageErrors()
    {
        QCOMPARE(run({}).exitCode, 2);
        QCOMPARE(run({QStringLiteral("frob")}).exitCode, 2);
        QCOMPARE(run({QStringLiteral("search")}).exitCode, 2);
        QCOMPARE(
            run({QStringLiteral("list"), QStringLiteral("--limit"), QStringLiteral("x")}).exitCode,
            2);
    }
};

QTEST_GUILESS_MAIN(TestRunbooksCli)
#include "test_runbooks_cli.moc"
