#include "Mounts.h"
#include "TestSupport.h"
#include "storage/Database.h"
#include "storage/PendingWrites.h"
#include "storage/Sql.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace ic;

namespace {

PendingWrites::Write insertRow(const QString &key, const QByteArray &value)
{
    return [key, value](const QSqlDatabase &db, QString *error) {
        return sql::exec(db, QStringLiteral("INSERT INTO app_meta VALUES (?, ?)"), {key, value},
                         error)
            .has_value();
    };
}

QVariant valueOf(const Database &db, const QString &key)
{
    return sql::scalar(db.connection(), QStringLiteral("SELECT value FROM app_meta WHERE key = ?"),
                       {key});
}

} // namespace

class TestPendingWrites : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void writesCommitAtOnceWhenTheDiskIsFine()
    {
        DatabaseOpenResult result;
        auto db = Database::open(m_dir.filePath(QStringLiteral("fine.db")), &result);
        QVERIFY(db);
        PendingWrites pending(*db);
        QSignalSpy committed(&pending, &PendingWrites::committed);
        QVERIFY(pending.submit(QStringLiteral("first"), insertRow(QStringLiteral("a"), "1")));
        QCOMPARE(pending.count(), 0);
        QCOMPARE(committed.count(), 1);
        QCOMPARE(valueOf(*db, QStringLiteral("a")).toByteArray(), QByteArray("1"));
    }

    void failedWriteIsRolledBackKeptAndRetriedInOrder()
    {
        DatabaseOpenResult result;
        auto db = Database::open(m_dir.filePath(QStringLiteral("order.db")), &result);
        QVERIFY(db);
        PendingWrites pending(*db);
        bool failNext = true;
        // Half a change written, then a failure: the transaction must leave nothing behind.
        auto flaky = [&](const QSqlDatabase &c, QString *error) {
            if (!insertRow(QStringLiteral("half"), "x")(c, error))
                return false;
            if (failNext) {
                *error = QStringLiteral("simulated failure");
                return false;
            }
            return true;
        };
        QVERIFY(!pending.submit(QStringLiteral("flaky"), flaky));
        QVERIFY(!pending.submit(QStringLiteral("after"), insertRow(QStringLiteral("b"), "2")));
        QCOMPARE(pending.descriptions(),
                 (QStringList{QStringLiteral("flaky"), QStringLiteral("after")}));
        QVERIFY(!valueOf(*db, QStringLiteral("half")).isValid());
        QVERIFY(!valueOf(*db, QStringLiteral("b")).isValid());
        failNext = false;
        QVERIFY(pending.retryNow());
        QCOMPARE(pending.count(), 0);
        QVERIFY(pending.lastError().isEmpty());
        QVERIFY(valueOf(*db, QStringLiteral("half")).isValid());
        QVERIFY(valueOf(*db, QStringLiteral("b")).isValid());
    }

    void diskFullIsReportedAndTheChangeIsSavedOnceThereIsRoom()
    {
        QString why;
        auto mount = test::ScopedMount::tmpfs(m_dir.filePath(QStringLiteral("full")),
                                              QStringLiteral("2m"), &why);
        if (!mount)
            QSKIP(qPrintable(why));
        const QString path = mount->path() + QStringLiteral("/console.db");
        const QString filler = mount->path() + QStringLiteral("/filler");
        {
            DatabaseOpenResult result;
            auto db = Database::open(path, &result);
            QVERIFY2(db, qPrintable(result.message));
            PendingWrites pending(*db);
            pending.setRetryInterval(std::chrono::milliseconds(50));
            QSignalSpy changed(&pending, &PendingWrites::changed);
            QVERIFY(pending.submit(QStringLiteral("before"),
                                   insertRow(QStringLiteral("before"), "ok")));

            QVERIFY(test::fillDisk(filler) > 0);
            const QByteArray big(256 * 1024, 'n');
            QVERIFY(!pending.submit(QStringLiteral("tick item 3"),
                                    insertRow(QStringLiteral("big"), big)));
            QCOMPARE(pending.count(), 1);
            QVERIFY2(pending.lastError().contains(path), qPrintable(pending.lastError()));
            QVERIFY2(pending.lastError().contains(QStringLiteral("disk full")),
                     qPrintable(pending.lastError()));
            QVERIFY(!changed.isEmpty());
            QCOMPARE(changed.last().at(0).toInt(), 1);
            QCOMPARE(valueOf(*db, QStringLiteral("before")).toByteArray(), QByteArray("ok"));
            QCOMPARE(
                sql::scalar(db->connection(), QStringLiteral("PRAGMA integrity_check")).toString(),
                QStringLiteral("ok"));

            // Room again: the timer's retry saves the kept change.
            QVERIFY(QFile::remove(filler));
            QTRY_COMPARE(pending.count(), 0);
            QCOMPARE(changed.last().at(0).toInt(), 0);
            QCOMPARE(valueOf(*db, QStringLiteral("big")).toByteArray(), big);
        }
        DatabaseOpenResult result;
        auto reopened = Database::open(path, &result);
        QVERIFY2(reopened, qPrintable(result.message));
        QCOMPARE(valueOf(*reopened, QStringLiteral("before")).toByteArray(), QByteArray("ok"));
        QCOMPARE(valueOf(*reopened, QStringLiteral("big")).toByteArray().size(), 256 * 1024);
        QCOMPARE(sql::scalar(reopened->connection(), QStringLiteral("PRAGMA integrity_check"))
                     .toString(),
                 QStringLiteral("ok"));
    }
};

QTEST_GUILESS_MAIN(TestPendingWrites)
#include "test_pending_writes.moc"
