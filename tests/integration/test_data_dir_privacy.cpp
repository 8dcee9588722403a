#include "TestSupport.h"

#include <QTemporaryDir>
#include <QtTest>
#include <pwd.h>
#include <unistd.h>

using namespace ic;

// The real binary on data dirs and files that other accounts can read or change: tightened
// when they are ours, refused (or, for health.yaml and templates, not used) when they are
// not. CI runs the tests as root, so a file of "another account" is one chowned to nobody.
class TestDataDirPrivacy : public QObject
{
    Q_OBJECT

    QTemporaryDir m_root;
    int m_case = 0;

    // A fresh data dir with console.db in it, made by the console itself.
    QString freshDataDir()
    {
        const QString dir = m_root.filePath(QStringLiteral("data%1").arg(++m_case));
        const auto made = run(dir, {QStringLiteral("incident"), QStringLiteral("list")});
        [&] {
            QVERIFY2(made.exitCode == 0, qPrintable(made.err));
        }();
        return dir;
    }

    static test::RunResult run(const QString &dataDir, const QStringList &args)
    {
        return test::runConsole(QStringList{QStringLiteral("--data-dir"), dataDir} + args);
    }

    static bool chmod(const QString &path, mode_t mode)
    {
        return ::chmod(QFile::encodeName(path).constData(), mode) == 0;
    }

    static bool giveToNobody(const QString &path)
    {
        const passwd *nobody = ::getpwnam("nobody");
        return nobody &&
               ::chown(QFile::encodeName(path).constData(), nobody->pw_uid, nobody->pw_gid) == 0;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_root.isValid());
        QVERIFY2(::geteuid() == 0, "files owned by another account are made with chown, which "
                                   "needs root (CI runs the suite as root)");
    }

    void worldWritableDataDirIsTightened()
    {
        const QString dir = m_root.filePath(QStringLiteral("open-dir"));
        QVERIFY(QDir().mkpath(dir));
        QVERIFY(chmod(dir, 0777));
        const auto result = run(dir, {QStringLiteral("incident"), QStringLiteral("list")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QCOMPARE(test::unixMode(dir), 0700);
        QCOMPARE(test::unixMode(QDir(dir).filePath(QStringLiteral("console.db"))), 0600);
    }

    void readableDatabaseSecretAndBackupsAreTightened()
    {
        const QString dir = freshDataDir();
        const QString db = QDir(dir).filePath(QStringLiteral("console.db"));
        const QString secret = QDir(dir).filePath(QStringLiteral("slack-webhook.secret"));
        const QString backups = QDir(dir).filePath(QStringLiteral("backups"));
        const QString backup = QDir(backups).filePath(QStringLiteral("console-old.db"));
        QVERIFY(test::writeFile(secret, "https://hooks.example/x\n"));
        QVERIFY(QDir().mkpath(backups));
        QVERIFY(test::writeFile(backup, "old"));
        for (const QString &file : {db, secret, backup})
            QVERIFY(chmod(file, 0644));
        QVERIFY(chmod(backups, 0755));
        const auto result = run(dir, {QStringLiteral("incident"), QStringLiteral("list")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        for (const QString &file : {db, secret, backup})
            QVERIFY2(test::unixMode(file) == 0600, qPrintable(file));
        QCOMPARE(test::unixMode(backups), 0700);
    }

    void dataDirOfAnotherAccountIsRefused()
    {
        const QString dir = m_root.filePath(QStringLiteral("nobodys-dir"));
        QVERIFY(QDir().mkpath(dir));
        QVERIFY(chmod(dir, 0777));
        QVERIFY(giveToNobody(dir));
        const auto result = run(dir, {QStringLiteral("incident"), QStringLiteral("list")});
        QCOMPARE(result.exitCode, 3);
        QVERIFY2(result.err.contains(dir + QStringLiteral(" belongs to nobody and has mode 0777")),
                 qPrintable(result.err));
        QVERIFY(!QFileInfo::exists(QDir(dir).filePath(QStringLiteral("console.db"))));
        QCOMPARE(test::unixMode(dir), 0777);
    }

    void databaseOfAnotherAccountIsRefused()
    {
        const QString dir = freshDataDir();
        const QString db = QDir(dir).filePath(QStringLiteral("console.db"));
        QVERIFY(chmod(db, 0644));
        QVERIFY(giveToNobody(db));
        const QByteArray before = test::fileHash(db);
        const auto result = run(dir, {QStringLiteral("incident"), QStringLiteral("list")});
        QCOMPARE(result.exitCode, 3);
        QVERIFY2(result.err.contains(db + QStringLiteral(" belongs to nobody and has mode 0644")),
                 qPrintable(result.err));
        QCOMPARE(test::fileHash(db), before);
    }

    void healthConfigOthersCanChangeIsNotUsed_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<bool>("nobodys");
        QTest::addColumn<QString>("expected");
        QTest::newRow("world-writable") << 0666 << false << QStringLiteral("has mode 0666");
        QTest::newRow("group-writable") << 0664 << false << QStringLiteral("has mode 0664");
        QTest::newRow("another account's")
            << 0644 << true << QStringLiteral("belongs to nobody (mode 0644)");
    }

    void healthConfigOthersCanChangeIsNotUsed()
    {
        QFETCH(int, mode);
        QFETCH(bool, nobodys);
        QFETCH(QString, expected);
        const QString dir = freshDataDir();
        const QString config = QDir(dir).filePath(QStringLiteral("health.yaml"));
        QVERIFY(test::writeFile(config, "checks:\n  - { name: planted, type: command, command: "
                                        "[touch, planted] }\n"));
        QVERIFY(chmod(config, mode_t(mode)));
        if (nobodys)
            QVERIFY(giveToNobody(config));
        const auto result = run(dir, {QStringLiteral("check")});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(config + QStringLiteral(": ") + expected),
                 qPrintable(result.err));
        QVERIFY(result.err.contains(QStringLiteral("not used")));
        QVERIFY(!result.out.contains(QStringLiteral("planted")));
    }

    void templateOthersCanChangeIsNotUsed()
    {
        const QString dir = freshDataDir();
        const auto declared = run(dir, {QStringLiteral("incident"), QStringLiteral("new"),
                                        QStringLiteral("--title"), QStringLiteral("Checkout down"),
                                        QStringLiteral("--severity"), QStringLiteral("SEV-2")});
        QVERIFY2(declared.exitCode == 0, qPrintable(declared.err));
        const QString templates = QDir(dir).filePath(QStringLiteral("templates"));
        QVERIFY(QDir().mkpath(templates));
        const QString planted = QDir(templates).filePath(QStringLiteral("initial.mustache"));
        QVERIFY(
            test::writeFile(planted, "{{! Initial: planted }}\nPLANTED <!channel> {{title}}\n"));
        QVERIFY(chmod(planted, 0666));
        const auto result =
            run(dir, {QStringLiteral("draft"), declared.out.trimmed(), QStringLiteral("initial")});
        QVERIFY2(result.err.contains(planted + QStringLiteral(":0: ") + planted +
                                     QStringLiteral(" has mode 0666")),
                 qPrintable(result.err));
        QVERIFY(!result.out.contains(QStringLiteral("PLANTED")));
        QVERIFY(result.out.contains(QStringLiteral("INCIDENT DECLARED: Checkout down")));
    }
};

QTEST_GUILESS_MAIN(TestDataDirPrivacy)
#include "test_data_dir_privacy.moc"
