#include "TestSupport.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace ic;

// Drives the real incident-console executable, as a user or a script would.
class TestCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_root;
    QString freshDataDir(const QString &name) const { return m_root.filePath(name); }

private Q_SLOTS:
    void versionPrintsAndSucceeds()
    {
        const auto result = test::runConsole({QStringLiteral("--version")});
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(result.out.trimmed(),
                 QStringLiteral("incident-console ") + QStringLiteral(INCIDENT_CONSOLE_VERSION));
    }

    void helpListsOnlyWorkingSubcommands()
    {
        const auto result = test::runConsole({QStringLiteral("--help")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.contains(QStringLiteral("--data-dir")));
        QVERIFY(result.out.contains(QStringLiteral("backup")));
        QVERIFY(result.out.contains(QStringLiteral("Exit codes")));
        QVERIFY2(result.out.startsWith(QStringLiteral("Usage: incident-console [options]")),
                 qPrintable(result.out.left(80)));
    }

    void unknownSubcommandIsAUsageError()
    {
        const auto result = test::runConsole({QStringLiteral("frobnicate")});
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.err.contains(QStringLiteral("frobnicate")));
        QVERIFY(result.err.contains(QStringLiteral("backup")));
    }

    void unknownOptionIsAUsageError()
    {
        const auto result = test::runConsole({QStringLiteral("--frobnicate")});
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.err.contains(QStringLiteral("frobnicate")));
    }

    void invalidLogLevelIsAUsageError()
    {
        const auto result =
            test::runConsole({QStringLiteral("backup"), QStringLiteral("--data-dir"),
                              freshDataDir(QStringLiteral("ll")), QStringLiteral("--log-level"),
                              QStringLiteral("info,nosuch=debug")});
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.err.contains(QStringLiteral("nosuch")));
    }

    void backupWritesAPrivateReadableCopy()
    {
        const QString dataDir = freshDataDir(QStringLiteral("backup"));
        const QString output = m_root.filePath(QStringLiteral("copy.db"));
        const auto result =
            test::runConsole({QStringLiteral("--data-dir"), dataDir, QStringLiteral("backup"),
                              QStringLiteral("--output"), output});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QCOMPARE(result.out.trimmed(), output);
        QCOMPARE(test::unixMode(dataDir), 0700);
        QCOMPARE(test::unixMode(dataDir + QStringLiteral("/console.db")), 0600);
        QCOMPARE(test::unixMode(output), 0600);
        {
            QSqlDatabase copy =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("copy"));
            copy.setDatabaseName(output);
            QVERIFY(copy.open());
            QSqlQuery query(QStringLiteral("PRAGMA integrity_check"), copy);
            QVERIFY(query.next());
            QCOMPARE(query.value(0).toString(), QStringLiteral("ok"));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("copy"));

        const auto again =
            test::runConsole({QStringLiteral("--data-dir"), dataDir, QStringLiteral("backup"),
                              QStringLiteral("--output"), output});
        QCOMPARE(again.exitCode, 2);
        QVERIFY(again.err.contains(QStringLiteral("already exists")));
    }

    // Two backups in the same second without --output both succeed, as distinct files, and
    // --json prints where each went.
    void backupsInTheSameSecondBothSucceed()
    {
        const QString dataDir = freshDataDir(QStringLiteral("twice"));
        QStringList paths;
        for (int i = 0; i < 3; ++i) {
            const auto result =
                test::runConsole({QStringLiteral("--data-dir"), dataDir, QStringLiteral("backup"),
                                  QStringLiteral("--json")});
            QVERIFY2(result.exitCode == 0, qPrintable(result.err));
            const QString path = QJsonDocument::fromJson(result.out.toUtf8())
                                     .object()
                                     .value(QStringLiteral("path"))
                                     .toString();
            QVERIFY2(QFileInfo::exists(path), qPrintable(result.out));
            paths << path;
        }
        paths.removeDuplicates();
        QCOMPARE(paths.size(), 3);
    }

    void globalOptionsAfterTheSubcommandWork()
    {
        const QString dataDir = freshDataDir(QStringLiteral("after"));
        const auto result =
            test::runConsole({QStringLiteral("backup"), QStringLiteral("--data-dir"), dataDir});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QVERIFY(result.out.startsWith(dataDir + QStringLiteral("/backups/")));
    }

    void corruptDatabaseExitsThreeAndIsUntouched()
    {
        const QString dataDir = freshDataDir(QStringLiteral("corrupt"));
        QVERIFY(QDir().mkpath(dataDir));
        const QString db = dataDir + QStringLiteral("/console.db");
        QVERIFY(test::writeFile(db, QByteArray(4096, '\x5a')));
        const QByteArray before = test::fileHash(db);
        const auto result =
            test::runConsole({QStringLiteral("--data-dir"), dataDir, QStringLiteral("backup")});
        QCOMPARE(result.exitCode, 3);
        QVERIFY2(result.err.contains(db), qPrintable(result.err));
        QCOMPARE(test::fileHash(db), before);
        QVERIFY(!QFile::exists(db + QStringLiteral("-wal")));
    }

    void environmentChoosesTheDataDir()
    {
        const QString dataDir = freshDataDir(QStringLiteral("env"));
        const auto result = test::runConsole(
            {QStringLiteral("backup")}, {{QStringLiteral("INCIDENT_CONSOLE_DATA_DIR"), dataDir}});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QVERIFY(QFile::exists(dataDir + QStringLiteral("/console.db")));
        QVERIFY(QFile::exists(dataDir + QStringLiteral("/logs/incident-console.log")));
    }

    void guiWithoutDisplaySaysSoInOneLine()
    {
        const auto result = test::runConsole(
            {QStringLiteral("--data-dir"), freshDataDir(QStringLiteral("nodisplay"))},
            {{QStringLiteral("DISPLAY"), {}},
             {QStringLiteral("WAYLAND_DISPLAY"), {}},
             {QStringLiteral("QT_QPA_PLATFORM"), {}}});
        QCOMPARE(result.exitCode, 2);
        QCOMPARE(result.err.trimmed().count(QLatin1Char('\n')), 0);
        QVERIFY(result.err.contains(QStringLiteral("no display")));
    }

    void exitAfterFirstPaintPrintsMilliseconds()
    {
        const auto result =
            test::runConsole({QStringLiteral("--data-dir"), freshDataDir(QStringLiteral("paint")),
                              QStringLiteral("--exit-after-first-paint")},
                             {{QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen")}});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        bool isNumber = false;
        const qint64 ms = result.out.trimmed().toLongLong(&isNumber);
        QVERIFY2(isNumber, qPrintable(result.out));
        QVERIFY(ms > 0);
    }

    void firstFrameComesBeforeEverythingItDoesNotShow()
    {
        // The health config is written (and its checks started) after the first frame:
        // a window that leaves at its first paint never got to it.
        const QString dataDir = freshDataDir(QStringLiteral("first-frame"));
        const auto painted = test::runConsole(
            {QStringLiteral("--data-dir"), dataDir, QStringLiteral("--exit-after-first-paint")},
            {{QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen")}});
        QVERIFY2(painted.exitCode == 0, qPrintable(painted.err));
        QVERIFY(!QFileInfo::exists(dataDir + QStringLiteral("/health.yaml")));
        // Usable: the runbook list and the health board are filled, and it says when.
        const auto usable = test::runConsole(
            {QStringLiteral("--data-dir"), dataDir, QStringLiteral("--exit-when-usable")},
            {{QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen")}});
        QVERIFY2(usable.exitCode == 0, qPrintable(usable.err));
        bool isNumber = false;
        const qint64 ms = usable.out.trimmed().toLongLong(&isNumber);
        QVERIFY2(isNumber && ms > 0, qPrintable(usable.out));
        QVERIFY(QFileInfo::exists(dataDir + QStringLiteral("/health.yaml")));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
