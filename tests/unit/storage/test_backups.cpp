#include "TestSupport.h"
#include "storage/Backups.h"
#include "storage/Database.h"
#include "storage/Migrations.h"
#include "storage/Sql.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace ic;

class TestBackups : public QObject
{
    Q_OBJECT

private:
    static QString readMeta(const QString &dbPath, const QString &key)
    {
        QString error;
        auto db = Database::openAdditional(dbPath, &error);
        return db ? sql::scalar(db->connection(),
                                QStringLiteral("SELECT value FROM app_meta WHERE key = ?"), {key})
                        .toString()
                  : error;
    }

private Q_SLOTS:
    void upgradeKeepsACopyOfTheOldDatabase()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("console.db"));
        {
            QSqlDatabase old =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("old"));
            old.setDatabaseName(path);
            QVERIFY(old.open());
            for (const char *statement : schemaMigrations().front().statements)
                QVERIFY(sql::exec(old, QString::fromUtf8(statement)));
            QVERIFY(sql::exec(old, QStringLiteral("INSERT INTO app_meta VALUES ('k', 'v1')")));
            QVERIFY(sql::exec(old, QStringLiteral("PRAGMA user_version = 1")));
            old.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("old"));

        DatabaseOpenResult result;
        QVERIFY(Database::open(path, &result));
        const QStringList copies = QDir(dir.filePath(QStringLiteral("backups")))
                                       .entryList({QStringLiteral("console-pre-v1-*.db")});
        QCOMPARE(copies.size(), 1);
        const QString copy = dir.filePath(QStringLiteral("backups/") + copies.first());
        QCOMPARE(readMeta(copy, QStringLiteral("k")), QStringLiteral("v1"));
        QCOMPARE(test::unixMode(copy), 0600);
        // Opening again does not upgrade, so no second copy.
        QVERIFY(Database::open(path, &result));
        QCOMPARE(QDir(dir.filePath(QStringLiteral("backups"))).entryList(QDir::Files).size(), 1);
    }

    void freshDatabaseNeedsNoUpgradeCopy()
    {
        QTemporaryDir dir;
        DatabaseOpenResult result;
        QVERIFY(Database::open(dir.filePath(QStringLiteral("console.db")), &result));
        QVERIFY(!QDir(dir.filePath(QStringLiteral("backups"))).exists());
    }

    void rotationKeepsTheNewestCopies()
    {
        QTemporaryDir dir;
        DatabaseOpenResult result;
        auto db = Database::open(dir.filePath(QStringLiteral("console.db")), &result);
        QVERIFY(db);
        const Backups backups(dir.filePath(QStringLiteral("backups")));
        QStringList written;
        for (int i = 0; i < Backups::keptPerKind + 3; ++i) {
            QString error;
            const QString file =
                backups.writeRotated(db->connection(), QStringLiteral("test"), &error);
            QVERIFY2(!file.isEmpty(), qPrintable(error));
            written << QFileInfo(file).fileName();
            QTest::qWait(2); // distinct millisecond stamps
        }
        const QStringList kept = QDir(backups.directory()).entryList(QDir::Files, QDir::Name);
        QCOMPARE(kept.size(), Backups::keptPerKind);
        QCOMPARE(kept, written.mid(3));
        QVERIFY(backups.newest(QStringLiteral("test")).secsTo(QDateTime::currentDateTimeUtc()) <
                60);
        QVERIFY(!backups.newest(QStringLiteral("other")).isValid());
    }

    void dailyCopyIsWrittenOncePerDay()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("console.db"));
        DatabaseOpenResult result;
        auto db = Database::open(path, &result);
        QVERIFY(db);
        const QString first = Backups::writeDailyIfDue(path);
        QVERIFY(!first.isEmpty());
        QVERIFY(Backups::writeDailyIfDue(path).isEmpty());
    }

    void existingTargetIsNeverOverwritten()
    {
        QTemporaryDir dir;
        DatabaseOpenResult result;
        auto db = Database::open(dir.filePath(QStringLiteral("console.db")), &result);
        const QString target = dir.filePath(QStringLiteral("taken.db"));
        QVERIFY(test::writeFile(target, "precious"));
        QString error;
        QVERIFY(!Backups::write(db->connection(), target, &error));
        QVERIFY(error.contains(QStringLiteral("already exists")));
        QFile file(target);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("precious"));
    }
};

QTEST_GUILESS_MAIN(TestBackups)
#include "test_backups.moc"
