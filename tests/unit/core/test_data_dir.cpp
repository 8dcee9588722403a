#include "TestSupport.h"
#include "core/DataDir.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace ic;

class TestDataDir : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void commandLineWinsOverEnvironment()
    {
        qputenv("INCIDENT_CONSOLE_DATA_DIR", "/tmp/from-env");
        const DataDirChoice choice = resolveDataDir(QStringLiteral("/tmp/from-cli"));
        QCOMPARE(choice.path, QStringLiteral("/tmp/from-cli"));
        QCOMPARE(choice.origin, QStringLiteral("--data-dir"));
    }

    void environmentWinsOverDefault()
    {
        qputenv("INCIDENT_CONSOLE_DATA_DIR", "/tmp/from-env");
        const DataDirChoice choice = resolveDataDir({});
        QCOMPARE(choice.path, QStringLiteral("/tmp/from-env"));
        QCOMPARE(choice.origin, QStringLiteral("INCIDENT_CONSOLE_DATA_DIR"));
    }

    void defaultIsTheAppDataLocation()
    {
        qunsetenv("INCIDENT_CONSOLE_DATA_DIR");
        const DataDirChoice choice = resolveDataDir({});
        QCOMPARE(choice.path, QStandardPaths::writableLocation(QStandardPaths::AppDataLocation));
        QCOMPARE(choice.origin, QStringLiteral("default"));
    }

    void createdDirectoryIsPrivate()
    {
        QTemporaryDir root;
        const QString path = root.filePath(QStringLiteral("nested/data"));
        QVERIFY(ensureDataDir(path).ok());
        QCOMPARE(test::unixMode(path), 0700);
        QVERIFY(ensureDataDir(path).ok()); // idempotent
    }

    void fileInTheWayIsNamed()
    {
        QTemporaryDir root;
        const QString path = root.filePath(QStringLiteral("occupied"));
        QVERIFY(test::writeFile(path, "x"));
        const QString problem = ensureDataDir(path).error();
        QVERIFY(problem.contains(path));
        QVERIFY(problem.contains(QStringLiteral("not a directory")));
    }
};

QTEST_GUILESS_MAIN(TestDataDir)
#include "test_data_dir.moc"
