#include "HealthTestSupport.h"
#include "TestSupport.h"
#include "core/Logging.h"
#include "health/probes/PostgresQueryProbe.h"

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
    QString m_postgresSocketDir;

    // Runs SQL as the superuser through the server's Unix socket.
    bool psql(const QString &sql) const
    {
        QStringList command = asPostgresUser(
            postgresBin + QStringLiteral("/psql"),
            {QStringLiteral("-h"), m_postgresSocketDir, QStringLiteral("-p"),
             QString::number(m_postgresPort), QStringLiteral("-U"), QStringLiteral("postgres"),
             QStringLiteral("-d"), QStringLiteral("postgres"), QStringLiteral("-v"),
             QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-c"), sql});
        QProcess process;
        process.start(command.takeFirst(), command);
        if (!process.waitForFinished(60000) || process.exitCode() != 0) {
            qWarning("psql: %s", process.readAllStandardError().constData());
            return false;
        }
        return true;
    }
    CheckDefinition postgresLogin(const QString &passwordSource) const
    {
        return checkFrom(QStringLiteral("{name: db-login, type: postgres, host: 127.0.0.1, "
                                        "port: %1, user: probe, database: postgres, timeout: 5s, "
                                        "%2}")
                             .arg(m_postgresPort)
                             .arg(passwordSource));
    }

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

        // The password kept outside health.yaml: an environment variable or a file.
        qputenv("TEST_REDIS_PASSWORD", "s3cret");
        QCOMPARE(runOnce(redis(QStringLiteral("password_env: TEST_REDIS_PASSWORD"))).state,
                 State::Ok);
        QVERIFY(test::writeFile(m_dir.filePath(QStringLiteral("redis.secret")), "s3cret\n"));
        QCOMPARE(runOnce(redis(QStringLiteral("password_file: %1")
                                   .arg(m_dir.filePath(QStringLiteral("redis.secret")))))
                     .state,
                 State::Ok);
        qunsetenv("TEST_REDIS_PASSWORD");
        const CheckResult unset =
            runOnce(redis(QStringLiteral("password_env: TEST_REDIS_PASSWORD")));
        QVERIFY2(unset.state == State::Unknown, qPrintable(describe(unset)));
        QVERIFY2(unset.message.contains(QStringLiteral("TEST_REDIS_PASSWORD is not set")),
                 qPrintable(unset.message));
    }

    // A server that repeats the password in its error must not put it into the message, the
    // resolved values or, through them, the history (SECURITY.md, "Secrets stay secret").
    void passwordEchoedByTheServerIsMasked()
    {
        QProcess echo;
        echo.start(QStringLiteral("python3"), {QFINDTESTDATA("echo_redis.py")});
        QVERIFY(echo.waitForStarted() && echo.waitForReadyRead(10000));
        const int port = echo.readLine().trimmed().toInt();
        QVERIFY(port > 0);
        const QString password = QStringLiteral("Echoed-S3cret");
        qputenv("TEST_ECHO_PASSWORD", password.toUtf8());
        const QString file = m_dir.filePath(QStringLiteral("echo.secret"));
        QVERIFY(test::writeFile(file, password.toUtf8() + "\n"));
        const QStringList sources{QStringLiteral("password: ") + password,
                                  QStringLiteral("password_env: TEST_ECHO_PASSWORD"),
                                  QStringLiteral("user: probe, password_file: ") + file};
        for (const QString &source : sources) {
            const CheckResult result = runOnce(
                checkFrom(QStringLiteral("{name: echo, type: redis, host: 127.0.0.1, port: %1, %2, "
                                         "conditions: [\"[RESPONSE] == PONG\"]}")
                              .arg(port)
                              .arg(source)));
            const QString everything = describe(result);
            QVERIFY2(result.state == State::Crit, qPrintable(everything));
            QVERIFY2(!everything.contains(password), qPrintable(everything));
            QVERIFY2(result.message.contains(QStringLiteral("WRONGPASS invalid password "
                                                            "'********'")),
                     qPrintable(result.message));
            QCOMPARE(result.conditions.at(0).resolved,
                     QStringLiteral("[RESPONSE] (WRONGPASS invalid password '********') == PONG"));
        }
        qunsetenv("TEST_ECHO_PASSWORD");
        echo.kill();
        echo.waitForFinished();
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
        // Over TCP only the superuser is trusted; every other role needs its password.
        QVERIFY(test::writeFile(data + QStringLiteral("/pg_hba.conf"),
                                "local all all trust\n"
                                "host all postgres 127.0.0.1/32 trust\n"
                                "host all all 127.0.0.1/32 scram-sha-256\n"));
        m_postgresSocketDir = root;

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

    // With credentials the check logs in through Qt's QPSQL driver and runs SELECT 1; the
    // password comes from an environment variable or a file and shows up nowhere.
    void postgresLoginRunsSelectOneAndKeepsThePasswordOut()
    {
        if (m_postgresPort == 0)
            QSKIP("needs the PostgreSQL server the previous test starts");
        if (!PostgresQueryProbe::driverAvailable())
            QSKIP("Qt's PostgreSQL driver is not installed (scripts/setup installs "
                  "libqt6sql6-psql)");
        const QString password = QStringLiteral("Corr3ct-Horse-Battery");
        const QString wrong = QStringLiteral("Wr0ng-Staple-Guess");
        // security-check: allow a constant of this test; psql -c takes no bound parameters
        QVERIFY(psql(QStringLiteral("CREATE ROLE probe LOGIN PASSWORD '%1'").arg(password)));
        log::Options logging;
        logging.logDir = m_dir.filePath(QStringLiteral("logs"));
        logging.levels.defaultLevel = spdlog::level::debug;
        QVERIFY(log::setup(logging).isEmpty());

        qputenv("IC_TEST_PG_PASSWORD", password.toUtf8());
        const CheckResult fromEnv =
            runOnce(postgresLogin(QStringLiteral("password_env: IC_TEST_PG_PASSWORD")));
        QVERIFY2(fromEnv.state == State::Ok, qPrintable(describe(fromEnv)));
        QCOMPARE(fromEnv.message, QStringLiteral("SELECT 1 answered as probe"));
        QCOMPARE(fromEnv.conditions.at(0).resolved, QStringLiteral("[QUERY] (true) == true"));

        const QString secretFile = m_dir.filePath(QStringLiteral("pg-password"));
        QVERIFY(test::writeFile(secretFile, password.toUtf8() + "\n"));
        const CheckResult fromFile =
            runOnce(postgresLogin(QStringLiteral("password_file: ") + secretFile));
        QVERIFY2(fromFile.state == State::Ok, qPrintable(describe(fromFile)));

        qputenv("IC_TEST_PG_PASSWORD", wrong.toUtf8());
        const CheckResult rejected =
            runOnce(postgresLogin(QStringLiteral("password_env: IC_TEST_PG_PASSWORD")));
        QVERIFY2(rejected.state == State::Crit, qPrintable(describe(rejected)));
        QVERIFY2(rejected.message.startsWith(QStringLiteral("cannot log in as probe: ")) &&
                     rejected.message.contains(QStringLiteral("password authentication failed")),
                 qPrintable(rejected.message));
        QCOMPARE(rejected.conditions.at(0).resolved, QStringLiteral("[QUERY] (false) == true"));
        for (const QString &secret : {password, wrong})
            QVERIFY2(!describe(rejected).contains(secret), qPrintable(describe(rejected)));

        qunsetenv("IC_TEST_PG_PASSWORD");
        const CheckResult unset =
            runOnce(postgresLogin(QStringLiteral("password_env: IC_TEST_PG_PASSWORD")));
        QVERIFY2(unset.state == State::Unknown, qPrintable(describe(unset)));
        QVERIFY2(unset.message.contains(QStringLiteral("IC_TEST_PG_PASSWORD is not set")),
                 qPrintable(unset.message));

        // The rejected login was logged (debug), the password never.
        log::get(log::Health)->flush();
        QFile logFile(log::logFilePath());
        QVERIFY2(logFile.open(QIODevice::ReadOnly), qPrintable(log::logFilePath()));
        const QString logged = QString::fromUtf8(logFile.readAll());
        QVERIFY2(logged.contains(QStringLiteral("password authentication failed")),
                 qPrintable(logged));
        for (const QString &secret : {password, wrong})
            QVERIFY(!logged.contains(secret));
    }
};

QTEST_GUILESS_MAIN(TestHealthServers)
#include "test_health_servers.moc"
