#include "RunbookTestSupport.h"
#include "runbooks/RunbookFile.h"

#include <unistd.h>

using namespace ic;
using namespace ic::runbooks;

// Every kind of bad input is reported with the file and the reason, and never stops the
// good runbook next to it from being indexed.
class TestRunbookBadInput : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    // The scanned folder, where nobody can enter it (see test::AsUnprivilegedUser).
    QTemporaryDir m_public{test::publicTempDirTemplate()};
    std::unique_ptr<Database> m_database;
    QString m_folder;

    RunbookLibrary library() const { return RunbookLibrary(m_database->connection()); }

    ScanReport syncAndExpectGoodRunbook()
    {
        const ScanReport report = [&] {
            test::AsUnprivilegedUser scanner;
            return library().sync({m_folder});
        }();
        [&] {
            QVERIFY2(report.error.isEmpty(), qPrintable(report.error));
            QVERIFY(library().find(QStringLiteral("good")));
            QCOMPARE(test::hitIds(library().search(QStringLiteral("healthy"))),
                     QStringList{QStringLiteral("good")});
        }();
        return report;
    }

    void expectSkipped(const ScanReport &report, const QString &file, const QString &reason)
    {
        const RunbookProblem *problem = test::problemFor(report, file);
        QVERIFY2(problem, qPrintable(file));
        QVERIFY2(problem->reason.contains(reason), qPrintable(problem->reason));
        QVERIFY(!problem->indexed);
        const auto storedProblems = library().problems();
        const bool stored = std::any_of(storedProblems.begin(), storedProblems.end(),
                                        [&](const auto &p) { return p.path.endsWith(file); });
        QVERIFY(stored);
    }

private Q_SLOTS:
    void initTestCase()
    {
        // The files the tests write must be readable by the unprivileged scanner, whatever
        // umask the suite was started with; only the locked ones below are not.
        ::umask(022);
    }

    void init()
    {
        QDir(m_dir.path()).removeRecursively();
        QDir().mkpath(m_dir.path());
        m_database = test::openScratchDatabase(m_dir);
        QVERIFY(m_database);
        QVERIFY(m_public.isValid());
        m_folder = m_public.filePath(QStringLiteral("runbooks"));
        QDir(m_folder).removeRecursively();
        QDir().mkpath(m_folder);
        const auto everyoneReads = QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                   QFileDevice::ReadGroup | QFileDevice::ReadOther;
        const auto everyoneEnters =
            everyoneReads | QFileDevice::ExeOwner | QFileDevice::ExeGroup | QFileDevice::ExeOther;
        QVERIFY(QFile::setPermissions(m_public.path(), everyoneEnters));
        QVERIFY(QFile::setPermissions(m_folder, everyoneEnters));
        QVERIFY(test::writeFile(m_folder + QStringLiteral("/good.md"),
                                "# Good runbook\n\nEverything here is healthy.\n"));
        QVERIFY(QFile::setPermissions(m_folder + QStringLiteral("/good.md"), everyoneReads));
    }

    void cleanup() { m_database.reset(); }

    void binaryFile()
    {
        QVERIFY(test::writeFile(m_folder + QStringLiteral("/logo.md"),
                                QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)));
        expectSkipped(syncAndExpectGoodRunbook(), QStringLiteral("logo.md"),
                      QStringLiteral("binary"));
    }

    void invalidUtf8()
    {
        QVERIFY(test::writeFile(m_folder + QStringLiteral("/latin1.md"),
                                "# Caf\xe9\n\nline two\nna\xefve\n"));
        expectSkipped(syncAndExpectGoodRunbook(), QStringLiteral("latin1.md"),
                      QStringLiteral("not valid UTF-8 text (first bad byte on line 1)"));
    }

    void emptyFile()
    {
        QVERIFY(test::writeFile(m_folder + QStringLiteral("/empty.md"), "  \n\n"));
        expectSkipped(syncAndExpectGoodRunbook(), QStringLiteral("empty.md"),
                      QStringLiteral("empty"));
    }

    void hugeFileIsIndexedUpToTheCap()
    {
        QByteArray huge("# Huge runbook\n\nzebracorn appears early.\n\n");
        const QByteArray line(99, 'x');
        while (huge.size() <= maxRunbookBytes + 1000)
            huge.append(line).append('\n');
        huge.append("unicornzebra appears after the cap\n");
        QVERIFY(test::writeFile(m_folder + QStringLiteral("/huge.md"), huge));
        const ScanReport report = syncAndExpectGoodRunbook();
        const RunbookProblem *problem = test::problemFor(report, QStringLiteral("huge.md"));
        QVERIFY(problem);
        QVERIFY(problem->indexed);
        QVERIFY(problem->reason.contains(QStringLiteral("5 MB")));
        QVERIFY(library().find(QStringLiteral("huge"))->truncated);
        QCOMPARE(test::hitIds(library().search(QStringLiteral("zebracorn"))),
                 QStringList{QStringLiteral("huge")});
        QVERIFY(library().search(QStringLiteral("unicornzebra")).empty());
    }

    void brokenFrontMatterStillIndexesTheBody()
    {
        QVERIFY(test::writeFile(m_folder + QStringLiteral("/broken.md"),
                                "---\ntitle: [unclosed\n---\n# Fallback title\n\nBody text.\n"));
        const ScanReport report = syncAndExpectGoodRunbook();
        const RunbookProblem *problem = test::problemFor(report, QStringLiteral("broken.md"));
        QVERIFY(problem);
        QVERIFY(problem->indexed);
        QVERIFY2(problem->reason.contains(QStringLiteral("front matter line")),
                 qPrintable(problem->reason));
        QCOMPARE(library().find(QStringLiteral("broken"))->meta.title,
                 QStringLiteral("Fallback title"));
        // Reported again on a rescan that does not reparse the unchanged file.
        const ScanReport again = library().sync({m_folder});
        QCOMPARE(again.unchanged, 2);
        QVERIFY(test::problemFor(again, QStringLiteral("broken.md")));
    }

    void symlinkLoopIsReportedNotFollowed()
    {
        QDir().mkpath(m_folder + QStringLiteral("/sub"));
        QVERIFY(QFile::link(m_folder, m_folder + QStringLiteral("/sub/back-up")));
        QVERIFY(QFile::link(m_folder + QStringLiteral("/missing.md"),
                            m_folder + QStringLiteral("/dangling.md")));
        const ScanReport report = syncAndExpectGoodRunbook();
        const RunbookProblem *loop = test::problemFor(report, QStringLiteral("sub/back-up"));
        QVERIFY(loop);
        QVERIFY(loop->reason.contains(QStringLiteral("loop")));
        expectSkipped(report, QStringLiteral("dangling.md"),
                      QStringLiteral("broken symbolic link"));
        QCOMPARE(int(library().list().size()), 1);
    }

    void unreadableFolder()
    {
        const QString locked = m_folder + QStringLiteral("/locked");
        QDir().mkpath(locked);
        QVERIFY(test::writeFile(locked + QStringLiteral("/secret.md"), "# Secret\n"));
        QVERIFY(QFile::setPermissions(locked, QFileDevice::Permissions()));
        const ScanReport report = syncAndExpectGoodRunbook();
        QFile::setPermissions(locked, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                          QFileDevice::ExeOwner);
        expectSkipped(report, QStringLiteral("locked"), QStringLiteral("permission denied"));
    }

    void unreadableFile()
    {
        const QString file = m_folder + QStringLiteral("/private.md");
        QVERIFY(test::writeFile(file, "# Private\n"));
        QVERIFY(QFile::setPermissions(file, QFileDevice::Permissions()));
        expectSkipped(syncAndExpectGoodRunbook(), QStringLiteral("private.md"),
                      QStringLiteral("cannot read"));
    }

    void folderThatDisappears()
    {
        const QString other = m_dir.filePath(QStringLiteral("usb-stick"));
        QDir().mkpath(other);
        QVERIFY(test::writeFile(other + QStringLiteral("/portable.md"), "# Portable\n"));
        QCOMPARE(library().sync({m_folder, other}).added, 2);
        QVERIFY(QDir(other).removeRecursively());
        const ScanReport report = library().sync({m_folder, other});
        QCOMPARE(report.removed, 1);
        QVERIFY(library().find(QStringLiteral("good")));
        QVERIFY(!library().find(QStringLiteral("portable")));
        const RunbookProblem *gone = test::problemFor(report, QStringLiteral("usb-stick"));
        QVERIFY(gone);
        QVERIFY(gone->reason.contains(QStringLiteral("not found")));
    }

    void fileThatTurnsBinaryLeavesTheIndex()
    {
        syncAndExpectGoodRunbook();
        QVERIFY(test::writeFile(m_folder + QStringLiteral("/good.md"), QByteArray("a\0b", 3)));
        const ScanReport report = library().sync({m_folder});
        QCOMPARE(report.removed, 1);
        QVERIFY(!library().find(QStringLiteral("good")));
        QVERIFY(test::problemFor(report, QStringLiteral("good.md")));
    }
};

QTEST_GUILESS_MAIN(TestRunbookBadInput)
#include "test_runbook_bad_input.moc"
