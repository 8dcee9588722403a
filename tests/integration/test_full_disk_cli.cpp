// The command line on a data dir whose disk is full (a real tmpfs filled to the last byte):
// reading what is stored works, a change exits 3 naming the mount, and the database is never
// called unreadable nor touched.
#include "Mounts.h"
#include "TestSupport.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace ic;

class TestFullDiskCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fullDiskReadsAndRefusesChangesByName()
    {
        QTemporaryDir dir;
        QString why;
        auto mount = test::ScopedMount::tmpfs(dir.filePath(QStringLiteral("full")),
                                              QStringLiteral("2m"), &why);
        if (!mount)
            QSKIP(qPrintable(why));
        const QString dataDir = mount->path() + QStringLiteral("/data");
        const auto run = [&](const QStringList &args) {
            return test::runConsole(QStringList{QStringLiteral("--data-dir"), dataDir} + args);
        };
        const auto declared = run({QStringLiteral("incident"), QStringLiteral("new"),
                                   QStringLiteral("--title"), QStringLiteral("Disk full on db-3"),
                                   QStringLiteral("--severity"), QStringLiteral("SEV-2")});
        QVERIFY2(declared.exitCode == 0, qPrintable(declared.err));
        const QString filler = mount->path() + QStringLiteral("/filler");
        QVERIFY(test::fillDisk(filler) > 0);
        const QString database = dataDir + QStringLiteral("/console.db");
        const QByteArray before = test::fileHash(database);

        const auto listed = run({QStringLiteral("incident"), QStringLiteral("list")});
        QVERIFY2(listed.exitCode == 0, qPrintable(listed.err));
        QVERIFY2(listed.out.contains(QStringLiteral("Disk full on db-3")), qPrintable(listed.out));

        const auto refused = run({QStringLiteral("incident"), QStringLiteral("note"),
                                  declared.out.trimmed(), QStringLiteral("freeing space")});
        QCOMPARE(refused.exitCode, 3);
        QVERIFY2(refused.err.contains(QStringLiteral("no space left on %1").arg(mount->path())),
                 qPrintable(refused.err));
        QVERIFY2(refused.err.contains(QStringLiteral("Nothing was changed")),
                 qPrintable(refused.err));
        QVERIFY2(!refused.err.contains(QStringLiteral("not a readable")), qPrintable(refused.err));
        QCOMPARE(test::fileHash(database), before);

        QVERIFY(QFile::remove(filler));
        const auto noted = run({QStringLiteral("incident"), QStringLiteral("note"),
                                declared.out.trimmed(), QStringLiteral("space freed")});
        QVERIFY2(noted.exitCode == 0, qPrintable(noted.err));
    }
};

QTEST_GUILESS_MAIN(TestFullDiskCli)
#include "test_full_disk_cli.moc"
