#include "RunbookTestSupport.h"

using namespace ic;
using namespace ic::runbooks;

// A runbook folder is a boundary: links out of it and the console's own data dir are never
// indexed, so a shared runbook repository cannot pull private files into search results.
class TestRunbookBoundary : public QObject
{
    Q_OBJECT

    QTemporaryDir m_root;
    std::unique_ptr<Database> m_database;

    QString path(const QString &name) const { return m_root.filePath(name); }
    RunbookLibrary library() const { return RunbookLibrary(m_database->connection()); }

    // Whether any indexed runbook was read from the data dir.
    bool indexedFromDataDir() const
    {
        const auto records = library().list();
        return std::any_of(records.begin(), records.end(), [&](const RunbookRecord &record) {
            return QFileInfo(record.path)
                .canonicalFilePath()
                .startsWith(QFileInfo(path(QStringLiteral("data"))).canonicalFilePath());
        });
    }

    void expectRefused(const ScanReport &report, const QString &file, const QString &reason)
    {
        const RunbookProblem *problem = test::problemFor(report, file);
        QVERIFY2(problem, qPrintable(file));
        QVERIFY2(problem->reason.contains(reason), qPrintable(problem->reason));
        QVERIFY(!problem->indexed);
    }

private Q_SLOTS:
    void init()
    {
        QDir(m_root.path()).removeRecursively();
        for (const char *dir : {"data", "runbooks/.shared", "outside"})
            QVERIFY(QDir(m_root.path()).mkpath(QString::fromLatin1(dir)));
        DatabaseOpenResult result;
        m_database = Database::open(path(QStringLiteral("data/console.db")), &result);
        QVERIFY2(m_database, qPrintable(result.message));
        QVERIFY(test::writeFile(path(QStringLiteral("data/slack-webhook.secret")),
                                "https://hooks.slack.com/services/T0/B0/WEBHOOKSECRET\n"));
        QVERIFY(test::writeFile(path(QStringLiteral("data/notes.md")),
                                "# Data dir notes\n\nNot a runbook.\n"));
        QVERIFY(test::writeFile(path(QStringLiteral("outside/private.md")),
                                "# Private\n\nsalarylist\n"));
        QVERIFY(test::writeFile(path(QStringLiteral("runbooks/good.md")),
                                "# Good runbook\n\nEverything here is healthy.\n"));
    }

    void cleanup() { m_database.reset(); }

    void linkToAFileOutsideIsNotFollowed()
    {
        QVERIFY(QFile::link(path(QStringLiteral("outside/private.md")),
                            path(QStringLiteral("runbooks/stolen.md"))));
        const ScanReport report = library().sync({path(QStringLiteral("runbooks"))});
        expectRefused(report, QStringLiteral("runbooks/stolen.md"),
                      QStringLiteral("leads outside the runbook folder"));
        QVERIFY(library().search(QStringLiteral("salarylist")).empty());
        QVERIFY(library().find(QStringLiteral("good")));
    }

    void linkToTheWebhookSecretIsNotFollowed()
    {
        QVERIFY(QFile::link(path(QStringLiteral("data/slack-webhook.secret")),
                            path(QStringLiteral("runbooks/webhook.md"))));
        const ScanReport report = library().sync({path(QStringLiteral("runbooks"))});
        expectRefused(report, QStringLiteral("runbooks/webhook.md"), QStringLiteral("outside"));
        QVERIFY(library().search(QStringLiteral("WEBHOOKSECRET")).empty());
        QFile db(path(QStringLiteral("data/console.db")));
        QVERIFY(db.open(QIODevice::ReadOnly));
        QVERIFY(!db.readAll().contains("WEBHOOKSECRET"));
    }

    void secretFileLinkedFromInsideTheFolderIsNotFollowed()
    {
        QVERIFY(QFile::copy(path(QStringLiteral("data/slack-webhook.secret")),
                            path(QStringLiteral("runbooks/.shared/copy.secret"))));
        QVERIFY(QFile::link(path(QStringLiteral("runbooks/.shared/copy.secret")),
                            path(QStringLiteral("runbooks/hook.md"))));
        const ScanReport report = library().sync({path(QStringLiteral("runbooks"))});
        expectRefused(report, QStringLiteral("runbooks/hook.md"), QStringLiteral("secret file"));
        QVERIFY(library().search(QStringLiteral("WEBHOOKSECRET")).empty());
    }

    void symlinkedFolderEscapingIsNotFollowed()
    {
        QVERIFY(QFile::link(path(QStringLiteral("outside")),
                            path(QStringLiteral("runbooks/elsewhere"))));
        const ScanReport report = library().sync({path(QStringLiteral("runbooks"))});
        expectRefused(report, QStringLiteral("runbooks/elsewhere"),
                      QStringLiteral("leads outside the runbook folder"));
        QVERIFY(library().search(QStringLiteral("salarylist")).empty());
    }

    void linkInsideTheFolderStillWorks()
    {
        QVERIFY(test::writeFile(path(QStringLiteral("runbooks/.shared/db.md")),
                                "# Database failover\n\nPromote the replica.\n"));
        QVERIFY(QFile::link(path(QStringLiteral("runbooks/.shared/db.md")),
                            path(QStringLiteral("runbooks/db.md"))));
        const ScanReport report = library().sync({path(QStringLiteral("runbooks"))});
        QCOMPARE(int(report.problems.size()), 0);
        QCOMPARE(test::hitIds(library().search(QStringLiteral("replica"))),
                 QStringList{QStringLiteral("db")});
    }

    void theDataDirIsNeverIndexed()
    {
        // A folder around the data dir walks everything but the data dir.
        const ScanReport around = library().sync({m_root.path()});
        expectRefused(around, QStringLiteral("/data"), QStringLiteral("data dir"));
        QVERIFY(!indexedFromDataDir());
        QVERIFY(!library().search(QStringLiteral("healthy")).empty());
        // The data dir itself, even named through a link, is refused.
        QVERIFY(QFile::link(path(QStringLiteral("data")), path(QStringLiteral("data-link"))));
        const ScanReport itself = library().sync({path(QStringLiteral("data-link"))});
        expectRefused(itself, QStringLiteral("data-link"), QStringLiteral("data dir"));
        QVERIFY(!indexedFromDataDir());
    }
};

QTEST_GUILESS_MAIN(TestRunbookBoundary)
#include "test_runbook_boundary.moc"
