#include "TestSupport.h"
#include "storage/Database.h"
#include "storage/DatabaseFile.h"
#include "storage/Migrations.h"
#include "storage/Sql.h"

#include <QCoreApplication>
#include <QProcess>
#include <QSqlDatabase>
#include <QTemporaryDir>
#include <QtTest>

using namespace ic;

namespace {

// Child-process mode: append `count` rows to app_meta, one committed transaction each.
int runWriter(const QString &path, const QString &prefix, int count)
{
    DatabaseOpenResult result;
    auto db = Database::open(path, &result);
    if (!db)
        return 10;
    for (int i = 0; i < count; ++i) {
        sql::WriteTransaction tx(db->connection());
        if (!tx.isActive() ||
            !sql::exec(db->connection(), QStringLiteral("INSERT INTO app_meta VALUES (?, ?)"),
                       {QString(prefix + QString::number(i)), QStringLiteral("x")}) ||
            !tx.commit())
            return 11;
    }
    return 0;
}

} // namespace

class TestDatabase : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString dbPath(const QString &name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void freshDatabaseHasLatestSchemaAndPragmas()
    {
        const QString path = dbPath(QStringLiteral("fresh.db"));
        DatabaseOpenResult result;
        auto db = Database::open(path, &result);
        QVERIFY2(db, qPrintable(result.message));
        QCOMPARE(db->schemaVersion(), latestSchemaVersion());
        const QSqlDatabase c = db->connection();
        QCOMPARE(sql::scalar(c, QStringLiteral("PRAGMA journal_mode")).toString(),
                 QStringLiteral("wal"));
        QCOMPARE(sql::scalar(c, QStringLiteral("PRAGMA synchronous")).toInt(), 2); // FULL
        QCOMPARE(sql::scalar(c, QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
        for (const char *table :
             {"app_meta", "incidents", "checklist_items", "timeline_events", "drafts"}) {
            QVERIFY2(sql::scalar(c,
                                 QStringLiteral("SELECT count(*) FROM sqlite_master WHERE "
                                                "type = 'table' AND name = ?"),
                                 {QString::fromLatin1(table)})
                             .toInt() == 1,
                     table);
        }
        QCOMPARE(test::unixMode(path), 0600);
    }

    void migrationsAreStrictlyAscending()
    {
        int previous = 0;
        for (const Migration &migration : schemaMigrations()) {
            QVERIFY(migration.version > previous);
            QVERIFY(!migration.statements.empty());
            previous = migration.version;
        }
    }

    void olderSchemaIsUpgradedKeepingData()
    {
        // Fixture: a database as schema 1 left it, with a row the upgrade must keep.
        const QString path = dbPath(QStringLiteral("v1.db"));
        {
            QSqlDatabase fixture =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("fixture"));
            fixture.setDatabaseName(path);
            QVERIFY(fixture.open());
            for (const char *statement : schemaMigrations().front().statements)
                QVERIFY(sql::exec(fixture, QString::fromUtf8(statement)));
            QVERIFY(sql::exec(fixture, QStringLiteral("INSERT INTO app_meta VALUES (?, ?)"),
                              {QStringLiteral("kept"), QStringLiteral("yes")}));
            QVERIFY(sql::exec(fixture, QStringLiteral("PRAGMA user_version = 1")));
            fixture.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("fixture"));

        DatabaseOpenResult result;
        auto db = Database::open(path, &result);
        QVERIFY2(db, qPrintable(result.message));
        QCOMPARE(db->schemaVersion(), latestSchemaVersion());
        QCOMPARE(sql::scalar(db->connection(),
                             QStringLiteral("SELECT value FROM app_meta WHERE key = ?"),
                             {QStringLiteral("kept")})
                     .toString(),
                 QStringLiteral("yes"));
    }

    void newerSchemaIsRefusedAndUntouched()
    {
        const QString path = dbPath(QStringLiteral("newer.db"));
        {
            QSqlDatabase newer =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("newer"));
            newer.setDatabaseName(path);
            QVERIFY(newer.open());
            QVERIFY(sql::exec(newer, QStringLiteral("CREATE TABLE future (x)")));
            QVERIFY(sql::exec(newer, QStringLiteral("PRAGMA user_version = 9999")));
            newer.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("newer"));
        const QByteArray before = test::fileHash(path);

        DatabaseOpenResult result;
        QVERIFY(!Database::open(path, &result));
        QCOMPARE(result.status, DatabaseOpenResult::Status::NewerSchema);
        QCOMPARE(result.fileVersion, 9999);
        QVERIFY(result.message.contains(path));
        QVERIFY(result.message.contains(QStringLiteral("newer")));
        QCOMPARE(test::fileHash(path), before);
        QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
    }

    void unreadableFilesArePreservedByteForByte_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("reasonPart");
        QByteArray garbage;
        for (int i = 0; i < 8192; ++i)
            garbage.append(char((i * 131 + 7) % 251));
        QTest::newRow("garbage") << garbage << QStringLiteral("SQLite header");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("empty");
        QTest::newRow("text") << QByteArray("name,severity\nfoo,SEV-1\n")
                              << QStringLiteral("SQLite header");
    }

    void unreadableFilesArePreservedByteForByte()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, reasonPart);
        const QString path = dbPath(
            QStringLiteral("corrupt-%1.db").arg(QString::fromLatin1(QTest::currentDataTag())));
        QVERIFY(test::writeFile(path, content));
        const QByteArray before = test::fileHash(path);

        DatabaseOpenResult result;
        QVERIFY(!Database::open(path, &result));
        QCOMPARE(result.status, DatabaseOpenResult::Status::NotADatabase);
        QVERIFY2(result.message.contains(path), qPrintable(result.message));
        QVERIFY2(result.message.contains(reasonPart), qPrintable(result.message));
        QCOMPARE(test::fileHash(path), before);
        QCOMPARE(QFileInfo(path).size(), content.size());
    }

    void truncatedDatabaseIsDetected()
    {
        const QString path = dbPath(QStringLiteral("truncated.db"));
        {
            DatabaseOpenResult result;
            auto db = Database::open(path, &result);
            QVERIFY(db);
            // Enough rows for several pages, then checkpoint so the main file holds them.
            for (int i = 0; i < 200; ++i)
                QVERIFY(sql::exec(db->connection(),
                                  QStringLiteral("INSERT INTO app_meta VALUES (?, ?)"),
                                  {QString::number(i), QString(200, QLatin1Char('x'))}));
            QVERIFY(sql::exec(db->connection(), QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
        }
        QFile::remove(path + QStringLiteral("-wal"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.resize(file.size() / 2));
        file.close();
        const QByteArray before = test::fileHash(path);
        const DatabaseFileCheck check = inspectDatabaseFile(path);
        QCOMPARE(check.verdict, DatabaseFileCheck::Verdict::NotADatabase);
        QVERIFY(check.reason.contains(QStringLiteral("truncated")));
        DatabaseOpenResult result;
        QVERIFY(!Database::open(path, &result));
        QCOMPARE(test::fileHash(path), before);
    }

    void damagedDatabaseCanBeMovedAside()
    {
        const QString path = dbPath(QStringLiteral("aside.db"));
        QVERIFY(test::writeFile(path, "definitely not sqlite"));
        QVERIFY(test::writeFile(path + QStringLiteral("-wal"), "stale wal"));
        QString error;
        const QString moved = moveDatabaseAside(path, &error);
        QVERIFY2(!moved.isEmpty(), qPrintable(error));
        QVERIFY(moved.startsWith(path + QStringLiteral(".corrupt-")));
        QVERIFY(!QFile::exists(path));
        QVERIFY(QFile::exists(moved + QStringLiteral("-wal")));
        QFile kept(moved);
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.readAll(), QByteArray("definitely not sqlite"));
        DatabaseOpenResult result;
        QVERIFY(Database::open(path, &result));
    }

    void failedStatementRollsBackTheTransaction()
    {
        DatabaseOpenResult result;
        auto db = Database::open(dbPath(QStringLiteral("rollback.db")), &result);
        QVERIFY(db);
        {
            sql::WriteTransaction tx(db->connection());
            QVERIFY(tx.isActive());
            QVERIFY(sql::exec(db->connection(),
                              QStringLiteral("INSERT INTO app_meta VALUES (?, ?)"),
                              {QStringLiteral("a"), QStringLiteral("1")}));
            QString error;
            QVERIFY(!sql::exec(db->connection(),
                               QStringLiteral("INSERT INTO app_meta VALUES (?, ?)"),
                               {QStringLiteral("a"), QStringLiteral("2")}, &error));
            QVERIFY(error.contains(QStringLiteral("UNIQUE")));
        }
        QCOMPARE(
            sql::scalar(db->connection(), QStringLiteral("SELECT count(*) FROM app_meta")).toInt(),
            0);
    }

    // sql::run keeps its statements per connection: a connection closed and opened again under
    // the same name prepares them anew (its old statements belong to a closed driver), and a
    // statement that fails is prepared again next time.
    void keptStatementsFollowTheirConnection()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("kept.db"));
        for (int round = 0; round < 3; ++round) {
            {
                QSqlDatabase db =
                    QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("kept"));
                db.setDatabaseName(path);
                QVERIFY(db.open());
                QVERIFY(sql::run(db, QStringLiteral("CREATE TABLE IF NOT EXISTS t (x UNIQUE)")));
                const Result<void> inserted =
                    sql::run(db, QStringLiteral("INSERT INTO t VALUES (?)"), {round});
                QVERIFY2(inserted, qPrintable(inserted.error()));
                // The same statement again, failing on the unique value, then working.
                QVERIFY(!sql::run(db, QStringLiteral("INSERT INTO t VALUES (?)"), {round}));
                QVERIFY(sql::run(db, QStringLiteral("INSERT INTO t VALUES (?)"), {round + 100}));
                QSqlQuery *read = sql::execKept(db, QStringLiteral("SELECT count(*) FROM t"));
                QVERIFY(read && read->next());
                QCOMPARE(read->value(0).toInt(), 2 * (round + 1));
                // Database forgets them before it closes; a bare connection may not.
                if (round % 2 == 0)
                    sql::forgetKeptStatements(QStringLiteral("kept"));
                db.close();
            }
            QSqlDatabase::removeDatabase(QStringLiteral("kept"));
        }
    }

    // A step's refusal comes back as that refusal (the CLI's exit code follows the kind), a
    // failing statement as a failure naming it, and neither leaves a row behind.
    void aFailingStepRollsBackAndKeepsItsKind()
    {
        DatabaseOpenResult result;
        auto db = Database::open(dbPath(QStringLiteral("steps.db")), &result);
        QVERIFY(db);
        const QSqlDatabase connection = db->connection();
        const auto insert = [&](const QString &key) {
            return sql::run(connection, QStringLiteral("INSERT INTO app_meta VALUES (?, '1')"),
                            {key});
        };
        const Result<void> refused = sql::inWriteTransaction(connection, [&]() -> Result<void> {
            if (const Result<void> inserted = insert(QStringLiteral("a")); !inserted)
                return inserted;
            return refusal(QStringLiteral("item 3 calls nobody"));
        });
        QCOMPARE(refused.errorKind(), ErrorKind::Refused);
        QCOMPARE(refused.error(), QStringLiteral("item 3 calls nobody"));
        const Result<void> failed = sql::inWriteTransaction(connection, [&]() -> Result<void> {
            if (const Result<void> inserted = insert(QStringLiteral("b")); !inserted)
                return inserted;
            return insert(QStringLiteral("b"));
        });
        QCOMPARE(failed.errorKind(), ErrorKind::Failed);
        QVERIFY2(failed.error().contains(QStringLiteral("UNIQUE")) &&
                     failed.error().contains(QStringLiteral("INSERT INTO app_meta")),
                 qPrintable(failed.error()));
        QCOMPARE(sql::scalar(connection, QStringLiteral("SELECT count(*) FROM app_meta")).toInt(),
                 0);
        QVERIFY(sql::inWriteTransaction(connection, [&] { return insert(QStringLiteral("c")); }));
        QCOMPARE(sql::scalar(connection, QStringLiteral("SELECT count(*) FROM app_meta")).toInt(),
                 1);
    }

    void boundParametersAreNeverSpliced()
    {
        DatabaseOpenResult result;
        auto db = Database::open(dbPath(QStringLiteral("params.db")), &result);
        QVERIFY(db);
        const QString hostile = QStringLiteral("x'); DROP TABLE app_meta; --");
        QVERIFY(sql::exec(db->connection(), QStringLiteral("INSERT INTO app_meta VALUES (?, ?)"),
                          {hostile, hostile}));
        QCOMPARE(
            sql::scalar(db->connection(), QStringLiteral("SELECT value FROM app_meta")).toString(),
            hostile);
    }

    void twoProcessesWriteAtOnce()
    {
        const QString path = dbPath(QStringLiteral("shared.db"));
        constexpr int rowsEach = 150;
        QProcess first;
        QProcess second;
        for (auto [process, prefix] : {std::pair{&first, "a"}, std::pair{&second, "b"}})
            process->start(QCoreApplication::applicationFilePath(),
                           {QStringLiteral("--writer"), path, QString::fromLatin1(prefix),
                            QString::number(rowsEach)});
        QVERIFY(first.waitForFinished(60000));
        QVERIFY(second.waitForFinished(60000));
        QCOMPARE(first.exitCode(), 0);
        QCOMPARE(second.exitCode(), 0);
        DatabaseOpenResult result;
        auto db = Database::open(path, &result);
        QVERIFY(db);
        QCOMPARE(
            sql::scalar(db->connection(), QStringLiteral("SELECT count(*) FROM app_meta")).toInt(),
            2 * rowsEach);
        QCOMPARE(sql::scalar(db->connection(), QStringLiteral("PRAGMA integrity_check")).toString(),
                 QStringLiteral("ok"));
    }
};

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() == 5 && args.at(1) == QLatin1String("--writer"))
        return runWriter(args.at(2), args.at(3), args.at(4).toInt());
    TestDatabase test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_database.moc"
