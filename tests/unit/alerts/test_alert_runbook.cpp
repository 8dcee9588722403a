#include "TestSupport.h"
#include "alerts/AlertRunbook.h"
#include "runbooks/RunbookLibrary.h"
#include "storage/Database.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace ic;
using namespace ic::alerts;

namespace {

Alert alertWith(const QString &alertname, const QString &runbookUrl = {})
{
    Alert alert;
    alert.labels.insert(QStringLiteral("alertname"), alertname);
    if (!runbookUrl.isEmpty())
        alert.annotations.insert(QStringLiteral("runbook_url"), runbookUrl);
    alert.fingerprint = labelFingerprint(alert.labels);
    return alert;
}

const QString upstream = QStringLiteral("https://runbooks.prometheus-operator.dev/runbooks/");

} // namespace

// runbook_url → a runbook of the local index, against the bundled set and a Hugo-style tree
// like a clone of the kube-prometheus runbook site.
class TestAlertRunbook : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_database;

    std::vector<runbooks::RunbookRecord> index(const QStringList &extra)
    {
        runbooks::RunbookLibrary library(m_database->connection());
        const auto report = library.sync(runbooks::runbookRoots(extra));
        if (!report.error.isEmpty())
            qWarning("%s", qPrintable(report.error));
        return library.list();
    }

    QString hugoTree()
    {
        const QString root = m_dir.filePath(QStringLiteral("site"));
        const QString content = root + QStringLiteral("/content/runbooks");
        QDir().mkpath(content + QStringLiteral("/kubernetes"));
        QDir().mkpath(content + QStringLiteral("/node"));
        test::writeFile(content + QStringLiteral("/_index.md"), "# Runbooks\n");
        test::writeFile(content + QStringLiteral("/kubernetes/_index.md"),
                        "---\ntitle: Kubernetes\n---\nAll kubernetes alerts.\n");
        test::writeFile(content + QStringLiteral("/kubernetes/KubePodCrashLooping.md"),
                        "+++\ntitle = \"Kube Pod Crash Looping\"\n+++\n\n# KubePodCrashLooping\n\n"
                        "## Meaning\n\nPod is in CrashLoop which means the app dies or is "
                        "unresponsive.\n");
        test::writeFile(content + QStringLiteral("/node/NodeFilesystemAlmostOutOfFiles.md"),
                        "# NodeFilesystemAlmostOutOfFiles\n\nInodes are running out.\n");
        return root;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        DatabaseOpenResult result;
        m_database = Database::open(m_dir.filePath(QStringLiteral("console.db")), &result);
        QVERIFY2(m_database, qPrintable(result.message));
    }

    void keysIgnoreCaseAndSeparators()
    {
        QCOMPARE(runbookKey(QStringLiteral("Kube-Pod_Crash looping")),
                 QStringLiteral("kubepodcrashlooping"));
        QCOMPARE(runbookUrlNames(upstream + QStringLiteral("kubernetes/kubepodcrashlooping")),
                 QStringList{QStringLiteral("kubepodcrashlooping")});
        QCOMPARE(runbookUrlNames(QStringLiteral("https://github.com/kubernetes-monitoring/"
                                                "kubernetes-mixin/tree/master/runbook.md"
                                                "#alert-name-kubepodcrashlooping")),
                 QStringList({QStringLiteral("kubepodcrashlooping"), QStringLiteral("runbook")}));
        QCOMPARE(runbookUrlNames(QStringLiteral("https://wiki/ops/Disk%20Full.html")),
                 QStringList{QStringLiteral("Disk Full")});
        QVERIFY(runbookUrlNames({}).isEmpty());
    }

    void upstreamLinkFindsTheBundledRunbookByAlias()
    {
        const RunbookResolver resolver(index({}));
        const RunbookMatch match = resolver.resolve(
            alertWith(QStringLiteral("KubePodCrashLooping"),
                      upstream + QStringLiteral("kubernetes/kubepodcrashlooping")));
        QVERIFY(match.runbook);
        QCOMPARE(match.runbook->id, QStringLiteral("container-crash-loop"));
        QCOMPARE(match.matchedBy, QStringLiteral("runbook_url"));
        QVERIFY(match.problem.isEmpty());
    }

    void fileNamesIdsAndTitlesMatchToo()
    {
        const RunbookResolver resolver(index({}));
        // File name (and id), with another case and separators.
        QCOMPARE(
            resolver.resolve(alertWith(QStringLiteral("X"), QStringLiteral("https://w/Disk_Full")))
                .runbook->id,
            QStringLiteral("disk-full"));
        // Title.
        QCOMPARE(
            resolver
                .resolve(alertWith(QStringLiteral("X"),
                                   QStringLiteral("https://w/high-memory-usage-or-memory-leak")))
                .runbook->id,
            QStringLiteral("high-memory"));
    }

    void alertnameWhenThereIsNoLink()
    {
        const RunbookResolver resolver(index({}));
        const RunbookMatch match =
            resolver.resolve(alertWith(QStringLiteral("NodeFilesystemSpaceFillingUp")));
        QCOMPARE(match.runbook->id, QStringLiteral("disk-full"));
        QCOMPARE(match.matchedBy, QStringLiteral("alertname"));
        QVERIFY(match.problem.isEmpty());
        // A link that names nothing, but the alert's name does.
        const RunbookMatch byName = resolver.resolve(alertWith(
            QStringLiteral("RedisDown"), QStringLiteral("https://wiki.example.com/pages/12345")));
        QCOMPARE(byName.runbook->id, QStringLiteral("redis-cache-failure"));
        QCOMPARE(byName.matchedBy, QStringLiteral("alertname"));
    }

    void deadLinksSayWhatIsClosest()
    {
        const RunbookResolver resolver(index({}));
        const QString url = upstream + QStringLiteral("kubernetes/kubepodcrashloopin");
        const RunbookMatch match = resolver.resolve(alertWith(QStringLiteral("Unknown"), url));
        QVERIFY(!match.runbook);
        QCOMPARE(match.problem,
                 QStringLiteral("runbook_url points to %1 — no local runbook; closest: Container "
                                "crash loop (container-crash-loop)")
                     .arg(url));
        // No link, no match: nothing to complain about.
        QVERIFY(resolver.resolve(alertWith(QStringLiteral("Watchdog"))).problem.isEmpty());
        // Without any runbook there is nothing close either.
        const RunbookResolver empty;
        QVERIFY(empty.resolve(alertWith(QStringLiteral("A"), url))
                    .problem.endsWith(QStringLiteral("closest: none")));
    }

    void hugoTreeFileNameBeatsBundledAlias()
    {
        const RunbookResolver resolver(index({hugoTree()}));
        const RunbookMatch match = resolver.resolve(
            alertWith(QStringLiteral("KubePodCrashLooping"),
                      upstream + QStringLiteral("kubernetes/kubepodcrashlooping")));
        QVERIFY(match.runbook);
        QVERIFY2(match.runbook->path.endsWith(QStringLiteral("kubernetes/KubePodCrashLooping.md")),
                 qPrintable(match.runbook->path));
        QCOMPARE(match.runbook->meta.title, QStringLiteral("Kube Pod Crash Looping"));
        const RunbookMatch node = resolver.resolve(
            alertWith(QStringLiteral("NodeFilesystemAlmostOutOfFiles"),
                      upstream + QStringLiteral("node/nodefilesystemalmostoutoffiles/")));
        QVERIFY(node.runbook);
        QVERIFY(node.runbook->path.endsWith(QStringLiteral("NodeFilesystemAlmostOutOfFiles.md")));
        // A section page is named after its folder.
        const RunbookMatch section = resolver.resolve(
            alertWith(QStringLiteral("X"), upstream + QStringLiteral("kubernetes/")));
        QVERIFY(section.runbook);
        QVERIFY2(section.runbook->path.endsWith(QStringLiteral("kubernetes/_index.md")),
                 qPrintable(section.runbook->path));
    }
};

QTEST_GUILESS_MAIN(TestAlertRunbook)
#include "test_alert_runbook.moc"
