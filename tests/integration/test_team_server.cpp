// Team mode against a real PostgreSQL started here: three consoles (separate data dirs, the
// command line) join one server, change one incident from all sides and converge; the server
// dies and comes back without a change lost; an upload sent twice, a malformed event and a
// newer server schema are handled; passwords reach neither logs nor databases; a member role
// with only the GRANTs the README lists is enough.

#include "PostgresServer.h"
#include "TestSupport.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QtTest>

using namespace ic;

namespace {

const QString ownerPassword = QStringLiteral("Owner-Secret-7261");
const QString memberPassword = QStringLiteral("Member-Secret-9347");

} // namespace

class TestTeamServer : public QObject
{
    Q_OBJECT

private:
    test::PostgresServer m_server;
    QTemporaryDir m_dirs;
    QString m_incident;

    QString dataDir(const QString &console) const { return m_dirs.filePath(console); }

    QString uri(const QString &role) const
    {
        return QStringLiteral("postgresql://%1@127.0.0.1:%2/ic?sslmode=disable")
            .arg(role)
            .arg(m_server.port());
    }

    // Console a logs in as the owner, b and c as the member (b through its stored password).
    test::RunResult run(const QString &console, const QStringList &args)
    {
        QMap<QString, QString> env{{QStringLiteral("PGPASSWORD"), QString()},
                                   {QStringLiteral("USER"), console},
                                   {QStringLiteral("LOGNAME"), console}};
        if (console == QLatin1String("a"))
            env.insert(QStringLiteral("PGPASSWORD"), ownerPassword);
        else if (console == QLatin1String("c"))
            env.insert(QStringLiteral("PGPASSWORD"), memberPassword);
        return test::runConsole(QStringList{QStringLiteral("--data-dir"), dataDir(console)} + args,
                                env, 60000);
    }

    QJsonObject show(const QString &console)
    {
        const test::RunResult shown =
            run(console, {QStringLiteral("incident"), QStringLiteral("show"), m_incident,
                          QStringLiteral("--json")});
        return QJsonDocument::fromJson(shown.out.toUtf8()).object();
    }

    QString agreedState(const QString &console) { return test::agreedIncidentState(show(console)); }

    void syncAll(const QStringList &consoles)
    {
        for (const QString &console : consoles) {
            const test::RunResult synced =
                run(console, {QStringLiteral("team"), QStringLiteral("sync")});
            QVERIFY2(synced.exitCode == 0, qPrintable(console + QStringLiteral(": ") + synced.err));
        }
    }

    int serverEvents() const
    {
        QString count;
        m_server.psql(QStringLiteral("SELECT count(*) FROM ic_events"), &count, true,
                      QStringLiteral("ic"));
        return count.toInt();
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!m_server.isInstalled())
            QSKIP("PostgreSQL 15 is not installed (scripts/setup installs postgresql)");
        const QString problem = m_server.start();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        // psql -c takes no bound parameters; the passwords are constants of this test.
        const QString createOwner =
            // security-check: allow a constant of this test
            QStringLiteral("CREATE ROLE ic_owner LOGIN PASSWORD '%1'").arg(ownerPassword);
        QVERIFY(m_server.psql(createOwner));
        QVERIFY(m_server.psql(QStringLiteral("CREATE DATABASE ic OWNER ic_owner")));
        const QString createMember =
            // security-check: allow a constant of this test
            QStringLiteral("CREATE ROLE ic_member LOGIN PASSWORD '%1'").arg(memberPassword);
        QVERIFY(m_server.psql(createMember));
    }

    void joiningCreatesTheSchemaAndSharesWhatIsHere()
    {
        const test::RunResult declared =
            run(QStringLiteral("a"),
                {QStringLiteral("incident"), QStringLiteral("new"), QStringLiteral("--title"),
                 QStringLiteral("Checkout errors"), QStringLiteral("--severity"),
                 QStringLiteral("SEV-2"), QStringLiteral("--json")});
        QVERIFY2(declared.exitCode == 0, qPrintable(declared.err));
        m_incident = QJsonDocument::fromJson(declared.out.toUtf8())
                         .object()
                         .value(QStringLiteral("id"))
                         .toString();
        QVERIFY(!m_incident.isEmpty());

        const test::RunResult joined =
            run(QStringLiteral("a"),
                {QStringLiteral("team"), QStringLiteral("join"), uri(QStringLiteral("ic_owner"))});
        QVERIFY2(joined.exitCode == 0, qPrintable(joined.err));
        QVERIFY2(joined.out.contains(QStringLiteral("shared 1 incident")), qPrintable(joined.out));

        // The member role gets only what the README lists: no right to create anything.
        for (const char *grant :
             {"GRANT CONNECT ON DATABASE ic TO ic_member",
              "GRANT USAGE ON SCHEMA public TO ic_member", "GRANT SELECT ON ic_schema TO ic_member",
              "GRANT SELECT, INSERT ON ic_events TO ic_member",
              "GRANT USAGE ON SEQUENCE ic_events_seq_seq TO ic_member",
              "GRANT SELECT, INSERT, UPDATE ON ic_presence TO ic_member"})
            QVERIFY(m_server.psql(QString::fromLatin1(grant), nullptr, true, QStringLiteral("ic")));

        // Console b gives its password once on stdin; it is kept 0600 in its data dir.
        QDir().mkpath(dataDir(QStringLiteral("b")));
        QProcess join;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(QStringLiteral("PGPASSWORD"));
        join.setProcessEnvironment(environment);
        join.start(test::consoleBinary(),
                   {QStringLiteral("--data-dir"), dataDir(QStringLiteral("b")),
                    QStringLiteral("team"), QStringLiteral("join"),
                    uri(QStringLiteral("ic_member")), QStringLiteral("--password-stdin")});
        join.write(memberPassword.toUtf8() + '\n');
        join.closeWriteChannel();
        QVERIFY(join.waitForFinished(60000));
        QVERIFY2(join.exitCode() == 0, join.readAllStandardError().constData());
        const QFileInfo secret(dataDir(QStringLiteral("b")) +
                               QStringLiteral("/team-password.secret"));
        QVERIFY(secret.exists());
        QCOMPARE(int(secret.permissions() & 0x0077), 0);

        const test::RunResult third =
            run(QStringLiteral("c"),
                {QStringLiteral("team"), QStringLiteral("join"), uri(QStringLiteral("ic_member"))});
        QVERIFY2(third.exitCode == 0, qPrintable(third.err));
        for (const QString &console : {QStringLiteral("b"), QStringLiteral("c")})
            QCOMPARE(show(console).value(QStringLiteral("title")).toString(),
                     QStringLiteral("Checkout errors"));

        const test::RunResult status =
            run(QStringLiteral("b"),
                {QStringLiteral("team"), QStringLiteral("status"), QStringLiteral("--json")});
        const QJsonObject state = QJsonDocument::fromJson(status.out.toUtf8()).object();
        QVERIFY2(state.value(QStringLiteral("online")).toBool(), qPrintable(status.out));
        QCOMPARE(state.value(QStringLiteral("waiting")).toInt(), 0);
        QVERIFY(state.value(QStringLiteral("present")).toArray().size() >= 3);
    }

    void changesFromThreeConsolesConverge()
    {
        QVERIFY(!m_incident.isEmpty());
        const auto ok = [](const test::RunResult &result) {
            return result.exitCode == 0 ? QString() : result.err;
        };
        QCOMPARE(ok(run(QStringLiteral("b"), {QStringLiteral("incident"), QStringLiteral("tick"),
                                              m_incident, QStringLiteral("1")})),
                 QString());
        QCOMPARE(
            ok(run(QStringLiteral("c"), {QStringLiteral("incident"), QStringLiteral("severity"),
                                         m_incident, QStringLiteral("SEV-1")})),
            QString());
        QCOMPARE(
            ok(run(QStringLiteral("b"), {QStringLiteral("incident"), QStringLiteral("severity"),
                                         m_incident, QStringLiteral("SEV-3")})),
            QString());
        QCOMPARE(ok(run(QStringLiteral("a"), {QStringLiteral("incident"), QStringLiteral("note"),
                                              m_incident, QStringLiteral("error rate falling")})),
                 QString());
        syncAll({QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("a"),
                 QStringLiteral("b")});
        const QString agreed = agreedState(QStringLiteral("a"));
        QCOMPARE(agreedState(QStringLiteral("b")), agreed);
        QCOMPARE(agreedState(QStringLiteral("c")), agreed);
        const QJsonObject incident = show(QStringLiteral("c"));
        QVERIFY(incident.value(QStringLiteral("checklist"))
                    .toArray()
                    .first()
                    .toObject()
                    .value(QStringLiteral("checked_by"))
                    .toString() == QLatin1String("b"));
        // The two severities were set without knowing of each other: one is kept, the other
        // says so, on every console.
        QCOMPARE(agreed.count(QStringLiteral("not kept")), 1);
        QVERIFY(agreed.contains(QStringLiteral("error rate falling")));
    }

    // A change made with the CLI in a team goes to the server at once: the others see it with
    // a sync of their own, without a `team sync` on the console that made it.
    void aCliChangeReachesTheServerWithoutASync()
    {
        const int before = serverEvents();
        const test::RunResult noted =
            run(QStringLiteral("a"), {QStringLiteral("incident"), QStringLiteral("note"),
                                      m_incident, QStringLiteral("sent without a sync")});
        QVERIFY2(noted.exitCode == 0, qPrintable(noted.err));
        QVERIFY2(noted.err.isEmpty(), qPrintable(noted.err));
        QCOMPARE(serverEvents(), before + 1);
        syncAll({QStringLiteral("b")});
        QVERIFY(agreedState(QStringLiteral("b")).contains(QStringLiteral("sent without a sync")));
    }

    void anUploadSentTwiceChangesNothing()
    {
        const int before = serverEvents();
        QVERIFY(before > 0);
        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("a"));
            db.setDatabaseName(dataDir(QStringLiteral("a")) + QStringLiteral("/console.db"));
            QVERIFY(db.open());
            QSqlQuery(db).exec(QStringLiteral("UPDATE team_events SET pushed = 0"));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("a"));
        syncAll({QStringLiteral("a")});
        QCOMPARE(serverEvents(), before);
        const QString agreed = agreedState(QStringLiteral("a"));
        syncAll({QStringLiteral("b")});
        QCOMPARE(agreedState(QStringLiteral("b")), agreed);
    }

    void theServerDiesAndComesBackWithNothingLost()
    {
        m_server.kill();
        // Offline, the console works on: the change is committed locally and waits.
        const test::RunResult ticked =
            run(QStringLiteral("a"), {QStringLiteral("incident"), QStringLiteral("tick"),
                                      m_incident, QStringLiteral("2")});
        QVERIFY2(ticked.exitCode == 0, qPrintable(ticked.err));
        QVERIFY2(ticked.err.contains(QStringLiteral("1 change waits for the window or 'team "
                                                    "sync'")),
                 qPrintable(ticked.err));
        // The next command within the minute does not wait on the dead server again.
        QElapsedTimer quick;
        quick.start();
        const test::RunResult noted =
            run(QStringLiteral("a"), {QStringLiteral("incident"), QStringLiteral("note"),
                                      m_incident, QStringLiteral("written offline")});
        QVERIFY2(noted.exitCode == 0, qPrintable(noted.err));
        QVERIFY2(noted.err.contains(QStringLiteral("out of reach a moment ago")),
                 qPrintable(noted.err));
        QVERIFY(quick.elapsed() < 2000);
        const test::RunResult offline =
            run(QStringLiteral("a"), {QStringLiteral("team"), QStringLiteral("sync")});
        QCOMPARE(offline.exitCode, 3);
        QVERIFY2(offline.err.contains(QStringLiteral("2 changes waiting")),
                 qPrintable(offline.err));
        const QJsonObject status =
            QJsonDocument::fromJson(
                run(QStringLiteral("a"),
                    {QStringLiteral("team"), QStringLiteral("status"), QStringLiteral("--json")})
                    .out.toUtf8())
                .object();
        QCOMPARE(status.value(QStringLiteral("online")).toBool(), false);
        QCOMPARE(status.value(QStringLiteral("waiting")).toInt(), 2);

        const QString restarted = m_server.restart();
        QVERIFY2(restarted.isEmpty(), qPrintable(restarted));
        syncAll({QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")});
        for (const QString &console : {QStringLiteral("b"), QStringLiteral("c")}) {
            const QJsonArray checklist = show(console).value(QStringLiteral("checklist")).toArray();
            QCOMPARE(checklist.at(1).toObject().value(QStringLiteral("checked_by")).toString(),
                     QStringLiteral("a"));
        }
        QCOMPARE(agreedState(QStringLiteral("c")), agreedState(QStringLiteral("a")));
    }

    void aMalformedEventIsRefusedByName()
    {
        QVERIFY(m_server.psql(
            QStringLiteral("INSERT INTO ic_events (id, incident, console, hlc, payload) VALUES "
                           "(gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), 'x', "
                           "'{\"v\": 1, \"id\": \"not-a-uuid\"}')"),
            nullptr, true, QStringLiteral("ic")));
        const test::RunResult synced =
            run(QStringLiteral("c"), {QStringLiteral("team"), QStringLiteral("sync")});
        QCOMPARE(synced.exitCode, 0);
        QVERIFY2(synced.err.contains(QStringLiteral("refused")) &&
                     synced.err.contains(QStringLiteral("not a UUID")),
                 qPrintable(synced.err));
        // Everything else goes on: c's next change reaches a.
        QCOMPARE(run(QStringLiteral("c"), {QStringLiteral("incident"), QStringLiteral("note"),
                                           m_incident, QStringLiteral("after the bad event")})
                     .exitCode,
                 0);
        syncAll({QStringLiteral("c"), QStringLiteral("a")});
        QVERIFY(agreedState(QStringLiteral("a")).contains(QStringLiteral("after the bad event")));
        const QJsonObject status =
            QJsonDocument::fromJson(
                run(QStringLiteral("c"),
                    {QStringLiteral("team"), QStringLiteral("status"), QStringLiteral("--json")})
                    .out.toUtf8())
                .object();
        QCOMPARE(status.value(QStringLiteral("refused")).toInt(), 1);
    }

    void aNewerServerSchemaIsRefused()
    {
        QVERIFY(m_server.psql(
            QStringLiteral("INSERT INTO ic_schema (version, name) VALUES (99, 'future')"), nullptr,
            true, QStringLiteral("ic")));
        const test::RunResult synced =
            run(QStringLiteral("b"), {QStringLiteral("team"), QStringLiteral("sync")});
        QCOMPARE(synced.exitCode, 2);
        QVERIFY2(synced.err.contains(QStringLiteral("newer than this console knows")),
                 qPrintable(synced.err));
        QVERIFY(m_server.psql(QStringLiteral("DELETE FROM ic_schema WHERE version = 99"), nullptr,
                              true, QStringLiteral("ic")));
    }

    void passwordsReachNeitherLogsNorDatabases()
    {
        QDirIterator files(m_dirs.path(), QDir::Files, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            const QString path = files.next();
            if (path.endsWith(QLatin1String("team-password.secret")))
                continue;
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray bytes = file.readAll();
            QVERIFY2(!bytes.contains(ownerPassword.toUtf8()) &&
                         !bytes.contains(memberPassword.toUtf8()),
                     qPrintable(path));
        }
    }

    void leavingWithUnsentChangesNeedsForce()
    {
        // A change goes up at once while the server is there; with it gone, it waits.
        m_server.kill();
        QCOMPARE(run(QStringLiteral("b"), {QStringLiteral("incident"), QStringLiteral("tick"),
                                           m_incident, QStringLiteral("3")})
                     .exitCode,
                 0);
        const test::RunResult refused =
            run(QStringLiteral("b"), {QStringLiteral("team"), QStringLiteral("leave")});
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.contains(QStringLiteral("never reached")), qPrintable(refused.err));
        QCOMPARE(run(QStringLiteral("b"),
                     {QStringLiteral("team"), QStringLiteral("leave"), QStringLiteral("--force")})
                     .exitCode,
                 0);
        QVERIFY(!QFileInfo::exists(dataDir(QStringLiteral("b")) +
                                   QStringLiteral("/team-password.secret")));
        QVERIFY(run(QStringLiteral("b"), {QStringLiteral("team"), QStringLiteral("status")})
                    .out.contains(QStringLiteral("In no team")));
        const QString restarted = m_server.restart();
        QVERIFY2(restarted.isEmpty(), qPrintable(restarted));
    }

    // What a console changes while out of the team is kept, and goes up when it joins the
    // same team again; every console then agrees, with each change once.
    void changesMadeWhileOutOfTheTeamGoUpOnRejoining()
    {
        syncAll({QStringLiteral("c")});
        QCOMPARE(
            run(QStringLiteral("c"), {QStringLiteral("team"), QStringLiteral("leave")}).exitCode,
            0);
        QCOMPARE(run(QStringLiteral("c"), {QStringLiteral("incident"), QStringLiteral("tick"),
                                           m_incident, QStringLiteral("4")})
                     .exitCode,
                 0);
        QVERIFY(run(QStringLiteral("c"), {QStringLiteral("incident"), QStringLiteral("note"),
                                          m_incident, QStringLiteral("written out of the team")})
                    .exitCode == 0);
        const test::RunResult status =
            run(QStringLiteral("c"), {QStringLiteral("team"), QStringLiteral("status")});
        QVERIFY2(status.out.contains(QStringLiteral("2 changes made since leaving")),
                 qPrintable(status.out));
        const test::RunResult rejoined =
            run(QStringLiteral("c"),
                {QStringLiteral("team"), QStringLiteral("join"), uri(QStringLiteral("ic_member"))});
        QVERIFY2(rejoined.exitCode == 0, qPrintable(rejoined.err));
        syncAll({QStringLiteral("a"), QStringLiteral("c")});
        const QString agreed = agreedState(QStringLiteral("a"));
        QCOMPARE(agreedState(QStringLiteral("c")), agreed);
        QCOMPARE(agreed.count(QStringLiteral("written out of the team")), 1);
        QCOMPARE(show(QStringLiteral("a"))
                     .value(QStringLiteral("checklist"))
                     .toArray()
                     .at(3)
                     .toObject()
                     .value(QStringLiteral("checked_by"))
                     .toString(),
                 QStringLiteral("c"));
    }
};

QTEST_GUILESS_MAIN(TestTeamServer)
#include "test_team_server.moc"
