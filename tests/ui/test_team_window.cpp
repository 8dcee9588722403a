// Team mode in the real window against a real PostgreSQL: a tick made on another console
// shows in the window's checklist within a second or two, a tick made in the window reaches the
// other console, and when the server dies the header says so and counts what waits, then
// sends it when the server is back.

#include "PostgresServer.h"
#include "TestSupport.h"
#include "core/Settings.h"
#include "incidents/Roles.h"
#include "storage/Database.h"
#include "ui/ActiveIncident.h"
#include "ui/IncidentCockpit.h"
#include "ui/MainWindow.h"
#include "ui/SettingsDialog.h"
#include "ui/TeamIndicator.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTimer>
#include <QTreeWidget>
#include <QtTest>

using namespace ic;
using namespace ic::ui;

namespace {

const QString password = QStringLiteral("Window-Team-5521");

} // namespace

class TestTeamWindow : public QObject
{
    Q_OBJECT

private:
    test::PostgresServer m_server;
    QTemporaryDir m_dirs;
    QString m_incident;

    QString dataDir(const QString &console) const { return m_dirs.filePath(console); }

    test::RunResult run(const QString &console, const QStringList &args)
    {
        return test::runConsole(QStringList{QStringLiteral("--data-dir"), dataDir(console)} + args,
                                {{QStringLiteral("USER"), console}}, 60000);
    }

    QJsonArray checklistOf(const QString &console)
    {
        const test::RunResult shown =
            run(console, {QStringLiteral("incident"), QStringLiteral("show"), m_incident,
                          QStringLiteral("--json")});
        return QJsonDocument::fromJson(shown.out.toUtf8())
            .object()
            .value(QStringLiteral("checklist"))
            .toArray();
    }

    static Qt::CheckState stateOfItem(QWidget &window, int number)
    {
        auto *tree = window.findChild<QTreeWidget *>(QStringLiteral("checklistTree"));
        int seen = 0;
        for (int p = 0; p < tree->topLevelItemCount(); ++p)
            for (int c = 0; c < tree->topLevelItem(p)->childCount(); ++c)
                if (++seen == number)
                    return tree->topLevelItem(p)->child(c)->checkState(0);
        return Qt::PartiallyChecked;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!m_server.isInstalled())
            QSKIP("PostgreSQL 15 is not installed (scripts/setup installs postgresql)");
        const QString problem = m_server.startTeamServer(QStringLiteral("ic"), password);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        // The window's worker and the command lines find the password where libpq looks.
        qputenv("PGPASSWORD", password.toUtf8());
    }

    // The team line names each person's role on the open incident.
    void theTeamLineNamesRoles()
    {
        team::TeamStatus status;
        status.joined = true;
        status.online = true;
        status.present = {QStringLiteral("Ana"), QStringLiteral("Ben"), QStringLiteral("Kim"),
                          QStringLiteral("Lee"), QStringLiteral("Dana")};
        incidents::Incident incident;
        incident.commander = QStringLiteral("Ana");
        incident.scribe = QStringLiteral("Ben");
        incident.experts = {QStringLiteral("Kim")};
        const QString line = TeamIndicator::describe(
            status, [&](const QString &person) { return incidents::roleOf(incident, person); });
        QVERIFY2(line.startsWith(QStringLiteral(
                     "Team: online · Ana (commander) · Ben (scribe) · Kim (expert)")),
                 qPrintable(line));
        QVERIFY(line.endsWith(QStringLiteral(" more")));
    }

    void ticksTravelBothWaysAndTheServerMayDie()
    {
        const QString uri =
            QStringLiteral("postgresql://ic@127.0.0.1:%1/ic?sslmode=disable").arg(m_server.port());
        const test::RunResult declared =
            run(QStringLiteral("ana"),
                {QStringLiteral("incident"), QStringLiteral("new"), QStringLiteral("--title"),
                 QStringLiteral("Login failures"), QStringLiteral("--severity"),
                 QStringLiteral("SEV-2"), QStringLiteral("--json")});
        QVERIFY2(declared.exitCode == 0, qPrintable(declared.err));
        m_incident = QJsonDocument::fromJson(declared.out.toUtf8())
                         .object()
                         .value(QStringLiteral("id"))
                         .toString();
        for (const QString &console : {QStringLiteral("ana"), QStringLiteral("ben")}) {
            const test::RunResult joined =
                run(console, {QStringLiteral("team"), QStringLiteral("join"), uri});
            QVERIFY2(joined.exitCode == 0, qPrintable(joined.err));
        }

        DatabaseOpenResult opened;
        auto database =
            Database::open(dataDir(QStringLiteral("ben")) + QStringLiteral("/console.db"), &opened);
        QVERIFY2(database, qPrintable(opened.message));
        MainWindow window(WindowServices{database.get(), dataDir(QStringLiteral("ben")), {}});
        ActiveIncident *incident =
            installIncidentCockpit(window, *database, dataDir(QStringLiteral("ben")));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(incident->hasIncident());
        auto *line = window.findChild<QLabel *>(QStringLiteral("teamStatus"));
        QVERIFY(line);
        QTRY_VERIFY_WITH_TIMEOUT(
            line->isVisible() && line->text().startsWith(QStringLiteral("Team: online")), 20000);

        // Ana ticks on her console; the window shows it without anyone touching it.
        QCOMPARE(stateOfItem(window, 1), Qt::Unchecked);
        QVERIFY(run(QStringLiteral("ana"), {QStringLiteral("incident"), QStringLiteral("tick"),
                                            m_incident, QStringLiteral("1")})
                    .exitCode == 0);
        QElapsedTimer sinceSync;
        QVERIFY(
            run(QStringLiteral("ana"), {QStringLiteral("team"), QStringLiteral("sync")}).exitCode ==
            0);
        sinceSync.start();
        QTRY_COMPARE_WITH_TIMEOUT(stateOfItem(window, 1), Qt::Checked, 10000);
        qInfo("Ana's tick showed in the window %lld ms after her sync returned",
              sinceSync.elapsed());

        // A tick in the window reaches Ana.
        QVERIFY(incident->service().tick(incident->items().at(1).id));
        QTRY_VERIFY_WITH_TIMEOUT(
            (run(QStringLiteral("ana"), {QStringLiteral("team"), QStringLiteral("sync")}),
             !checklistOf(QStringLiteral("ana"))
                  .at(1)
                  .toObject()
                  .value(QStringLiteral("checked_at"))
                  .isNull()),
            20000);

        // The server dies: the window says so, keeps working, and counts what waits.
        m_server.kill();
        QTRY_VERIFY_WITH_TIMEOUT(line->text().startsWith(QStringLiteral("Team: offline")), 20000);
        QVERIFY(incident->service().tick(incident->items().at(2).id));
        QTRY_VERIFY_WITH_TIMEOUT(line->text().contains(QStringLiteral("1 change waiting")), 20000);
        QCOMPARE(stateOfItem(window, 3), Qt::Checked);

        const QString restarted = m_server.restart();
        QVERIFY2(restarted.isEmpty(), qPrintable(restarted));
        QTRY_VERIFY_WITH_TIMEOUT(line->text().startsWith(QStringLiteral("Team: online")) &&
                                     !line->text().contains(QStringLiteral("sending")),
                                 60000);
        QVERIFY(
            run(QStringLiteral("ana"), {QStringLiteral("team"), QStringLiteral("sync")}).exitCode ==
            0);
        QCOMPARE(checklistOf(QStringLiteral("ana"))
                     .at(2)
                     .toObject()
                     .value(QStringLiteral("checked_by"))
                     .toString(),
                 incident->service().actor());
    }

    // Settings joins a team and leaves it, off the UI thread: the incidents here go up, and
    // the other consoles see them.
    void joiningAndLeavingFromSettings()
    {
        const test::RunResult declared =
            run(QStringLiteral("cleo"),
                {QStringLiteral("incident"), QStringLiteral("new"), QStringLiteral("--title"),
                 QStringLiteral("Cleo's queue backlog"), QStringLiteral("--severity"),
                 QStringLiteral("SEV-3")});
        QVERIFY2(declared.exitCode == 0, qPrintable(declared.err));
        DatabaseOpenResult opened;
        auto database = Database::open(
            dataDir(QStringLiteral("cleo")) + QStringLiteral("/console.db"), &opened);
        QVERIFY2(database, qPrintable(opened.message));
        Settings settings(dataDir(QStringLiteral("cleo")));
        SettingsDialog dialog(settings, dataDir(QStringLiteral("cleo")), nullptr, database->path());
        dialog.show();
        auto *state = dialog.findChild<QLabel *>(QStringLiteral("teamSettingsState"));
        auto *join = dialog.findChild<QPushButton *>(QStringLiteral("teamJoin"));
        QTRY_VERIFY(join->isEnabled());
        QVERIFY2(state->text().startsWith(QStringLiteral("In no team")), qPrintable(state->text()));
        dialog.findChild<QLineEdit *>(QStringLiteral("teamServerUri"))
            ->setText(QStringLiteral("postgresql://ic@127.0.0.1:%1/ic?sslmode=disable")
                          .arg(m_server.port()));
        join->click();
        QTRY_VERIFY2_WITH_TIMEOUT(state->text().startsWith(QStringLiteral("Joined the team at")),
                                  qPrintable(state->text()), 20000);
        QVERIFY2(state->text().contains(QStringLiteral("shared 1 incident")),
                 qPrintable(state->text()));
        QVERIFY(
            run(QStringLiteral("ana"), {QStringLiteral("team"), QStringLiteral("sync")}).exitCode ==
            0);
        QVERIFY(run(QStringLiteral("ana"), {QStringLiteral("incident"), QStringLiteral("list")})
                    .out.contains(QStringLiteral("Cleo's queue backlog")));

        auto *leave = dialog.findChild<QPushButton *>(QStringLiteral("teamLeave"));
        QTRY_VERIFY(leave->isEnabled());
        auto *confirm = new QTimer(&dialog);
        QObject::connect(confirm, &QTimer::timeout, &dialog, [confirm] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
                confirm->stop();
                box->button(QMessageBox::Yes)->click();
            }
        });
        confirm->start(10);
        leave->click();
        QTRY_VERIFY2_WITH_TIMEOUT(state->text().startsWith(QStringLiteral("Left the team")),
                                  qPrintable(state->text()), 20000);
        QVERIFY(run(QStringLiteral("cleo"), {QStringLiteral("team"), QStringLiteral("status")})
                    .out.startsWith(QStringLiteral("In no team")));
    }
};

QTEST_MAIN(TestTeamWindow)
#include "test_team_window.moc"
