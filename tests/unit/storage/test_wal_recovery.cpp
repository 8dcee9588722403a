#include "TestSupport.h"
#include "storage/Database.h"
#include "storage/Sql.h"
#include "storage/WalFile.h"

#include <QCoreApplication>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <cstdio>

using namespace ic;

namespace {

// Child-process mode: commits one row per transaction for ever and prints each key only
// after its commit returned, so every printed key is one the writer acknowledged.
int runEndlessWriter(const QString &path)
{
    DatabaseOpenResult result;
    auto db = Database::open(path, &result);
    if (!db)
        return 10;
    for (int i = 0;; ++i) {
        const QString key = QStringLiteral("row-%1").arg(i);
        sql::WriteTransaction tx(db->connection());
        if (!tx.isActive() ||
            !sql::exec(db->connection(), QStringLiteral("INSERT INTO app_meta VALUES (?, ?)"),
                       {key, QString(100, QLatin1Char('v'))}) ||
            !tx.commit())
            return 11;
        std::printf("%s\n", key.toUtf8().constData());
        std::fflush(stdout);
    }
}

QByteArray garbage(int size)
{
    QByteArray bytes;
    for (int i = 0; i < size; ++i)
        bytes.append(char((i * 37 + 11) % 256));
    return bytes;
}

int rowCount(const Database &db)
{
    return sql::scalar(db.connection(), QStringLiteral("SELECT count(*) FROM app_meta")).toInt();
}

QString integrity(const Database &db)
{
    return sql::scalar(db.connection(), QStringLiteral("PRAGMA integrity_check")).toString();
}

} // namespace

class TestWalRecovery : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    // Runs the endless writer on path, SIGKILLs it after at least `rows` acknowledged rows
    // and returns every key it acknowledged.
    QStringList killWriterMidStream(const QString &path, int rows)
    {
        QProcess writer;
        writer.start(QCoreApplication::applicationFilePath(),
                     {QStringLiteral("--endless-writer"), path});
        QStringList acknowledged;
        while (acknowledged.size() < rows && writer.waitForReadyRead(30000)) {
            while (writer.canReadLine())
                acknowledged << QString::fromUtf8(writer.readLine()).trimmed();
        }
        writer.kill();
        writer.waitForFinished();
        const QStringList rest = QString::fromUtf8(writer.readAllStandardOutput())
                                     .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        return acknowledged + rest;
    }

private Q_SLOTS:
    void killedWritersWalIsReplayedWithEveryAcknowledgedRow()
    {
        const QString path = m_dir.filePath(QStringLiteral("killed.db"));
        const QStringList acknowledged = killWriterMidStream(path, 300);
        QVERIFY(acknowledged.size() >= 300);
        QVERIFY2(QFileInfo(path + QStringLiteral("-wal")).size() > 0,
                 "the killed writer should leave its -wal behind");
        QCOMPARE(inspectWal(path), WalState::Valid);

        DatabaseOpenResult result;
        auto db = Database::open(path, &result);
        QVERIFY2(db, qPrintable(result.message));
        QVERIFY(result.notice.isEmpty());
        QCOMPARE(integrity(*db), QStringLiteral("ok"));
        for (const QString &key : acknowledged) {
            QVERIFY2(sql::scalar(db->connection(),
                                 QStringLiteral("SELECT count(*) FROM app_meta WHERE key = ?"),
                                 {key})
                             .toInt() == 1,
                     qPrintable(key));
        }
    }

    void aLiveWriterIsSeenThroughItsShmLock()
    {
        const QString path = m_dir.filePath(QStringLiteral("live.db"));
        QProcess writer;
        writer.start(QCoreApplication::applicationFilePath(),
                     {QStringLiteral("--endless-writer"), path});
        QVERIFY(writer.waitForReadyRead(30000));
        QVERIFY(walInUseByAnotherProcess(path));
        writer.kill();
        writer.waitForFinished();
        QVERIFY(!walInUseByAnotherProcess(path));
    }

    void garbageShmIsRebuiltFromTheWal()
    {
        const QString path = m_dir.filePath(QStringLiteral("shm.db"));
        const QStringList acknowledged = killWriterMidStream(path, 100);
        QVERIFY(test::writeFile(path + QStringLiteral("-shm"), garbage(32768)));

        DatabaseOpenResult result;
        auto db = Database::open(path, &result);
        QVERIFY2(db, qPrintable(result.message));
        QCOMPARE(integrity(*db), QStringLiteral("ok"));
        QVERIFY(rowCount(*db) >= acknowledged.size());
    }

    void garbageWalIsKeptAsideNotOverwritten()
    {
        const QString path = m_dir.filePath(QStringLiteral("garbage-wal.db"));
        {
            DatabaseOpenResult result;
            auto db = Database::open(path, &result);
            QVERIFY(db);
            for (int i = 0; i < 50; ++i)
                QVERIFY(sql::exec(db->connection(),
                                  QStringLiteral("INSERT INTO app_meta VALUES (?, ?)"),
                                  {QString::number(i), QStringLiteral("committed")}));
        }
        const QByteArray junk = garbage(8192);
        QVERIFY(test::writeFile(path + QStringLiteral("-wal"), junk));
        QCOMPARE(inspectWal(path), WalState::Damaged);

        DatabaseOpenResult result;
        auto db = Database::open(path, &result);
        QVERIFY2(db, qPrintable(result.message));
        QVERIFY2(result.notice.contains(QStringLiteral("damaged")), qPrintable(result.notice));
        const QStringList kept =
            QDir(m_dir.path())
                .entryList({QStringLiteral("garbage-wal.db-wal.damaged-*")}, QDir::Files);
        QCOMPARE(kept.size(), 1);
        QVERIFY(result.notice.contains(kept.first()));
        QCOMPARE(test::fileHash(m_dir.filePath(kept.first())),
                 QCryptographicHash::hash(junk, QCryptographicHash::Sha256));
        QCOMPARE(rowCount(*db), 50);
        QCOMPARE(integrity(*db), QStringLiteral("ok"));
        QVERIFY(sql::exec(db->connection(), QStringLiteral("INSERT INTO app_meta VALUES (?, ?)"),
                          {QStringLiteral("after"), QStringLiteral("still writable")}));
    }

    void cliWarnsAboutTheDamagedWal()
    {
        QTemporaryDir dataDir;
        const QString path = dataDir.filePath(QStringLiteral("console.db"));
        {
            DatabaseOpenResult result;
            QVERIFY(Database::open(path, &result));
        }
        QVERIFY(test::writeFile(path + QStringLiteral("-wal"), garbage(100)));
        const test::RunResult run = test::runConsole(
            {QStringLiteral("backup"), QStringLiteral("--data-dir"), dataDir.path(),
             QStringLiteral("--output"), dataDir.filePath(QStringLiteral("copy.db"))});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.contains(QStringLiteral("warning")) &&
                     run.err.contains(path + QStringLiteral("-wal")),
                 qPrintable(run.err));
    }
};

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() == 3 && args.at(1) == QLatin1String("--endless-writer"))
        return runEndlessWriter(args.at(2));
    TestWalRecovery test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_wal_recovery.moc"
