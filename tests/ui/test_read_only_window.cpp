#include "Mounts.h"
#include "TestSupport.h"
#include "WindowTestCase.h"
#include "storage/Database.h"
#include "storage/Migrations.h"
#include "storage/Sql.h"
#include "ui/DatabaseProblemDialog.h"
#include "ui/GuiLauncher.h"
#include "ui/MainWindow.h"
#include "ui/WritableAgainWatch.h"

#include <QLabel>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace ic;
using namespace ic::ui;

namespace {

void createNewerDatabase(const QString &path, bool compatible)
{
    if (compatible) {
        DatabaseOpenResult result;
        QVERIFY(Database::open(path, &result));
    }
    {
        QSqlDatabase raw =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        raw.setDatabaseName(path);
        QVERIFY(raw.open());
        QVERIFY(sql::exec(raw, QStringLiteral("CREATE TABLE added_later (x)")));
        const int newer = latestSchemaVersion() + 1;
        // security-check: allow test fixture writing a chosen schema version
        QVERIFY(sql::exec(raw, QStringLiteral("PRAGMA user_version = %1").arg(newer)));
        raw.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
}

} // namespace

class TestReadOnlyWindow : public test::WindowTestCase
{
    Q_OBJECT

    // A healthy console.db (holding app_meta 'kept') on a tmpfs in dir, then the tmpfs filled
    // up by "filler": a full disk under a database. Nothing, with *why set, where mounting is
    // not permitted.
    static std::unique_ptr<test::ScopedMount> fullDiskUnderADatabase(const QTemporaryDir &dir,
                                                                     QString *why)
    {
        auto mount = test::ScopedMount::tmpfs(dir.filePath(QStringLiteral("full")),
                                              QStringLiteral("2m"), why);
        if (!mount)
            return nullptr;
        {
            DatabaseOpenResult result;
            auto database = Database::open(mount->path() + QStringLiteral("/console.db"), &result);
            if (!database || !sql::exec(database->connection(),
                                        QStringLiteral("INSERT INTO app_meta VALUES ('kept', "
                                                       "'yes')"))) {
                *why = QStringLiteral("cannot make the database: ") + result.message;
                return nullptr;
            }
        }
        test::fillDisk(mount->path() + QStringLiteral("/filler"));
        return mount;
    }

private Q_SLOTS:
    void readOnlyDataDirShowsTheBanner()
    {
        QTemporaryDir dir;
        const QString source = dir.filePath(QStringLiteral("rw"));
        QVERIFY(QDir().mkpath(source));
        {
            DatabaseOpenResult result;
            QVERIFY(Database::open(source + QStringLiteral("/console.db"), &result));
        }
        QString why;
        auto mount =
            test::ScopedMount::readOnlyBind(source, dir.filePath(QStringLiteral("ro")), &why);
        if (!mount)
            QSKIP(qPrintable(why));
        auto database = openDatabaseForGui(mount->path() + QStringLiteral("/console.db"));
        QVERIFY(database);
        QVERIFY(database->isReadOnly());
        {
            MainWindow window({database.get(), mount->path(), {}});
            window.show();
            auto *banner = window.findChild<QLabel *>(QStringLiteral("readOnlyBanner"));
            QVERIFY(banner);
            QTRY_VERIFY(banner->isVisible());
            QVERIFY2(banner->text().contains(QStringLiteral("Read-only")) &&
                         banner->text().contains(mount->path()) &&
                         banner->text().contains(QStringLiteral("not saved")),
                     qPrintable(banner->text()));
            window.close();
        }
        database.reset();
    }

    // On a full disk SQLite cannot make the -shm it needs even to read: that used to be
    // reported as "not a readable console database" with an offer to move the file aside.
    void fullDiskOpensReadOnlyAndNeverOffersToMoveTheFileAside()
    {
        QTemporaryDir dir;
        QString why;
        auto mount = fullDiskUnderADatabase(dir, &why);
        QVERIFY2(mount || why.startsWith(QStringLiteral("mounting is not permitted")),
                 qPrintable(why));
        if (!mount)
            QSKIP(qPrintable(why));
        const QString path = mount->path() + QStringLiteral("/console.db");
        const QString filler = mount->path() + QStringLiteral("/filler");
        QVERIFY(QFile::exists(filler));
        const QByteArray before = test::fileHash(path);

        QStringList asked;
        DatabaseProblemDialog::answerForTests = [&](const QString &message,
                                                    const QList<DatabaseProblemChoice> &) {
            asked << message;
            return DatabaseProblemChoice::Quit;
        };
        auto database = openDatabaseForGui(path);
        QVERIFY2(asked.isEmpty(), qPrintable(asked.join(QLatin1Char('\n'))));
        QVERIFY(database);
        QVERIFY(database->isReadOnly());
        QCOMPARE(sql::scalar(database->connection(),
                             QStringLiteral("SELECT value FROM app_meta WHERE key = 'kept'"))
                     .toString(),
                 QStringLiteral("yes"));
        {
            MainWindow window({database.get(), mount->path(), {}});
            window.show();
            auto *banner = window.findChild<QLabel *>(QStringLiteral("readOnlyBanner"));
            QVERIFY(banner);
            QTRY_VERIFY(banner->isVisible());
            QVERIFY2(
                banner->text().contains(QStringLiteral("no space left on %1").arg(mount->path())),
                qPrintable(banner->text()));
            window.close();
        }
        database.reset();
        QCOMPARE(test::fileHash(path), before);
        QVERIFY(QFile::remove(filler));
    }

    // The watch says once, off the UI thread, when a full disk has room again.
    void theWatchSeesSpaceComeBack()
    {
        QTemporaryDir dir;
        QString why;
        auto mount = fullDiskUnderADatabase(dir, &why);
        QVERIFY2(mount || why.startsWith(QStringLiteral("mounting is not permitted")),
                 qPrintable(why));
        if (!mount)
            QSKIP(qPrintable(why));
        const QString path = mount->path() + QStringLiteral("/console.db");
        const QString filler = mount->path() + QStringLiteral("/filler");
        QVERIFY(QFile::exists(filler));
        WritableAgainWatch watch(path, std::chrono::milliseconds(20));
        QSignalSpy writable(&watch, &WritableAgainWatch::writable);
        QTest::qWait(200);
        QCOMPARE(writable.count(), 0);
        QVERIFY(QFile::remove(filler));
        QTRY_COMPARE(writable.count(), 1);
        QTest::qWait(200);
        QCOMPARE(writable.count(), 1);
    }

    // The real console started on a full disk opens read-only, and once space is back opens
    // its window again, this time for writing (no second "opened read-only").
    void theConsoleGoesBackToWritingOnceSpaceIsBack()
    {
        QTemporaryDir dir;
        QString why;
        auto mount = test::ScopedMount::tmpfs(dir.filePath(QStringLiteral("full")),
                                              QStringLiteral("4m"), &why);
        if (!mount)
            QSKIP(qPrintable(why));
        QVERIFY(test::runConsole({QStringLiteral("--data-dir"), mount->path(),
                                  QStringLiteral("incident"), QStringLiteral("list")})
                    .exitCode == 0);
        const QString filler = mount->path() + QStringLiteral("/filler");
        QVERIFY(test::fillDisk(filler) > 0);

        QProcess console;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        console.setProcessEnvironment(environment);
        console.setProcessChannelMode(QProcess::MergedChannels);
        QString log;
        connect(&console, &QProcess::readyRead, this,
                [&] { log += QString::fromUtf8(console.readAll()); });
        console.start(test::consoleBinary(),
                      {QStringLiteral("--data-dir"), mount->path(), QStringLiteral("--log-level"),
                       QStringLiteral("storage=info,ui=info")});
        QTRY_VERIFY_WITH_TIMEOUT(log.contains(QStringLiteral("opened read-only")), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(log.contains(QStringLiteral("window shown")), 20000);
        QVERIFY2(!log.contains(QStringLiteral("writable again")), qPrintable(log));

        QVERIFY(QFile::remove(filler));
        QTRY_VERIFY2_WITH_TIMEOUT(log.contains(QStringLiteral("is writable again: reopening it")),
                                  qPrintable(log), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(log.count(QStringLiteral("window shown")) == 2, 20000);
        QVERIFY2(log.count(QStringLiteral("opened read-only")) == 1, qPrintable(log));
        console.terminate();
        QVERIFY(console.waitForFinished(20000));
    }

    void writableDatabaseHasNoBanner()
    {
        QTemporaryDir dir;
        auto database = openDatabaseForGui(dir.filePath(QStringLiteral("console.db")));
        QVERIFY(database);
        QVERIFY(!database->isReadOnly());
        MainWindow window({database.get(), dir.path(), {}});
        QVERIFY(!window.findChild<QLabel *>(QStringLiteral("readOnlyBanner")));
    }

    void newerReadableSchemaOffersOpenReadOnly()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("console.db"));
        createNewerDatabase(path, true);
        const QByteArray before = test::fileHash(path);
        QList<DatabaseProblemChoice> offered;
        DatabaseProblemDialog::answerForTests = [&](const QString &,
                                                    const QList<DatabaseProblemChoice> &choices) {
            offered = choices;
            return DatabaseProblemChoice::OpenReadOnly;
        };
        auto database = openDatabaseForGui(path);
        QVERIFY(database);
        QVERIFY(database->isReadOnly());
        QVERIFY(database->readOnlyReason().contains(QStringLiteral("newer")));
        QCOMPARE(offered,
                 (QList<DatabaseProblemChoice>{DatabaseProblemChoice::OpenReadOnly,
                                               DatabaseProblemChoice::MoveAsideAndStartFresh,
                                               DatabaseProblemChoice::Quit}));
        database.reset();
        QCOMPARE(test::fileHash(path), before);
    }

    void newerUnreadableSchemaDoesNotOfferReadOnly()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("console.db"));
        createNewerDatabase(path, false);
        QList<DatabaseProblemChoice> offered;
        DatabaseProblemDialog::answerForTests = [&](const QString &,
                                                    const QList<DatabaseProblemChoice> &choices) {
            offered = choices;
            return DatabaseProblemChoice::Quit;
        };
        QVERIFY(!openDatabaseForGui(path));
        QCOMPARE(offered,
                 (QList<DatabaseProblemChoice>{DatabaseProblemChoice::MoveAsideAndStartFresh,
                                               DatabaseProblemChoice::Quit}));
    }

    void damagedFileOffersNoReadOnlyView()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("console.db"));
        QVERIFY(test::writeFile(path, "not a database at all"));
        QList<DatabaseProblemChoice> offered;
        DatabaseProblemDialog::answerForTests = [&](const QString &,
                                                    const QList<DatabaseProblemChoice> &choices) {
            offered = choices;
            return DatabaseProblemChoice::Quit;
        };
        QVERIFY(!openDatabaseForGui(path));
        QCOMPARE(offered,
                 (QList<DatabaseProblemChoice>{DatabaseProblemChoice::MoveAsideAndStartFresh,
                                               DatabaseProblemChoice::Quit}));
    }
};

QTEST_MAIN(TestReadOnlyWindow)
#include "test_read_only_window.moc"
