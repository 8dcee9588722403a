#include "Mounts.h"
#include "TestSupport.h"
#include "cli/CommandLine.h"
#include "storage/Database.h"
#include "storage/Migrations.h"
#include "storage/PendingWrites.h"
#include "storage/Sql.h"
#include "storage/WriteAccess.h"

#include <QCoreApplication>
#include <QTemporaryDir>
#include <QtTest>

using namespace ic;

namespace {

// Every file in dir with its hash, to prove a read-only open changed and created nothing.
QMap<QString, QByteArray> snapshot(const QString &dir)
{
    QMap<QString, QByteArray> files;
    for (const QString &name : QDir(dir).entryList(QDir::Files))
        files.insert(name, test::fileHash(QDir(dir).filePath(name)));
    return files;
}

void createDatabaseWithRow(const QString &path)
{
    DatabaseOpenResult result;
    auto db = Database::open(path, &result);
    QVERIFY2(db, qPrintable(result.message));
    QVERIFY(sql::exec(db->connection(), QStringLiteral("INSERT INTO app_meta VALUES (?, ?)"),
                      {QStringLiteral("kept"), QStringLiteral("yes")}));
}

void setUserVersion(const QString &path, int version, const QStringList &extraStatements = {})
{
    {
        QSqlDatabase raw =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        raw.setDatabaseName(path);
        QVERIFY(raw.open());
        for (const QString &statement : extraStatements)
            QVERIFY(sql::exec(raw, statement));
        // security-check: allow test fixture writing a chosen schema version
        QVERIFY(sql::exec(raw, QStringLiteral("PRAGMA user_version = %1").arg(version)));
        raw.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
}

} // namespace

class TestReadOnlyDatabase : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    // A writable data dir and its read-only view through a bind mount.
    QString writable(const QString &name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void readOnlyDataDirIsOpenedWithoutWriting()
    {
        const QString source = writable(QStringLiteral("rw"));
        QVERIFY(QDir().mkpath(source));
        createDatabaseWithRow(source + QStringLiteral("/console.db"));
        const auto before = snapshot(source);
        QString why;
        auto mount = test::ScopedMount::readOnlyBind(source, writable(QStringLiteral("ro")), &why);
        if (!mount)
            QSKIP(qPrintable(why));
        const QString path = mount->path() + QStringLiteral("/console.db");

        const QString reason = whyNotWritable(path);
        QVERIFY2(reason.contains(mount->path()), qPrintable(reason));
        QVERIFY2(reason.contains(QStringLiteral("Read-only file system")), qPrintable(reason));
        {
            DatabaseOpenResult result;
            auto db = Database::openReadOnly(path, reason, &result);
            QVERIFY2(db, qPrintable(result.message));
            QVERIFY(db->isReadOnly());
            QCOMPARE(db->readOnlyReason(), reason);
            QCOMPARE(sql::scalar(db->connection(),
                                 QStringLiteral("SELECT value FROM app_meta WHERE key = ?"),
                                 {QStringLiteral("kept")})
                         .toString(),
                     QStringLiteral("yes"));
            QString error;
            QVERIFY(!db->checkWritable(&error));
            QVERIFY2(error.contains(path) && error.contains(reason), qPrintable(error));
            QVERIFY(!sql::exec(db->connection(),
                               QStringLiteral("INSERT INTO app_meta VALUES (?, ?)"),
                               {QStringLiteral("new"), QStringLiteral("no")}));

            // Writes routed through PendingWrites are refused with the reason, and kept.
            PendingWrites pending(*db);
            QVERIFY(!pending.submit(
                QStringLiteral("add a note"), [](const QSqlDatabase &c, QString *e) {
                    return sql::exec(c, QStringLiteral("INSERT INTO app_meta VALUES (?, ?)"),
                                     {QStringLiteral("n"), QStringLiteral("1")}, e)
                        .has_value();
                }));
            QCOMPARE(pending.count(), 1);
            QVERIFY2(pending.lastError().contains(QStringLiteral("read-only")),
                     qPrintable(pending.lastError()));
        }
        QCOMPARE(snapshot(source), before);
    }

    void olderSchemaInReadOnlyDirIsExplainedNotUpgraded()
    {
        const QString source = writable(QStringLiteral("old-rw"));
        QVERIFY(QDir().mkpath(source));
        const QString original = source + QStringLiteral("/console.db");
        setUserVersion(original, 1,
                       {QString::fromUtf8(schemaMigrations().front().statements.front())});
        const auto before = snapshot(source);
        QString why;
        auto mount =
            test::ScopedMount::readOnlyBind(source, writable(QStringLiteral("old-ro")), &why);
        if (!mount)
            QSKIP(qPrintable(why));
        const QString path = mount->path() + QStringLiteral("/console.db");
        DatabaseOpenResult result;
        QVERIFY(!Database::openReadOnly(path, whyNotWritable(path), &result));
        QCOMPARE(result.status, DatabaseOpenResult::Status::NeedsUpgrade);
        QCOMPARE(result.fileVersion, 1);
        QVERIFY2(result.message.contains(path), qPrintable(result.message));
        QVERIFY2(result.message.contains(mount->path() + QStringLiteral(" cannot be written")),
                 qPrintable(result.message));
        QCOMPARE(snapshot(source), before);
    }

    void newerSchemaIsViewableReadOnlyOnlyWhenItHasEverythingWeRead()
    {
        const QString compatible = writable(QStringLiteral("newer-compatible.db"));
        createDatabaseWithRow(compatible);
        setUserVersion(compatible, latestSchemaVersion() + 1,
                       {QStringLiteral("CREATE TABLE added_later (x)")});
        const QByteArray before = test::fileHash(compatible);
        DatabaseOpenResult result;
        QVERIFY(!Database::open(compatible, &result));
        QCOMPARE(result.status, DatabaseOpenResult::Status::NewerSchema);
        QVERIFY(result.readableReadOnly);
        {
            auto db = Database::openReadOnly(compatible, QStringLiteral("newer"), &result);
            QVERIFY2(db, qPrintable(result.message));
            QCOMPARE(db->schemaVersion(), latestSchemaVersion() + 1);
        }
        QCOMPARE(test::fileHash(compatible), before);

        const QString incompatible = writable(QStringLiteral("newer-incompatible.db"));
        setUserVersion(incompatible, latestSchemaVersion() + 1,
                       {QStringLiteral("CREATE TABLE app_meta (key TEXT)")});
        QVERIFY(!Database::open(incompatible, &result));
        QCOMPARE(result.status, DatabaseOpenResult::Status::NewerSchema);
        QVERIFY(!result.readableReadOnly);
        QVERIFY(!Database::openReadOnly(incompatible, QStringLiteral("newer"), &result));
        QVERIFY2(result.message.contains(QStringLiteral("app_meta.value")) &&
                     result.message.contains(QStringLiteral("incidents")),
                 qPrintable(result.message));
    }

    void cliRefusesToWriteIntoAReadOnlyDataDir()
    {
        const QString source = writable(QStringLiteral("cli-rw"));
        QVERIFY(QDir().mkpath(source));
        createDatabaseWithRow(source + QStringLiteral("/console.db"));
        const auto before = snapshot(source);
        QString why;
        auto mount =
            test::ScopedMount::readOnlyBind(source, writable(QStringLiteral("cli-ro")), &why);
        if (!mount)
            QSKIP(qPrintable(why));
        const test::RunResult run =
            test::runConsole({QStringLiteral("backup"), QStringLiteral("--data-dir"), mount->path(),
                              QStringLiteral("--output"), writable(QStringLiteral("cli-copy.db"))});
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.err.contains(mount->path()) &&
                     run.err.contains(QStringLiteral("Read-only file system")),
                 qPrintable(run.err));
        QCOMPARE(snapshot(source), before);

        // A command that only reads may ask for a read-only database instead.
        QString out;
        QString err;
        QTextStream outStream(&out);
        QTextStream errStream(&err);
        cli::GlobalOptions options;
        options.dataDir = mount->path();
        cli::Context context(options, outStream, errStream);
        QVERIFY(!context.openDatabase());
        QVERIFY2(err.contains(mount->path()), qPrintable(err));
        auto reader = context.openDatabase(cli::Context::Access::ReadOnlyAllowed);
        QVERIFY2(reader, qPrintable(err));
        QVERIFY(reader->isReadOnly());
        QCOMPARE(sql::scalar(reader->connection(), QStringLiteral("SELECT count(*) FROM app_meta"))
                     .toInt(),
                 1);
        reader.reset();
        QCOMPARE(snapshot(source), before);
    }
};

QTEST_GUILESS_MAIN(TestReadOnlyDatabase)
#include "test_read_only_database.moc"
