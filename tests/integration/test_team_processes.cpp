// Team mode with real processes against a real PostgreSQL: the window of one console stopped
// (SIGSTOP) while the others write, then resumed; a `team sync` killed (SIGKILL) in the middle
// of sending hundreds of waiting changes, then run again. Afterwards every console shows the
// same incident, with every change on the server once.

#include "PostgresServer.h"
#include "TestSupport.h"
#include "incidents/IncidentConfig.h"
#include "incidents/IncidentService.h"
#include "storage/Database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <csignal>

using namespace ic;

namespace {

const QString password = QStringLiteral("Process-Team-7730");

} // namespace

class TestTeamProcesses : public QObject
{
    Q_OBJECT

private:
    test::PostgresServer m_server;
    QTemporaryDir m_dirs;
    QString m_incident;

    QString dataDir(const QString &console) const { return m_dirs.filePath(console); }
    QString uri() const
    {
        return QStringLiteral("postgresql://ic@127.0.0.1:%1/ic?sslmode=disable")
            .arg(m_server.port());
    }

    test::RunResult run(const QString &console, const QStringList &args)
    {
        return test::runConsole(QStringList{QStringLiteral("--data-dir"), dataDir(console)} + args,
                                {{QStringLiteral("USER"), console}}, 120000);
    }

    QJsonObject show(const QString &console)
    {
        return QJsonDocument::fromJson(
                   run(console, {QStringLiteral("incident"), QStringLiteral("show"), m_incident,
                                 QStringLiteral("--json")})
                       .out.toUtf8())
            .object();
    }

    QString agreedState(const QString &console) { return test::agreedIncidentState(show(console)); }

    bool ticked(const QString &console, int number)
    {
        const QJsonArray checklist = show(console).value(QStringLiteral("checklist")).toArray();
        return !checklist.at(number - 1).toObject().value(QStringLiteral("checked_at")).isNull();
    }

    int serverEvents()
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
        const QString problem = m_server.startTeamServer(QStringLiteral("ic"), password);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        // Every process of the test (window and command lines) finds it where libpq looks.
        qputenv("PGPASSWORD", password.toUtf8());
        const test::RunResult declared =
            run(QStringLiteral("win"),
                {QStringLiteral("incident"), QStringLiteral("new"), QStringLiteral("--title"),
                 QStringLiteral("Orders stuck in the queue"), QStringLiteral("--severity"),
                 QStringLiteral("SEV-2")});
        QVERIFY2(declared.exitCode == 0, qPrintable(declared.err));
        m_incident = declared.out.trimmed();
        for (const QString &console : {QStringLiteral("win"), QStringLiteral("cli")}) {
            const test::RunResult joined =
                run(console, {QStringLiteral("team"), QStringLiteral("join"), uri()});
            QVERIFY2(joined.exitCode == 0, qPrintable(joined.err));
        }
    }

    // The window's console stopped while another writes: nothing arrives while it sleeps,
    // and once resumed it catches up by itself, without losing or doubling anything.
    void aStoppedWindowCatchesUpWhenResumed()
    {
        QProcess window;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        environment.insert(QStringLiteral("USER"), QStringLiteral("win"));
        window.setProcessEnvironment(environment);
        window.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        window.start(test::consoleBinary(),
                     {QStringLiteral("--data-dir"), dataDir(QStringLiteral("win"))});
        QVERIFY(window.waitForStarted(10000));

        // The window is in the team once a tick made elsewhere reaches its database.
        QVERIFY(run(QStringLiteral("cli"), {QStringLiteral("incident"), QStringLiteral("tick"),
                                            m_incident, QStringLiteral("1")})
                    .exitCode == 0);
        QTRY_VERIFY_WITH_TIMEOUT(ticked(QStringLiteral("win"), 1), 30000);

        ::kill(pid_t(window.processId()), SIGSTOP);
        for (const QString &item : {QStringLiteral("2"), QStringLiteral("3")})
            QVERIFY(run(QStringLiteral("cli"),
                        {QStringLiteral("incident"), QStringLiteral("tick"), m_incident, item})
                        .exitCode == 0);
        QVERIFY(run(QStringLiteral("cli"), {QStringLiteral("incident"), QStringLiteral("severity"),
                                            m_incident, QStringLiteral("SEV-1")})
                    .exitCode == 0);
        QTest::qWait(2000);
        QVERIFY(!ticked(QStringLiteral("win"), 2));

        ::kill(pid_t(window.processId()), SIGCONT);
        QTRY_VERIFY_WITH_TIMEOUT(
            ticked(QStringLiteral("win"), 3) &&
                show(QStringLiteral("win")).value(QStringLiteral("severity")).toString() ==
                    QLatin1String("SEV-1"),
            30000);
        window.terminate();
        QVERIFY(window.waitForFinished(20000));
        QVERIFY(
            run(QStringLiteral("win"), {QStringLiteral("team"), QStringLiteral("sync")}).exitCode ==
            0);
        QVERIFY(
            run(QStringLiteral("cli"), {QStringLiteral("team"), QStringLiteral("sync")}).exitCode ==
            0);
        const QString agreed = agreedState(QStringLiteral("cli"));
        QCOMPARE(agreedState(QStringLiteral("win")), agreed);
        QCOMPARE(agreed.count(QStringLiteral("Severity SEV-2 → SEV-1")), 1);
    }

    // A thousand changes made offline, then a `team sync` killed at 10 ms steps while it
    // sends them: the next sync sends the rest, the server holds each change once, and both
    // consoles agree.
    void aSyncKilledMidPushLosesAndDoublesNothing()
    {
        // Written in this process through the incident service, as the window would: the
        // journal holds them until a sync sends them.
        constexpr int notes = 1000;
        {
            DatabaseOpenResult opened;
            auto database = Database::open(
                dataDir(QStringLiteral("win")) + QStringLiteral("/console.db"), &opened);
            QVERIFY2(database, qPrintable(opened.message));
            incidents::IncidentService service(
                database->connection(),
                incidents::loadIncidentConfig(dataDir(QStringLiteral("win"))),
                QStringLiteral("win"));
            for (int i = 0; i < notes; ++i)
                QVERIFY(service.addNote(m_incident, QStringLiteral("offline note %1").arg(i)));
        }
        m_server.kill();
        const QString restarted = m_server.restart();
        QVERIFY2(restarted.isEmpty(), qPrintable(restarted));
        const int before = serverEvents();

        int kills = 0;
        for (int afterMs = 10; afterMs <= 200; afterMs += 10) {
            QProcess sync;
            sync.start(test::consoleBinary(),
                       {QStringLiteral("--data-dir"), dataDir(QStringLiteral("win")),
                        QStringLiteral("team"), QStringLiteral("sync")});
            QVERIFY(sync.waitForStarted(10000));
            QTest::qWait(afterMs);
            if (sync.state() == QProcess::Running) {
                ::kill(pid_t(sync.processId()), SIGKILL);
                ++kills;
            }
            sync.waitForFinished(20000);
        }
        // Waiting here while the server has them all: a kill landed after the server's commit
        // and before the console marked them sent, and the next sync sends them again.
        const int waiting =
            QJsonDocument::fromJson(
                run(QStringLiteral("win"),
                    {QStringLiteral("team"), QStringLiteral("status"), QStringLiteral("--json")})
                    .out.toUtf8())
                .object()
                .value(QStringLiteral("waiting"))
                .toInt();
        qInfo("killed %d syncs mid-run; then the server had %d of %d new events and %d were "
              "still waiting to be sent",
              kills, serverEvents() - before, notes, waiting);
        const test::RunResult finished =
            run(QStringLiteral("win"), {QStringLiteral("team"), QStringLiteral("sync")});
        QVERIFY2(finished.exitCode == 0, qPrintable(finished.err));
        // The server keeps an event once by its id; what matters is that none went missing
        // and none was made twice on the way.
        QCOMPARE(serverEvents() - before, notes);
        QVERIFY(
            run(QStringLiteral("cli"), {QStringLiteral("team"), QStringLiteral("sync")}).exitCode ==
            0);
        const QString agreed = agreedState(QStringLiteral("cli"));
        QCOMPARE(agreedState(QStringLiteral("win")), agreed);
        for (int i = 0; i < notes; i += 97)
            QCOMPARE(agreed.count(QStringLiteral("\"offline note %1\"").arg(i)), 1);
    }
};

QTEST_GUILESS_MAIN(TestTeamProcesses)
#include "test_team_processes.moc"
