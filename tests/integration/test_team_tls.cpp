// Team mode over TLS with the server's certificate checked (sslmode=verify-full and the team's
// CA file), against a real PostgreSQL whose certificate this test makes with openssl: a
// console joins; a CA that did not sign the server's certificate, or none at all, is refused
// with libpq's reason and nothing is stored.

#include "PostgresServer.h"
#include "TestSupport.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace ic;

namespace {

const QString password = QStringLiteral("Tls-Team-4419");

// Runs openssl; empty when it worked, else what it said.
QString openssl(const QStringList &args, const QString &dir)
{
    QProcess process;
    process.setWorkingDirectory(dir);
    process.start(QStringLiteral("openssl"), args);
    if (!process.waitForFinished(60000) || process.exitCode() != 0)
        return QString::fromLocal8Bit(process.readAllStandardError());
    return {};
}

// A CA named name: name.key and name.crt in dir.
QString makeAuthority(const QString &dir, const QString &name)
{
    return openssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                    QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-days"),
                    QStringLiteral("2"), QStringLiteral("-subj"),
                    QStringLiteral("/CN=Incident Console test CA ") + name,
                    QStringLiteral("-keyout"), name + QStringLiteral(".key"),
                    QStringLiteral("-out"), name + QStringLiteral(".crt")},
                   dir);
}

} // namespace

class TestTeamTls : public QObject
{
    Q_OBJECT

private:
    test::PostgresServer m_server;
    QTemporaryDir m_dirs;
    // Outside the build tree: the server's user must be able to reach its certificate.
    QTemporaryDir m_certDir{QStringLiteral("/tmp/incident-console-tls-XXXXXX")};
    QString m_certs;

    QString uri(const QString &rootCertificate) const
    {
        QString text = QStringLiteral("postgresql://ic@127.0.0.1:%1/ic?sslmode=verify-full")
                           .arg(m_server.port());
        if (!rootCertificate.isEmpty())
            text += QStringLiteral("&sslrootcert=") + rootCertificate;
        return text;
    }

    test::RunResult run(const QString &console, const QStringList &args)
    {
        // HOME without a ~/.postgresql/root.crt, so only the URI's CA file counts.
        return test::runConsole(
            QStringList{QStringLiteral("--data-dir"), m_dirs.filePath(console)} + args,
            {{QStringLiteral("PGPASSWORD"), password},
             {QStringLiteral("HOME"), m_dirs.filePath(console)}},
            60000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!m_server.isInstalled())
            QSKIP("PostgreSQL 15 is not installed (scripts/setup installs postgresql)");
        m_certs = m_certDir.path();
        QVERIFY(test::writeFile(m_certs + QStringLiteral("/san.cnf"),
                                "subjectAltName = IP:127.0.0.1, DNS:localhost\n"));
        for (const QString &name : {QStringLiteral("team"), QStringLiteral("other")}) {
            const QString made = makeAuthority(m_certs, name);
            QVERIFY2(made.isEmpty(), qPrintable(made));
        }
        QString problem = openssl({QStringLiteral("req"), QStringLiteral("-newkey"),
                                   QStringLiteral("rsa:2048"), QStringLiteral("-nodes"),
                                   QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                                   QStringLiteral("-keyout"), QStringLiteral("server.key"),
                                   QStringLiteral("-out"), QStringLiteral("server.csr")},
                                  m_certs);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        problem = openssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                           QStringLiteral("server.csr"), QStringLiteral("-CA"),
                           QStringLiteral("team.crt"), QStringLiteral("-CAkey"),
                           QStringLiteral("team.key"), QStringLiteral("-CAcreateserial"),
                           QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-extfile"),
                           QStringLiteral("san.cnf"), QStringLiteral("-out"),
                           QStringLiteral("server.crt")},
                          m_certs);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        // The server runs as postgres and wants its key private.
        QFile::setPermissions(m_certs + QStringLiteral("/server.key"),
                              QFile::ReadOwner | QFile::WriteOwner);
        if (::geteuid() == 0)
            QProcess::execute(QStringLiteral("chown"),
                              {QStringLiteral("postgres"), m_certs + QStringLiteral("/server.key"),
                               m_certs + QStringLiteral("/server.crt")});
        QFile::setPermissions(m_certs, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                           QFile::ExeOther | QFile::ReadOther);
        m_server.enableTls(m_certs + QStringLiteral("/server.crt"),
                           m_certs + QStringLiteral("/server.key"));
        problem = m_server.startTeamServer(QStringLiteral("ic"), password);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void aServerSignedByTheTeamsCaIsJoined()
    {
        const test::RunResult joined =
            run(QStringLiteral("ana"), {QStringLiteral("team"), QStringLiteral("join"),
                                        uri(m_certs + QStringLiteral("/team.crt"))});
        QVERIFY2(joined.exitCode == 0, qPrintable(joined.err));
        const test::RunResult status =
            run(QStringLiteral("ana"), {QStringLiteral("team"), QStringLiteral("status")});
        QVERIFY2(status.out.contains(QStringLiteral("(online)")), qPrintable(status.out));
    }

    void anotherCaOrNoneIsRefusedAndNothingIsStored()
    {
        const test::RunResult wrongCa =
            run(QStringLiteral("ben"), {QStringLiteral("team"), QStringLiteral("join"),
                                        uri(m_certs + QStringLiteral("/other.crt"))});
        QCOMPARE(wrongCa.exitCode, 3);
        QVERIFY2(wrongCa.err.contains(QStringLiteral("certificate verify failed")),
                 qPrintable(wrongCa.err));
        const test::RunResult noCa =
            run(QStringLiteral("ben"), {QStringLiteral("team"), QStringLiteral("join"), uri({})});
        QCOMPARE(noCa.exitCode, 3);
        QVERIFY2(noCa.err.contains(QStringLiteral("root certificate file")), qPrintable(noCa.err));
        // The server takes TLS only (hostssl), so the joins above were encrypted.
        const test::RunResult plain =
            run(QStringLiteral("ben"),
                {QStringLiteral("team"), QStringLiteral("join"),
                 QStringLiteral("postgresql://ic@127.0.0.1:%1/ic?sslmode=disable")
                     .arg(m_server.port())});
        QCOMPARE(plain.exitCode, 3);
        QVERIFY2(plain.err.contains(QStringLiteral("no encryption")), qPrintable(plain.err));
        QVERIFY(run(QStringLiteral("ben"), {QStringLiteral("team"), QStringLiteral("status")})
                    .out.startsWith(QStringLiteral("In no team")));
    }
};

QTEST_GUILESS_MAIN(TestTeamTls)
#include "test_team_tls.moc"
