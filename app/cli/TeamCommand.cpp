#include "TeamCommand.h"

#include "IncidentCommandSupport.h"
#include "core/CountText.h"
#include "storage/Sql.h"
#include "team/ChangeJournal.h"
#include "team/ServerSchema.h"
#include "team/TeamConnect.h"
#include "team/TeamMembership.h"
#include "team/TeamPassword.h"
#include "team/TeamServer.h"
#include "team/TeamState.h"
#include "team/TeamSync.h"

#include <QJsonArray>
#include <QJsonObject>
#include <cstdio>

namespace ic::cli {
namespace {

// Long enough for a server across a VPN, short enough that an offline console answers soon.
constexpr int connectTimeoutSeconds = 5;
// A console seen within this long is shown as present.
constexpr int presenceSeconds = 60;

// "1 change", "12 changes", "1,200 changes".
QString counted(qint64 count, const QString &noun)
{
    return countText(count) + QLatin1Char(' ') + noun +
           (count == 1 ? QString() : QStringLiteral("s"));
}

int failTeam(Context &context, const QString &action, const QString &message, int code)
{
    context.err() << "incident-console team " << action << ": " << message << Qt::endl;
    return code;
}

int parseTeamAction(QCommandLineParser &parser, const QString &action, const QStringList &args,
                    Context &context, int positionals)
{
    addJsonOption(parser);
    const int code =
        parseSubcommandArguments(parser, QStringLiteral("team ") + action, args, context);
    if (code >= 0)
        return code;
    if (parser.positionalArguments().size() != positionals)
        return failTeam(context, action,
                        QStringLiteral("expected %1 argument(s), got %2")
                            .arg(positionals)
                            .arg(parser.positionalArguments().size()),
                        UsageError);
    return -1;
}

QJsonObject reportJson(const team::SyncReport &report)
{
    return QJsonObject{{QStringLiteral("pushed"), report.pushed},
                       {QStringLiteral("pulled"), report.pulled},
                       {QStringLiteral("applied"), report.applied},
                       {QStringLiteral("refused"), report.refused},
                       {QStringLiteral("waiting"), report.waiting},
                       {QStringLiteral("cursor"), QString::number(report.cursor)},
                       {QStringLiteral("refusals"), QJsonArray::fromStringList(report.refusals)}};
}

void printReport(Context &context, const team::SyncReport &report)
{
    context.out() << "Sent " << counted(report.pushed, QStringLiteral("change")) << ", received "
                  << counted(report.applied, QStringLiteral("change")) << " (" << report.pulled
                  << " read from the server); " << counted(report.waiting, QStringLiteral("change"))
                  << " waiting." << Qt::endl;
    for (const QString &refusal : report.refusals)
        context.err() << "incident-console team: " << refusal << Qt::endl;
}

// One exchange with the server, and this console's heartbeat.
Result<team::SyncReport> exchange(incidents::IncidentService &service, team::PgConnection &server)
{
    return team::exchangeWith(service.store().database(), server, service.actor());
}

int runJoin(Context &context, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Join a team: share this console's incidents through the team's "
                       "PostgreSQL server, given as a libpq URI "
                       "(postgresql://user@host:5432/database?sslmode=verify-full). The password "
                       "comes from PGPASSWORD, ~/.pgpass, or --password-stdin (kept 0600 in the "
                       "data dir), never from the URI."));
    parser.addPositionalArgument(QStringLiteral("URI"), QStringLiteral("The team server."));
    parser.addOption({QStringLiteral("password-stdin"),
                      QStringLiteral("Read the server's password from the first line of stdin.")});
    addActorOption(parser);
    if (const int code = parseTeamAction(parser, QStringLiteral("join"), args, context, 1);
        code >= 0)
        return code;
    const team::ServerAddress address = team::parseServerAddress(parser.positionalArguments()[0]);
    if (!address.problem.isEmpty())
        return failTeam(context, QStringLiteral("join"), address.problem, UsageError);
    auto session = openIncidentSession(context, parser);
    if (!session)
        return DataError;
    const QSqlDatabase db = session->database->connection();
    std::optional<QString> password;
    if (parser.isSet(QStringLiteral("password-stdin"))) {
        QTextStream in(stdin);
        password = in.readLine();
    }
    const Result<team::JoinOutcome> joined =
        team::joinTeam(db, context.dataDir().path, address.uri, password, session->service->actor(),
                       connectTimeoutSeconds);
    if (!joined)
        return failTeam(context, QStringLiteral("join"), joined.error(),
                        joined.errorKind() == ErrorKind::Refused ? UsageError : DataError);
    session->service->noticeTeamMode();
    const team::SyncReport *report = &joined->firstExchange;
    const int shared = joined->sharedIncidents;
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonObject json = reportJson(*report);
        json.insert(QStringLiteral("server"), address.display);
        json.insert(QStringLiteral("console"), joined->console);
        json.insert(QStringLiteral("shared_incidents"), shared);
        printJson(context, json);
    } else {
        context.out() << "Joined the team at " << address.display << " as console "
                      << joined->console << "; shared "
                      << counted(shared, QStringLiteral("incident")) << "." << Qt::endl;
        printReport(context, *report);
    }
    return Success;
}

int runSync(Context &context, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Send this console's waiting changes to the team server and merge what "
                       "the others made."));
    if (const int code = parseTeamAction(parser, QStringLiteral("sync"), args, context, 0);
        code >= 0)
        return code;
    auto session = openIncidentSession(context, parser);
    if (!session)
        return DataError;
    const QSqlDatabase db = session->database->connection();
    Result<std::unique_ptr<team::PgConnection>> server =
        team::connectToTeam(db, context.dataDir().path, connectTimeoutSeconds);
    if (!server) {
        (void)team::setMetaValue(db, team::keys::lastError, server.error());
        return failTeam(
            context, QStringLiteral("sync"),
            QStringLiteral("%1 (%2 waiting)")
                .arg(server.error(), counted(team::waitingEvents(db), QStringLiteral("change"))),
            server.errorKind() == ErrorKind::Refused ? UsageError : DataError);
    }
    const Result<team::SyncReport> report = exchange(*session->service, **server);
    if (!report) {
        (void)team::setMetaValue(db, team::keys::lastError, report.error());
        return failTeam(context, QStringLiteral("sync"), report.error(), DataError);
    }
    (void)team::removeMetaValue(db, team::keys::lastError);
    if (parser.isSet(QStringLiteral("json")))
        printJson(context, reportJson(*report));
    else
        printReport(context, *report);
    return Success;
}

int runStatus(Context &context, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Say which team this console is in, what waits to be sent, and who is "
                       "connected."));
    if (const int code = parseTeamAction(parser, QStringLiteral("status"), args, context, 0);
        code >= 0)
        return code;
    auto database = context.openDatabase(Context::Access::ReadOnlyAllowed);
    if (!database)
        return DataError;
    const QSqlDatabase db = database->connection();
    const QString uri = team::metaValue(db, team::keys::serverUri);
    const bool json = parser.isSet(QStringLiteral("json"));
    if (uri.isEmpty()) {
        // Out of a team it was in: changes since are kept for rejoining it.
        const QString left = team::metaValue(db, team::keys::journal);
        const int kept = left.isEmpty() ? 0 : team::waitingEvents(db);
        if (json) {
            printJson(context, QJsonObject{{QStringLiteral("joined"), false},
                                           {QStringLiteral("waiting"), kept}});
        } else {
            context.out() << "In no team: incidents stay on this console. Join one with "
                             "incident-console team join URI."
                          << Qt::endl;
            if (kept > 0)
                context.out() << counted(kept, QStringLiteral("change")) << " made since leaving "
                              << team::parseServerAddress(left).display
                              << " go up on joining it again." << Qt::endl;
        }
        return Success;
    }
    const QString display = team::parseServerAddress(uri).display;
    const int waiting = team::waitingEvents(db);
    const int refused =
        sql::scalar(db, QStringLiteral("SELECT count(*) FROM team_refused")).toInt();
    QJsonArray present;
    QString reachability;
    Result<std::unique_ptr<team::PgConnection>> server =
        team::connectToTeam(db, context.dataDir().path, connectTimeoutSeconds);
    if (server) {
        const auto people = team::TeamServer(**server).presentWithin(presenceSeconds);
        if (people)
            for (const auto &person : *people)
                present.append(QJsonObject{
                    {QStringLiteral("person"), person.person},
                    {QStringLiteral("console"), person.console},
                    {QStringLiteral("seen_at"), person.seenAt.toString(Qt::ISODateWithMs)}});
    } else {
        reachability = server.error();
    }
    const QString console = team::metaValue(db, team::keys::console);
    const QString lastSync = team::metaValue(db, team::keys::lastSync);
    if (json) {
        printJson(context,
                  QJsonObject{{QStringLiteral("joined"), true},
                              {QStringLiteral("server"), display},
                              {QStringLiteral("console"), console},
                              {QStringLiteral("online"), server.ok()},
                              {QStringLiteral("problem"), reachability},
                              {QStringLiteral("waiting"), waiting},
                              {QStringLiteral("refused"), refused},
                              {QStringLiteral("cursor"), team::metaValue(db, team::keys::cursor)},
                              {QStringLiteral("last_sync"), lastSync},
                              {QStringLiteral("present"), present}});
        return Success;
    }
    context.out() << "Team: " << display << (server ? " (online)" : " (offline)") << "\n"
                  << "This console: " << console << "\n"
                  << "Waiting to be sent: " << counted(waiting, QStringLiteral("change")) << "\n"
                  << "Last exchange: " << (lastSync.isEmpty() ? QStringLiteral("never") : lastSync)
                  << "\n";
    if (!server)
        context.out() << "Server: " << reachability << "\n";
    if (refused > 0)
        context.out() << "Refused from the server: " << counted(refused, QStringLiteral("event"))
                      << " (bad or unreadable; see the log)\n";
    for (const QJsonValue &person : present)
        context.out() << "Present: " << person.toObject().value(QStringLiteral("person")).toString()
                      << " (console "
                      << person.toObject().value(QStringLiteral("console")).toString() << ")\n";
    context.out().flush();
    return Success;
}

int runLeave(Context &context, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Leave the team: incidents stay on this console, changes are no longer "
                       "shared; they are kept and go up if it joins the same team again."));
    parser.addOption({QStringLiteral("force"),
                      QStringLiteral("Leave although changes have not reached the server.")});
    if (const int code = parseTeamAction(parser, QStringLiteral("leave"), args, context, 0);
        code >= 0)
        return code;
    auto database = context.openDatabase();
    if (!database)
        return DataError;
    const QSqlDatabase db = database->connection();
    if (!team::isShared(db))
        return failTeam(context, QStringLiteral("leave"),
                        QStringLiteral("this console is in no team"), UsageError);
    const int waiting = team::waitingEvents(db);
    if (waiting > 0 && !parser.isSet(QStringLiteral("force")))
        return failTeam(context, QStringLiteral("leave"),
                        QStringLiteral("%1 never reached the team server; run incident-console "
                                       "team sync first, or leave with --force")
                            .arg(counted(waiting, QStringLiteral("change"))),
                        UsageError);
    // Refused above unless forced: what waits is left behind knowingly.
    if (const Result<int> left = team::leaveTeam(db, context.dataDir().path, true); !left)
        return failTeam(context, QStringLiteral("leave"), left.error(), DataError);
    if (parser.isSet(QStringLiteral("json")))
        printJson(context,
                  QJsonObject{{QStringLiteral("left"), true}, {QStringLiteral("unsent"), waiting}});
    else
        context.out() << "Left the team; incidents stay on this console." << Qt::endl;
    return Success;
}

} // namespace

int runTeam(Context &context, const QStringList &args)
{
    const QString action = args.value(0);
    const QStringList rest = args.mid(1);
    if (action == QLatin1String("join"))
        return runJoin(context, rest);
    if (action == QLatin1String("status"))
        return runStatus(context, rest);
    if (action == QLatin1String("sync"))
        return runSync(context, rest);
    if (action == QLatin1String("leave"))
        return runLeave(context, rest);
    const bool help = action == QLatin1String("--help") || action == QLatin1String("-h");
    if (action.isEmpty())
        context.err() << "incident-console team: which action?\n";
    else if (!help)
        context.err() << "incident-console team: unknown action '" << action << "'\n";
    (help ? context.out() : context.err()) << "Usage: incident-console team ACTION [options]\n"
                                              "Actions: join URI, status, sync, leave\n"
                                              "Try: incident-console team ACTION --help"
                                           << Qt::endl;
    return help ? Success : UsageError;
}

} // namespace ic::cli
