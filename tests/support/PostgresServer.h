#pragma once

// A real PostgreSQL 15 for a test: initdb into a temp dir, a server on a free port of
// 127.0.0.1 (as the postgres user when the test runs as root, which PostgreSQL requires),
// psql through its Unix socket, and kill/restart for tests of a server that dies.

#include "TestSupport.h"

#include <QFileInfo>
#include <QProcess>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>
#include <signal.h>

namespace ic::test {

class PostgresServer
{
public:
    static inline const QString bin = QStringLiteral("/usr/lib/postgresql/15/bin");

    ~PostgresServer() { stop(); }

    bool isInstalled() const { return QFileInfo::exists(bin + QStringLiteral("/initdb")); }
    int port() const { return m_port; }

    // Before start(): the server speaks TLS with this certificate and key (readable by the
    // server's user; the key 0600), and takes no connection over TCP without it.
    void enableTls(const QString &certificate, const QString &key)
    {
        m_tlsOnly = true;
        m_options << QStringLiteral("-c") << QStringLiteral("ssl=on") << QStringLiteral("-c")
                  << QStringLiteral("ssl_cert_file=") + certificate << QStringLiteral("-c")
                  << QStringLiteral("ssl_key_file=") + key;
    }

    // Creates the cluster (superuser postgres, trusted on the socket; every other role logs in
    // over TCP with its password) and starts the server. Returns why it failed, or empty.
    QString start()
    {
        const QString root = m_dir.filePath(QStringLiteral("pg"));
        QDir().mkpath(root);
        if (::geteuid() == 0) {
            QProcess::execute(
                QStringLiteral("chown"),
                {QStringLiteral("-R"), QStringLiteral("postgres:postgres"), m_dir.path()});
            QFile::setPermissions(m_dir.path(), QFile::ReadOwner | QFile::WriteOwner |
                                                    QFile::ExeOwner | QFile::ExeOther);
        }
        m_socketDir = root;
        m_data = root + QStringLiteral("/data");
        QString error;
        if (!run(bin + QStringLiteral("/initdb"),
                 {QStringLiteral("-D"), m_data, QStringLiteral("-A"), QStringLiteral("trust"),
                  QStringLiteral("-U"), QStringLiteral("postgres")},
                 &error))
            return QStringLiteral("initdb: ") + error;
        if (!writeFile(m_data + QStringLiteral("/pg_hba.conf"),
                       m_tlsOnly ? "local all all trust\n"
                                   "hostssl all all 127.0.0.1/32 scram-sha-256\n"
                                 : "local all all trust\n"
                                   "host all all 127.0.0.1/32 scram-sha-256\n"))
            return QStringLiteral("cannot write pg_hba.conf");
        m_port = freePort();
        return restart();
    }

    // start(), then the team's login role (with password) owning the database "ic": what a
    // team server holds before the first console joins. Returns why it failed, or empty.
    QString startTeamServer(const QString &role, const QString &password)
    {
        if (const QString problem = start(); !problem.isEmpty())
            return problem;
        // psql -c takes no bound parameters; role and password are constants of the tests.
        const QString createRole =
            // security-check: allow constants of the tests
            QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD '%2'").arg(role, password);
        if (!psql(createRole) ||
            // security-check: allow a constant of the tests
            !psql(QStringLiteral("CREATE DATABASE ic OWNER %1").arg(role)))
            return QStringLiteral("cannot create the team's role and database");
        return {};
    }

    // Starts the server again on the same port and data (after kill()).
    QString restart()
    {
        const QStringList arguments =
            QStringList{QStringLiteral("-D"), m_data,
                        QStringLiteral("-p"), QString::number(m_port),
                        QStringLiteral("-k"), m_socketDir,
                        QStringLiteral("-c"), QStringLiteral("listen_addresses=127.0.0.1"),
                        QStringLiteral("-c"), QStringLiteral("fsync=off")} +
            m_options;
        QStringList command = asPostgresUser(bin + QStringLiteral("/postgres"), arguments);
        m_server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_server.start(command.takeFirst(), command);
        if (!m_server.waitForStarted())
            return QStringLiteral("postgres did not start");
        for (int attempt = 0; attempt < 600; ++attempt) {
            if (psql(QStringLiteral("SELECT 1"), nullptr, false))
                return {};
            QThread::msleep(100);
        }
        return QStringLiteral("postgres did not accept connections within 60 s");
    }

    // The server dies at once, as on a power cut or an OOM kill.
    void kill() { signalServer(SIGKILL); }

    // A fast shutdown: sessions are closed, nothing waits for clients.
    void stop() { signalServer(SIGINT); }

    // Runs SQL as the superuser in database; *output gets the unaligned result.
    bool psql(const QString &sql, QString *output = nullptr, bool warn = true,
              const QString &database = QStringLiteral("postgres")) const
    {
        QString error;
        const bool ok =
            run(bin + QStringLiteral("/psql"),
                {QStringLiteral("-h"), m_socketDir, QStringLiteral("-p"), QString::number(m_port),
                 QStringLiteral("-U"), QStringLiteral("postgres"), QStringLiteral("-d"), database,
                 QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-At"),
                 QStringLiteral("-c"), sql},
                &error, output);
        if (!ok && warn)
            qWarning("psql: %s", qPrintable(error));
        return ok;
    }

private:
    // The postmaster itself (under runuser when the test runs as root, so not our child): its
    // pid is the first line of postmaster.pid.
    void signalServer(int signal)
    {
        if (m_server.state() == QProcess::NotRunning)
            return;
        QFile pidFile(m_data + QStringLiteral("/postmaster.pid"));
        const qint64 pid =
            pidFile.open(QIODevice::ReadOnly) ? pidFile.readLine().trimmed().toLongLong() : 0;
        ::kill(pid_t(pid > 0 ? pid : m_server.processId()), signal);
        if (!m_server.waitForFinished(30000)) {
            m_server.kill();
            m_server.waitForFinished();
        }
        // The backends exit once the postmaster is gone.
        QThread::msleep(signal == SIGKILL ? 500 : 0);
    }

    static QStringList asPostgresUser(const QString &program, const QStringList &args)
    {
        if (::geteuid() != 0)
            return QStringList{program} + args;
        return QStringList{QStringLiteral("runuser"), QStringLiteral("-u"),
                           QStringLiteral("postgres"), QStringLiteral("--"), program} +
               args;
    }

    static bool run(const QString &program, const QStringList &args, QString *error,
                    QString *output = nullptr)
    {
        QStringList command = asPostgresUser(program, args);
        QProcess process;
        process.start(command.takeFirst(), command);
        if (!process.waitForFinished(120000) || process.exitStatus() != QProcess::NormalExit ||
            process.exitCode() != 0) {
            *error = QString::fromUtf8(process.readAllStandardError());
            return false;
        }
        if (output)
            *output = QString::fromUtf8(process.readAllStandardOutput()).trimmed();
        return true;
    }

    // Outside the build tree: the postgres user must be able to reach it.
    QTemporaryDir m_dir{QStringLiteral("/tmp/incident-console-pg-XXXXXX")};
    QProcess m_server;
    QString m_data;
    QStringList m_options;
    bool m_tlsOnly = false;
    QString m_socketDir;
    int m_port = 0;
};

} // namespace ic::test
