#include "RunbookTestSupport.h"
#include "storage/Migrations.h"
#include "storage/Sql.h"

#include <QSaveFile>

using namespace ic;
using namespace ic::runbooks;

class TestRunbookLibrary : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_database;
    QString m_hugo, m_plain;

    RunbookLibrary library() const { return RunbookLibrary(m_database->connection()); }
    ScanReport sync() const { return library().sync({m_hugo, m_plain}); }
    ScanReport refresh() const { return library().refresh({m_hugo, m_plain}); }
    // Past the window in which a folder changed too recently for its stamp to be trusted.
    static void settle() { QTest::qWait(2100); }

    // Runbooks about other things, so that the words a test looks for are rare (bm25 gives
    // a word in most rows almost no weight).
    void writeFillers(int count, const QByteArray &extraWord = {})
    {
        for (int i = 0; i < count; ++i)
            QVERIFY(test::writeFile(m_plain + QStringLiteral("/filler-%1.md").arg(i),
                                    "# Filler " + QByteArray::number(i) +
                                        "\n\nQueues, pools and disks " + extraWord +
                                        " with their owners and schedules.\n"));
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        QDir(m_dir.path()).removeRecursively();
        QDir().mkpath(m_dir.path());
        m_database = test::openScratchDatabase(m_dir);
        QVERIFY(m_database);
        m_hugo = m_dir.filePath(QStringLiteral("hugo/content"));
        m_plain = m_dir.filePath(QStringLiteral("plain"));
        QVERIFY(test::copyFixture(QStringLiteral("hugo"), m_dir.filePath(QStringLiteral("hugo"))));
        QVERIFY(test::copyFixture(QStringLiteral("plain"), m_plain));
    }

    void cleanup() { m_database.reset(); }

    void indexesHugoAndPlainTreesUnchanged()
    {
        const ScanReport report = sync();
        QVERIFY2(report.error.isEmpty(), qPrintable(report.error));
        QCOMPARE(report.added, 7);
        QVERIFY(report.problems.empty());
        const auto crash = library().find(QStringLiteral("runbooks/kube-pod-crash-looping"));
        QVERIFY(crash);
        QCOMPARE(crash->meta.title, QStringLiteral("Pod keeps restarting"));
        QCOMPARE(crash->meta.owner, QStringLiteral("platform-team"));
        QCOMPARE(crash->meta.extra.value(QStringLiteral("weight")).toString(),
                 QStringLiteral("20"));
        const auto section = library().find(QStringLiteral("runbooks/database"));
        QVERIFY(section);
        QVERIFY(section->isSection);
        QCOMPARE(section->meta.title, QStringLiteral("Database runbooks"));
        const auto index = library().find(QStringLiteral("index"));
        QVERIFY(index);
        QCOMPARE(index->meta.title, QStringLiteral("Team runbooks"));
        QCOMPARE(library().find(QStringLiteral("network/dns-failure"))->meta.title,
                 QStringLiteral("Dns failure"));
        QCOMPARE(library().find(QStringLiteral("disk-full"))->meta.description,
                 QStringLiteral("When a volume passes ninety percent, writes start failing soon "
                                "after."));
        // Section pages come after the runbooks in the list.
        const auto all = library().list();
        QCOMPARE(int(all.size()), 7);
        QVERIFY(!all.front().isSection);
        QVERIFY(all.back().isSection);
    }

    void findsByTitleBodyAliasAndFileName()
    {
        sync();
        const QString crash = QStringLiteral("runbooks/kube-pod-crash-looping");
        QCOMPARE(test::hitIds(library().search(QStringLiteral("KubePodCrashLooping"))).value(0),
                 crash);
        QCOMPARE(test::hitIds(library().search(QStringLiteral("crash looping"))).value(0), crash);
        QCOMPARE(test::hitIds(library().search(QStringLiteral("CrashLoopBackOff"))).value(0),
                 crash);
        QCOMPARE(test::hitIds(library().search(QStringLiteral("restar"))).value(0), crash);
        QCOMPARE(test::hitIds(library().search(QStringLiteral("dns-failure.md"))).value(0),
                 QStringLiteral("network/dns-failure"));
        QCOMPARE(test::hitIds(library().search(QStringLiteral("pg_isready"))).value(0),
                 QStringLiteral("runbooks/database/replication-lag"));
        QVERIFY(library().search(QStringLiteral("zzzzqqq")).empty());
    }

    void snippetsHighlightTheMatch()
    {
        sync();
        const auto hits = library().search(QStringLiteral("ninety"));
        QCOMPARE(int(hits.size()), 1);
        QVERIFY(
            hits[0].snippet.contains(highlightOpen + QStringLiteral("ninety") + highlightClose));
        QVERIFY(!hits[0].fuzzy);
    }

    void typosFallBackToCloseMatches()
    {
        sync();
        const auto hits = library().search(QStringLiteral("replcation"));
        QVERIFY(!hits.empty());
        QCOMPARE(hits[0].id, QStringLiteral("runbooks/database/replication-lag"));
        QVERIFY(hits[0].fuzzy);
    }

    void titleOutranksBody()
    {
        QVERIFY(test::writeFile(m_plain + QStringLiteral("/aaa-body.md"),
                                "# Other things\n\nRedis redis redis is mentioned here, redis.\n"));
        QVERIFY(test::writeFile(m_plain + QStringLiteral("/zzz-title.md"),
                                "# Redis outage\n\nThe cache is gone.\n"));
        sync();
        const QStringList ids = test::hitIds(library().search(QStringLiteral("redis")));
        QCOMPARE(ids, (QStringList{QStringLiteral("zzz-title"), QStringLiteral("aaa-body")}));
    }

    // Ranking quality: each of these fails when a signal of bm25 is lost (word frequency,
    // length, rarity, field weights) or the tiers blur.
    void moreMentionsRankHigher()
    {
        writeFillers(8);
        // Same length; the later file name, so a tie would put it second.
        QVERIFY(test::writeFile(m_plain + QStringLiteral("/aa-once.md"),
                                "# Cache remarks\n\nThe varnish layer sits in front of the "
                                "shop and keeps pages for a while before it asks again.\n"));
        QVERIFY(test::writeFile(m_plain + QStringLiteral("/zz-often.md"),
                                "# Cache notes\n\nThe varnish layer: varnish keeps pages, "
                                "varnish asks again, varnish restarts, varnish logs it.\n"));
        sync();
        const QStringList ids = test::hitIds(library().search(QStringLiteral("varnish")));
        QCOMPARE(ids, (QStringList{QStringLiteral("zz-often"), QStringLiteral("aa-once")}));
    }

    void shorterRunbookRanksHigherAtEqualMentions()
    {
        writeFillers(8);
        QByteArray longText = "# Notes\n\nThe varnish layer is mentioned once here.";
        for (int i = 0; i < 40; ++i)
            longText += " Unrelated words about queues, pools, disks and their owners.";
        QVERIFY(test::writeFile(m_plain + QStringLiteral("/aa-long.md"), longText + '\n'));
        QVERIFY(test::writeFile(m_plain + QStringLiteral("/zz-short.md"),
                                "# Remarks\n\nThe varnish layer is mentioned once here.\n"));
        sync();
        const QStringList ids = test::hitIds(library().search(QStringLiteral("varnish")));
        QCOMPARE(ids, (QStringList{QStringLiteral("zz-short"), QStringLiteral("aa-long")}));
    }

    void rareWordsInHeavierFieldsRankHigher()
    {
        // "gamma" is in every runbook, so it hardly counts; "alpha" in two. The runbook with
        // the rare word in its description (weight 2, not 1) comes first.
        writeFillers(8, "gamma");
        QVERIFY(test::writeFile(m_plain + QStringLiteral("/aa-first.md"),
                                "---\ndescription: About gamma.\n---\n# One\n\nAlpha here.\n"));
        QVERIFY(test::writeFile(m_plain + QStringLiteral("/zz-second.md"),
                                "---\ndescription: About alpha.\n---\n# Two\n\nGamma here.\n"));
        sync();
        const QStringList ids = test::hitIds(library().search(QStringLiteral("alpha gamma ")));
        QCOMPARE(ids, (QStringList{QStringLiteral("zz-second"), QStringLiteral("aa-first")}));
    }

    void tagsAndFileNamesOutrankTheBody()
    {
        writeFillers(8);
        QVERIFY(test::writeFile(m_plain + QStringLiteral("/aa-body.md"),
                                "# One\n\nThe varnish layer.\n"));
        QVERIFY(test::writeFile(m_plain + QStringLiteral("/zz-tagged.md"),
                                "---\ntags: [varnish]\n---\n# Two\n\nThe cache layer.\n"));
        QVERIFY(test::writeFile(m_plain + QStringLiteral("/varnish.md"),
                                "# Three\n\nThe cache layer.\n"));
        sync();
        const QStringList ids = test::hitIds(library().search(QStringLiteral("varnish")));
        QCOMPARE(ids.size(), 3);
        QCOMPARE(ids.last(), QStringLiteral("aa-body"));
    }

    void titleTierFillsThePageBeforeAnyBody()
    {
        writeFillers(8);
        QVERIFY(test::writeFile(m_plain + QStringLiteral("/aa-body.md"),
                                "# Other\n\nRedis redis redis, and redis again.\n"));
        QVERIFY(test::writeFile(m_plain + QStringLiteral("/redis-outage.md"),
                                "# Redis outage\n\nThe cache is gone.\n"));
        QVERIFY(
            test::writeFile(m_plain + QStringLiteral("/redis-latency.md"),
                            "---\naliases: [RedisSlowlog]\n---\n# Slow cache\n\nIt is slow.\n"));
        sync();
        // An alias counts as a title; the body-only runbook comes after both, or not at all
        // when the titles fill the page.
        QCOMPARE(test::hitIds(library().search(QStringLiteral("redis"), 2)).size(), 2);
        QVERIFY(!test::hitIds(library().search(QStringLiteral("redis"), 2))
                     .contains(QStringLiteral("aa-body")));
        const QStringList three = test::hitIds(library().search(QStringLiteral("redis"), 3));
        QCOMPARE(three.value(2), QStringLiteral("aa-body"));
        QCOMPARE(three.value(0), QStringLiteral("redis-outage"));
    }

    void prefixesOfSeveralWordsWhileTyping()
    {
        sync();
        const QString crash = QStringLiteral("runbooks/kube-pod-crash-looping");
        // The alert name's parts are part of the title tier.
        QCOMPARE(test::hitIds(library().search(QStringLiteral("kube po"))).value(0), crash);
        QCOMPARE(test::hitIds(library().search(QStringLiteral("pod resta"))).value(0), crash);
        QCOMPARE(test::hitIds(library().search(QStringLiteral("replication l"))).value(0),
                 QStringLiteral("runbooks/database/replication-lag"));
    }

    void snippetsHighlightCamelCasePartsAndPrefixes()
    {
        sync();
        const auto hits = library().search(QStringLiteral("rollo"));
        QVERIFY(!hits.empty());
        QVERIFY2(
            hits[0].snippet.contains(highlightOpen + QStringLiteral("rollout") + highlightClose),
            qPrintable(hits[0].snippet));
    }

    void upgradeFromSchema6KeepsIdsAndRebuildsTheIndex()
    {
        // A database as the previous console left it: schema 6, one runbook indexed with a
        // positional index and no title index or lengths.
        const QString path = m_dir.filePath(QStringLiteral("v6.db"));
        const QString disk = m_plain + QStringLiteral("/disk-full.md");
        const QFileInfo info(disk);
        {
            QSqlDatabase raw =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v6"));
            raw.setDatabaseName(path);
            QVERIFY(raw.open());
            for (const Migration &migration : schemaMigrations()) {
                for (const char *statement : migration.statements) {
                    if (migration.version <= 6)
                        QVERIFY(sql::exec(raw, QString::fromUtf8(statement)));
                }
            }
            QVERIFY(sql::exec(raw, QStringLiteral("PRAGMA user_version = 6")));
            QVERIFY(sql::exec(
                raw,
                QStringLiteral("INSERT INTO runbooks (num, id, path, root, rel_path, size, "
                               "modified_ms, hash, title, indexed_at) VALUES (7, 'kept-id', ?, "
                               "?, 'disk-full.md', ?, ?, 'old', 'Disk almost full on a host', "
                               "'2024-01-01T00:00:00Z')"),
                {disk, m_plain, info.size(), info.lastModified().toMSecsSinceEpoch()}));
            QVERIFY(sql::exec(raw, QStringLiteral("INSERT INTO runbooks_fts (rowid, title, body) "
                                                  "VALUES (7, 'Disk almost full on a host', "
                                                  "'ninety percent')")));
            raw.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("v6"));
        DatabaseOpenResult result;
        auto upgraded = Database::open(path, &result);
        QVERIFY2(upgraded, qPrintable(result.message));
        QCOMPARE(upgraded->schemaVersion(), latestSchemaVersion());
        RunbookLibrary upgradedLibrary(upgraded->connection());
        const ScanReport report = upgradedLibrary.sync({m_plain});
        QVERIFY2(report.error.isEmpty(), qPrintable(report.error));
        // Parsed again although size and time match: the upgrade marked it.
        QCOMPARE(report.updated, 1);
        QCOMPARE(upgradedLibrary.find(QStringLiteral("kept-id"))->path, disk);
        QCOMPARE(test::hitIds(upgradedLibrary.search(QStringLiteral("ninety"))),
                 QStringList{QStringLiteral("kept-id")});
        QCOMPARE(test::hitIds(upgradedLibrary.search(QStringLiteral("Disk almost"))).value(0),
                 QStringLiteral("kept-id"));
    }

    void sectionPagesRankBelowRunbooks()
    {
        sync();
        const QStringList ids = test::hitIds(library().search(QStringLiteral("disk")));
        QCOMPARE(ids.value(0), QStringLiteral("disk-full"));
        QVERIFY(ids.contains(QStringLiteral("index")));
    }

    void rescanParsesOnlyChangedFiles()
    {
        QCOMPARE(sync().added, 7);
        ScanReport again = sync();
        QCOMPARE(again.unchanged, 7);
        QCOMPARE(again.added + again.updated + again.touched + again.removed, 0);

        const QString disk = m_plain + QStringLiteral("/disk-full.md");
        QVERIFY(test::writeFile(disk, "# Volume full\n\nNew text about inodes.\n"));
        QVERIFY(test::setModified(disk, QDateTime::currentDateTime().addSecs(5)));
        again = sync();
        QCOMPARE(again.updated, 1);
        QCOMPARE(again.unchanged, 6);
        QCOMPARE(library().find(QStringLiteral("disk-full"))->meta.title,
                 QStringLiteral("Volume full"));
        QCOMPARE(test::hitIds(library().search(QStringLiteral("inodes"))),
                 QStringList{QStringLiteral("disk-full")});
        QVERIFY(library().search(QStringLiteral("ninety")).empty());

        // Touched but not edited: the hash says so, nothing is parsed.
        QVERIFY(test::setModified(disk, QDateTime::currentDateTime().addSecs(60)));
        again = sync();
        QCOMPARE(again.touched, 1);
        QCOMPARE(again.updated, 0);

        QVERIFY(QFile::remove(disk));
        again = sync();
        QCOMPARE(again.removed, 1);
        QVERIFY(!library().find(QStringLiteral("disk-full")));
        QVERIFY(library().search(QStringLiteral("inodes")).empty());
    }

    void staleWhenOlderThanItsReviewInterval()
    {
        sync();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        // last_reviewed 2020-01-15 with review_every 90d.
        QVERIFY(library().find(QStringLiteral("runbooks/kube-pod-crash-looping"))->isStale(now));
        // No last_reviewed: never stale, however old the file (a clone of a repository
        // without review data used to be stale from top to bottom).
        QVERIFY(!library().find(QStringLiteral("disk-full"))->isStale(now));
        QVERIFY(test::setModified(m_plain + QStringLiteral("/disk-full.md"), now.addDays(-400)));
        sync();
        const auto disk = library().find(QStringLiteral("disk-full"));
        QVERIFY(!disk->isStale(now));
        QVERIFY(!disk->meta.lastReviewed.isValid());
    }

    void exposesTasksWithHeadingPaths()
    {
        sync();
        const auto tasks = library().tasks(QStringLiteral("runbooks/kube-pod-crash-looping"));
        QCOMPARE(int(tasks.size()), 4);
        QCOMPARE(tasks[0].text, QStringLiteral("Find the pods that restart"));
        QCOMPARE(tasks[0].headingPath, (QStringList{QStringLiteral("Pod keeps restarting"),
                                                    QStringLiteral("Investigation")}));
        QCOMPARE(tasks[0].line, 22);
        QVERIFY(tasks[2].done);
        QCOMPARE(tasks[3].text,
                 QStringLiteral("Roll back with kubectl rollout undo deploy/orders -n orders"));
        QCOMPARE(tasks[3].headingPath.last(), QStringLiteral("Roll back"));
        QVERIFY(library().tasks(QStringLiteral("no-such-runbook")).empty());
    }

    void sameIdInTwoFoldersStaysDistinct()
    {
        const QString other = m_dir.filePath(QStringLiteral("team-b"));
        QDir().mkpath(other);
        QVERIFY(test::writeFile(other + QStringLiteral("/disk-full.md"), "# Team B disk full\n"));
        const ScanReport report = library().sync({m_plain, other});
        QCOMPARE(report.added, 4);
        QCOMPARE(library().find(QStringLiteral("disk-full"))->meta.title,
                 QStringLiteral("Disk almost full on a host"));
        QCOMPARE(library().find(QStringLiteral("team-b/disk-full"))->meta.title,
                 QStringLiteral("Team B disk full"));
    }

    void cancelledSyncKeepsWhatItHad()
    {
        QCOMPARE(sync().added, 7);
        QVERIFY(QFile::remove(m_plain + QStringLiteral("/disk-full.md")));
        const std::atomic<bool> cancel{true};
        const ScanReport report = library().sync({m_hugo, m_plain}, &cancel);
        QVERIFY(report.cancelled);
        QVERIFY(report.error.isEmpty());
        // Not reached, so not judged: the vanished file stays until a full scan.
        QCOMPARE(report.removed, 0);
        QVERIFY(library().find(QStringLiteral("disk-full")));
        QCOMPARE(sync().removed, 1);
    }

    // A watched scan reports its progress after each committed batch, and what those batches
    // hold is searchable from another connection (the window's search thread) before the scan
    // ends, ranked as it will be; a cancel keeps what was indexed and the next scan does the
    // rest.
    void aWatchedScanIsSearchableWhileItRunsAndCanBeCancelled()
    {
        writeFillers(3000);
        QString error;
        std::unique_ptr<Database> reader =
            Database::openAdditional(m_dir.filePath(QStringLiteral("console.db")), &error);
        QVERIFY2(reader, qPrintable(error));
        RunbookLibrary searching(reader->connection());
        std::vector<std::pair<int, int>> reports;
        std::vector<SearchHit> foundMidway;
        std::atomic<bool> cancel{false};
        const ScanReport first =
            library().sync({m_hugo, m_plain}, &cancel, [&](int done, int total) {
                reports.emplace_back(done, total);
                // The second batch: the hugo tree (walked first) is in, the fillers are not.
                if (reports.size() == 2) {
                    foundMidway = searching.search(QStringLiteral("restarting"));
                    cancel = true;
                }
            });
        QVERIFY(first.cancelled);
        QVERIFY2(reports.size() >= 2, qPrintable(QString::number(reports.size())));
        QCOMPARE(reports.front().first, 0);
        const int total = reports.front().second;
        QCOMPARE(total, 3007);
        QVERIFY(reports[1].first > 0 && reports[1].first < total);
        QVERIFY(!foundMidway.empty());
        QCOMPARE(foundMidway.front().title, QStringLiteral("Pod keeps restarting"));
        QVERIFY(std::isfinite(foundMidway.front().score));
        const int indexed = int(library().list().size());
        QVERIFY2(indexed >= reports[1].first && indexed < total,
                 qPrintable(QString::number(indexed)));

        // A cancelled scan never leaves its folders trusted: the next refresh scans them all.
        const ScanReport resumed = refresh();
        QVERIFY(resumed.fullScan);
        QCOMPARE(int(library().list().size()), total);

        // A watched scan says when it is done.
        reports.clear();
        const ScanReport second =
            library().sync({m_hugo, m_plain}, nullptr,
                           [&](int done, int all) { reports.emplace_back(done, all); });
        QVERIFY(!second.cancelled);
        QCOMPARE(reports.back(), std::make_pair(total, total));
    }

    // refresh(): folders whose entries changed are listed again, the others trusted.
    void refreshTrustsFoldersWhoseEntriesDidNotChange()
    {
        QVERIFY(sync().error.isEmpty());
        // The folders were written just now: too recently for their stamps to be trusted
        // (another change in the same clock tick would not move them), so the first refresh
        // after the racy window lists them once more, and from then on they are trusted.
        settle();
        QVERIFY(refresh().error.isEmpty());
        const ScanReport trusted = refresh();
        QVERIFY(!trusted.fullScan);
        QVERIFY(trusted.foldersChecked >= 5);
        QCOMPARE(trusted.foldersRescanned, 0);
        QCOMPARE(trusted.added + trusted.updated + trusted.touched + trusted.removed, 0);
    }

    void refreshSeesAddedReplacedAndRemovedRunbooks()
    {
        QVERIFY(sync().error.isEmpty());
        settle();
        refresh();
        const QString bgp = m_plain + QStringLiteral("/network/bgp.md");
        QVERIFY(test::writeFile(bgp, "# BGP session down\n\nPeers flap.\n"));
        ScanReport report = refresh();
        QCOMPARE(report.added, 1);
        QCOMPARE(report.foldersRescanned, 1);
        QCOMPARE(test::hitIds(library().search(QStringLiteral("flap"))),
                 QStringList{QStringLiteral("network/bgp")});

        // Saved as editors, git and sed -i save: a new file renamed over the old one.
        QSaveFile replacement(bgp);
        QVERIFY(replacement.open(QIODevice::WriteOnly));
        replacement.write("# BGP session down\n\nRoutes leak.\n");
        QVERIFY(replacement.commit());
        report = refresh();
        QCOMPARE(report.updated, 1);
        QVERIFY(library().search(QStringLiteral("flap")).empty());
        QCOMPARE(test::hitIds(library().search(QStringLiteral("leak"))),
                 QStringList{QStringLiteral("network/bgp")});

        QVERIFY(QFile::remove(bgp));
        QCOMPARE(refresh().removed, 1);
        QVERIFY(library().search(QStringLiteral("leak")).empty());
        QVERIFY(!library().find(QStringLiteral("network/bgp")));

        // A new folder is walked whole; a vanished one takes its runbooks with it.
        QVERIFY(QDir().mkpath(m_plain + QStringLiteral("/storage/ceph")));
        QVERIFY(test::writeFile(m_plain + QStringLiteral("/storage/ceph/osd-down.md"),
                                "# OSD down\n\nPlacement groups degrade.\n"));
        QCOMPARE(refresh().added, 1);
        QCOMPARE(test::hitIds(library().search(QStringLiteral("placement"))),
                 QStringList{QStringLiteral("storage/ceph/osd-down")});
        QVERIFY(QDir(m_plain + QStringLiteral("/storage")).removeRecursively());
        QCOMPARE(refresh().removed, 1);
        QVERIFY(library().search(QStringLiteral("placement")).empty());
        // What refresh kept equals what a full scan finds.
        const ScanReport full = sync();
        QCOMPARE(full.added + full.updated + full.removed, 0);
    }

    void refreshScansEverythingForOtherRootsOrARootThatCameBack()
    {
        QCOMPARE(sync().added, 7);
        ScanReport report = library().refresh({m_plain});
        QVERIFY(report.fullScan);
        QCOMPARE(report.removed, 4);
        const QString later = m_dir.filePath(QStringLiteral("later"));
        report = library().refresh({m_plain, later});
        QVERIFY(report.fullScan);
        QVERIFY(test::problemFor(report, QStringLiteral("later")));
        QVERIFY(QDir().mkpath(later));
        QVERIFY(test::writeFile(later + QStringLiteral("/late.md"), "# Late\n"));
        report = library().refresh({m_plain, later});
        QVERIFY(report.fullScan);
        QCOMPARE(report.added, 1);
    }

    void problemsOfRescannedFoldersAreReplacedOthersKept()
    {
        QVERIFY(test::writeFile(m_plain + QStringLiteral("/empty.md"), ""));
        QVERIFY(test::writeFile(m_plain + QStringLiteral("/network/blank.md"), ""));
        QCOMPARE(sync().problems.size(), std::size_t(2));
        settle();
        refresh();
        QVERIFY(QFile::remove(m_plain + QStringLiteral("/network/blank.md")));
        refresh();
        const auto problems = library().problems();
        QCOMPARE(int(problems.size()), 1);
        QVERIFY(problems.front().path.endsWith(QStringLiteral("/empty.md")));
        QCOMPARE(library().problemCount(), 1);
    }

    void rootsStartWithTheBundledFolderWithoutDuplicates()
    {
        const QStringList roots = runbookRoots({m_plain, m_plain + QStringLiteral("/"), m_hugo});
        QCOMPARE(roots.count(m_plain), 1);
        QVERIFY(roots.contains(m_hugo));
    }
};

QTEST_GUILESS_MAIN(TestRunbookLibrary)
#include "test_runbook_library.moc"
