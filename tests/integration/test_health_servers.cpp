#include "HealthTestSupport.h"

#include <QTemporaryDir>
#include <unistd.h>

using namespace ic;
using namespace ic::health;
using ic::test::checkFrom;
using ic::test::describe;
using ic::test::runOnce;

namespace {

const QString postgresBin = QStringLiteral("/usr/lib/postgresql/15/bin");

// PostgreSQL refuses to run as root; the test then runs it as the postgres user.
QStringList asPostgresUser(const QString &program, const QStringList &args)
{
    if (::geteuid() != 0)
        return QStringList{program} + args;
    return QStringList{QStringLiteral("runuser"), QStringLiteral("-u"), QStringLiteral("postgres"),
                       QStringLiteral("--"), program} +
           args;
}

} // namespace

// Redis and PostgreSQL probes against real servers started here on 127.0.0.1.
class TestHealthServers : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    // Outside the build tree: the postgres user must be able to reach it.
    QTemporaryDir m_postgresDir{QStringLiteral("/tmp/incident-console-pg-XXXXXX")};
    QProcess m_redis;
    QProcess m_postgres;
    int m_redisPort = 0;
    int m_postgresPort = 0;

    CheckDefinition redis(const QString &more = {}) const
    {
        return checkFrom(QStringLiteral("{name: cache, type: redis, host: 127.0.0.1, port: %1%2}")
                             .arg(m_redisPort)
                             .arg(more.isEmpty() ? QString() : QStringLiteral(", ") + more));
    }
    CheckDefinition postgres(int port) const
    {
        return checkFrom(
            QStringLiteral("{name: db, type: postgres, host: 127.0.0.1, port: %1, timeout: 3s}")
                .arg(port));
    }

private Q_SLOTS:
    void cleanupTestCase()
    {
        for (QProcess *server : {&m_redis, &m_postgres}) {
            if (server->state() == QProcess::NotRunning)
                continue;
            server->terminate();
            if (!server->waitForFinished(10000)) {
                server->kill();
                server->waitForFinished();
            }
        }
    }

    void redisAnswersPongOnlyWithThePassword()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("redis-server")).isEmpty())
            QSKIP("redis-server is not installed (scripts/setup installs it)");
        m_redisPort = test::freePort();
        m_redis.start(QStringLiteral("redis-server"),
                      {QStringLiteral("--port"), QString::number(m_redisPort),
                       QStringLiteral("--bind"), QStringLiteral("127.0.0.1"),
                       QStringLiteral("--save"), QString(), QStringLiteral("--appendonly"),
                       QStringLiteral("no"), QStringLiteral("--dir"), m_dir.path(),
                       QStringLiteral("--requirepass"), QStringLiteral("s3cret")});
        QVERIFY(m_redis.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(
            runOnce(redis(QStringLiteral("password: s3cret"))).state == State::Ok, 15000);
        const CheckResult ok = runOnce(redis(QStringLiteral("password: s3cret")));
        QCOMPARE(ok.conditions.at(0).resolved, QStringLiteral("[RESPONSE] (PONG) == PONG"));
        const CheckResult noAuth = runOnce(redis());
        QVERIFY2(noAuth.state == State::Crit, qPrintable(describe(noAuth)));
        QVERIFY2(noAuth.message.contains(QStringLiteral("NOAUTH")), qPrintable(noAuth.message));
        const CheckResult wrong = runOnce(redis(QStringLiteral("password: wrong")));
        QVERIFY2(wrong.state == State::Crit, qPrintable(describe(wrong)));
        QVERIFY2(wrong.message.contains(QStringLiteral("AUTH refused")), qPrintable(wrong.message));
    }

    void redisDown()
    {
        const CheckResult down = runOnce(
            checkFrom(QStringLiteral("{name: c, type: redis, port: %1}").arg(test::freePort())));
        QVERIFY2(down.state == State::Crit, qPrintable(describe(down)));
        QVERIFY(down.message.contains(QStringLiteral("refused"), Qt::CaseInsensitive));
    }

    void postgresAcceptingIsToldFromAnOpenPort()
    {
        const QString initdb = postgresBin + QStringLiteral("/initdb");
        if (!QFileInfo::exists(initdb))
            QSKIP("PostgreSQL 15 is not installed (scripts/setup installs postgresql)");
        const QString root = m_postgresDir.filePath(QStringLiteral("pg"));
        QVERIFY(QDir().mkpath(root));
        if (::geteuid() == 0) {
            QCOMPARE(QProcess::execute(QStringLiteral("chown"),
                                       {QStringLiteral("-R"), QStringLiteral("postgres:postgres"),
                                        m_postgresDir.path()}),
                     0);
            QFile::setPermissions(m_postgresDir.path(), QFile::ReadOwner | QFile::WriteOwner |
                                                            QFile::ExeOwner | QFile::ExeOther);
        }
        const QString data = root + QStringLiteral("/data");
        QStringList init = asPostgresUser(initdb, {QStringLiteral("-D"), data, QStringLiteral("-A"),
                                                   QStringLiteral("trust"), QStringLiteral("-U"),
                                                   QStringLiteral("postgres")});
        QProcess initProcess;
        initProcess.start(init.takeFirst(), init);
        QVERIFY(initProcess.waitForFinished(120000));
        QVERIFY2(initProcess.exitCode() == 0, initProcess.readAllStandardError().constData());

        m_postgresPort = test::freePort();
        QStringList run =
            asPostgresUser(postgresBin + QStringLiteral("/postgres"),
                           {QStringLiteral("-D"), data, QStringLiteral("-p"),
                            QString::number(m_postgresPort), QStringLiteral("-k"), root,
                            QStringLiteral("-c"), QStringLiteral("listen_addresses=127.0.0.1"),
                            QStringLiteral("-c"), QStringLiteral("fsync=off")});
        m_postgres.start(run.takeFirst(), run);
        QVERIFY(m_postgres.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(runOnce(postgres(m_postgresPort)).state == State::Ok, 60000);
        const CheckResult up = runOnce(postgres(m_postgresPort));
        QVERIFY2(up.message.contains(QStringLiteral("accepting connections")),
                 qPrintable(up.message));
        QCOMPARE(up.conditions.at(0).resolved, QStringLiteral("[ACCEPTING] (true) == true"));

        // A database that does not exist still proves the server accepts connections.
        const CheckResult otherDatabase = runOnce(checkFrom(
            QStringLiteral("{name: db, type: postgres, port: %1, user: nobody, database: nope}")
                .arg(m_postgresPort)));
        QVERIFY2(otherDatabase.state == State::Ok, qPrintable(describe(otherDatabase)));

        // Redis's port is open, but it does not speak PostgreSQL (it waits for a line end).
        if (m_redisPort > 0) {
            const CheckResult notPostgres = runOnce(postgres(m_redisPort));
            QVERIFY2(notPostgres.state == State::Crit, qPrintable(describe(notPostgres)));
            QVERIFY2(notPostgres.message.startsWith(QStringLiteral("port open, but")),
                     qPrintable(notPostgres.message));
        }
        const CheckResult down = runOnce(postgres(test::freePort()));
        QVERIFY2(down.state == State::Crit, qPrintable(describe(down)));
    }
};

QTEST_GUILESS_MAIN(TestHealthServers)
#include "test_health_servers.moc"
