#include "AlertsCommand.h"

#include "AlertsSupport.h"
#include "IncidentCommandSupport.h"
#include "alerts/AlertIncidents.h"
#include "alerts/AlertJson.h"
#include "alerts/AlertSilences.h"
#include "core/Duration.h"
#include "core/Ids.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QTimer>

namespace ic::cli {
namespace {

using alerts::Alert;
using alerts::AlertState;

// The longest silence the console asks for; longer ones are typos.
constexpr std::chrono::hours longestSilence{24 * 365};

void addConfigOption(QCommandLineParser &parser)
{
    parser.addOption(
        {QStringLiteral("config"),
         QStringLiteral("Alert sources to use instead of alerts.yaml in the data dir."),
         QStringLiteral("FILE")});
}

// Firing before silenced and inhibited, then the worst severity, then the oldest.
QList<Alert> sortedAlerts(QList<Alert> alerts)
{
    std::stable_sort(alerts.begin(), alerts.end(), [](const Alert &a, const Alert &b) {
        if (a.state != b.state)
            return int(a.state) < int(b.state);
        const int ra = alerts::severityRank(a.severity());
        const int rb = alerts::severityRank(b.severity());
        if (ra != rb)
            return ra < rb;
        if (a.alertname() != b.alertname())
            return a.alertname() < b.alertname();
        return a.startsAt < b.startsAt;
    });
    return alerts;
}

QString sinceText(const QDateTime &startsAt, const QDateTime &now)
{
    if (!startsAt.isValid())
        return QStringLiteral("since ?");
    const qint64 seconds = std::max<qint64>(0, startsAt.secsTo(now));
    return QStringLiteral("since %1 (%2)")
        .arg(startsAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")),
             formatDuration(std::chrono::seconds(seconds - seconds % 60)));
}

void printText(Context &context, const QList<Alert> &alerts,
               const alerts::RunbookResolver &resolver, const alerts::AlertLinks *links)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    int counts[3] = {0, 0, 0};
    for (const Alert &alert : alerts) {
        ++counts[int(alert.state)];
        context.out() << alerts::alertStateId(alert.state).toUpper().leftJustified(10)
                      << (alert.severity().isEmpty() ? QStringLiteral("-") : alert.severity())
                             .leftJustified(9)
                      << ' ' << alert.alertname() << "  " << alert.fingerprint << "  "
                      << sinceText(alert.startsAt, now) << "  " << alert.source << '\n';
        if (const QString labels = alert.labelText(); !labels.isEmpty())
            context.out() << "    " << labels << '\n';
        if (const QString summary = alert.summary().simplified(); !summary.isEmpty())
            context.out() << "    " << summary << '\n';
        const alerts::RunbookMatch runbook = resolver.resolve(alert);
        if (runbook.runbook)
            context.out() << "    runbook: " << runbook.runbook->meta.title << " ("
                          << runbook.runbook->id << ")\n";
        else if (!runbook.problem.isEmpty())
            context.out() << "    " << runbook.problem << '\n';
        if (links) {
            if (const QString incident = links->incidentOf(alert.fingerprint); !incident.isEmpty())
                context.out() << "    incident: " << incident.left(8) << '\n';
        }
    }
    context.out() << counts[0] << " firing, " << counts[1] << " silenced, " << counts[2]
                  << " inhibited" << Qt::endl;
}

QJsonArray alertsJson(const QList<Alert> &alerts, const alerts::RunbookResolver &resolver,
                      const alerts::AlertLinks *links)
{
    QJsonArray array;
    for (const Alert &alert : alerts)
        array.append(alerts::alertToJson(alert, resolver.resolve(alert),
                                         links ? links->incidentOf(alert.fingerprint) : QString()));
    return array;
}

// The incident service on the data dir's database, for links; nothing when it cannot open.
struct LinkSession
{
    std::unique_ptr<Database> database;
    std::unique_ptr<incidents::IncidentService> service;
    std::unique_ptr<alerts::AlertLinks> links;
};

LinkSession openLinks(Context &context, const QCommandLineParser &parser,
                      Context::Access access = Context::Access::ReadOnlyAllowed)
{
    LinkSession session;
    if (access == Context::Access::Write) {
        auto incidentSession = openIncidentSession(context, parser);
        if (!incidentSession)
            return session;
        session.database = std::move(incidentSession->database);
        session.service = std::move(incidentSession->service);
    } else {
        session.database = context.openDatabase(access);
        if (!session.database)
            return session;
        session.service = std::make_unique<incidents::IncidentService>(
            session.database->connection(), incidents::loadIncidentConfig(context.dataDir().path),
            QString());
    }
    session.links = std::make_unique<alerts::AlertLinks>(*session.service);
    return session;
}

int listAlerts(Context &context, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Ask every source of alerts.yaml what is firing and print it, with each alert's local "
        "runbook and incident. Exit 0 when nothing fires, 1 when something does or a source "
        "does not answer, 2 when alerts.yaml has a problem.\n"
        "  alerts silence FINGERPRINT --for 1h --comment TEXT   silence an alert\n"
        "  alerts expire SILENCE_ID                             end a silence again\n"
        "  alerts link FINGERPRINT INCIDENT                     link an alert to an incident"));
    addConfigOption(parser);
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print a JSON array.")});
    parser.addOption({QStringLiteral("watch"),
                      QStringLiteral("Ask again after the shortest interval, until interrupted.")});
    if (const int code = parseSubcommandArguments(parser, QStringLiteral("alerts"), args, context);
        code >= 0)
        return code;
    if (!parser.positionalArguments().isEmpty()) {
        context.err() << "incident-console alerts: unexpected argument "
                      << parser.positionalArguments().first() << " (actions: silence, expire)"
                      << Qt::endl;
        return UsageError;
    }
    int exitCode = Success;
    const auto config = loadAlertSources(context, QStringLiteral("alerts"),
                                         parser.value(QStringLiteral("config")), &exitCode);
    if (!config)
        return exitCode;
    const bool json = parser.isSet(QStringLiteral("json"));
    const bool watch = parser.isSet(QStringLiteral("watch"));
    if (config->sources.isEmpty() && !json)
        context.err() << "incident-console alerts: no alert sources yet; add one to "
                      << alerts::alertsConfigPath(context.dataDir().path) << Qt::endl;
    LinkSession session = openLinks(context, parser);
    if (!session.database)
        return DataError;
    const alerts::RunbookResolver resolver = runbookResolver(context, *session.database);
    alerts::AlertMonitor monitor;
    monitor.setConfig(*config);
    std::chrono::milliseconds shortest = std::chrono::hours(24);
    for (const alerts::AlertSource &source : config->sources)
        shortest = std::min(shortest, source.interval);
    for (;;) {
        pollOnce(monitor);
        // What the sources say now goes on the linked incidents' timelines.
        if (!session.database->isReadOnly()) {
            session.links->refresh();
            for (const QString &name : monitor.sourceNames()) {
                const alerts::SourceStatus status = monitor.source(name);
                if (status.state == alerts::SourceStatus::State::Up)
                    session.links->reconcile(name, status.alerts);
            }
        }
        const QList<Alert> alerts = sortedAlerts(monitor.alerts());
        const int down = reportDownSources(context, monitor);
        if (json) {
            context.json() << QString::fromUtf8(
                QJsonDocument(alertsJson(alerts, resolver, session.links.get()))
                    .toJson(watch ? QJsonDocument::Compact : QJsonDocument::Indented));
            if (watch)
                context.json() << '\n';
            context.json().flush();
        } else {
            if (watch)
                context.out() << QDateTime::currentDateTime().toString(Qt::ISODate) << '\n';
            printText(context, alerts, resolver, session.links.get());
        }
        if (!watch) {
            const bool firing = std::any_of(alerts.begin(), alerts.end(), [](const Alert &a) {
                return a.state == AlertState::Firing;
            });
            return firing || down > 0 ? CheckFailed : Success;
        }
        QEventLoop pause;
        QTimer::singleShot(shortest, &pause, &QEventLoop::quit);
        pause.exec();
    }
}

const alerts::AlertSource *sourceNamed(const alerts::AlertsConfig &config, const QString &name)
{
    for (const alerts::AlertSource &source : config.sources) {
        if (source.name == name)
            return &source;
    }
    return nullptr;
}

int silenceAlert(Context &context, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Silence a firing alert at its Alertmanager: one matcher per label, from now for the "
        "given duration. The silence goes on the timeline of every incident the alert is "
        "linked to."));
    parser.addPositionalArgument(QStringLiteral("FINGERPRINT"),
                                 QStringLiteral("The alert (alerts lists fingerprints)."));
    parser.addOption(
        {QStringLiteral("for"), QStringLiteral("How long, e.g. 30m, 2h."), QStringLiteral("D")});
    parser.addOption({QStringLiteral("comment"), QStringLiteral("Why; Alertmanager requires it."),
                      QStringLiteral("T")});
    addConfigOption(parser);
    addActorOption(parser);
    if (const int code =
            parseSubcommandArguments(parser, QStringLiteral("alerts silence"), args, context);
        code >= 0)
        return code;
    if (parser.positionalArguments().size() != 1) {
        context.err() << "incident-console alerts silence: expected one FINGERPRINT" << Qt::endl;
        return UsageError;
    }
    const auto duration = parseDuration(parser.value(QStringLiteral("for")));
    if (!duration || *duration < std::chrono::minutes(1) || *duration > longestSilence) {
        context.err() << "incident-console alerts silence: --for needs a duration from 1m to "
                      << formatDuration(longestSilence) << ", e.g. --for 1h" << Qt::endl;
        return UsageError;
    }
    const QString comment = parser.value(QStringLiteral("comment")).trimmed();
    if (comment.isEmpty()) {
        context.err() << "incident-console alerts silence: --comment is required: say why"
                      << Qt::endl;
        return UsageError;
    }
    if (parser.isSet(QStringLiteral("by")) &&
        parser.value(QStringLiteral("by")).trimmed().isEmpty()) {
        context.err() << "incident-console alerts silence: --by needs a name" << Qt::endl;
        return UsageError;
    }
    int exitCode = Success;
    const auto config = loadAlertSources(context, QStringLiteral("alerts silence"),
                                         parser.value(QStringLiteral("config")), &exitCode);
    if (!config)
        return exitCode;
    LinkSession session = openLinks(context, parser, Context::Access::Write);
    if (!session.database)
        return DataError;
    alerts::AlertMonitor monitor;
    monitor.setConfig(*config);
    pollOnce(monitor);
    reportDownSources(context, monitor);
    const auto alert = findAlert(context, QStringLiteral("alerts silence"), monitor,
                                 parser.positionalArguments().first());
    if (!alert)
        return UsageError;
    const alerts::AlertSource *source = sourceNamed(*config, alert->source);
    std::optional<Result<alerts::Silence>> outcome;
    QEventLoop loop;
    QNetworkAccessManager nam;
    alerts::createSilence(
        &nam, *source, *alert, std::chrono::duration_cast<std::chrono::seconds>(*duration),
        session.service->actor(), comment, &loop, [&](const Result<alerts::Silence> &result) {
            outcome = result;
            loop.quit();
        });
    if (!outcome)
        loop.exec();
    if (!*outcome) {
        context.err() << "incident-console alerts silence: " << outcome->error() << Qt::endl;
        return outcome->errorKind() == ErrorKind::Refused ? UsageError : CheckFailed;
    }
    const alerts::Silence &silence = outcome->value();
    session.links->recordSilence(*alert, silence.id, silence.endsAt, comment);
    context.out() << "silenced " << alert->alertname() << " (" << alert->fingerprint << ") until "
                  << toIsoWithOffset(silence.endsAt.toLocalTime()) << "; silence " << silence.id
                  << Qt::endl;
    return Success;
}

int expireAlertSilence(Context &context, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("End a silence again at the Alertmanager that holds it."));
    parser.addPositionalArgument(QStringLiteral("SILENCE_ID"),
                                 QStringLiteral("The id alerts silence printed."));
    parser.addOption({QStringLiteral("source"),
                      QStringLiteral("The Alertmanager source (needed when there are several)."),
                      QStringLiteral("NAME")});
    addConfigOption(parser);
    addActorOption(parser);
    if (const int code =
            parseSubcommandArguments(parser, QStringLiteral("alerts expire"), args, context);
        code >= 0)
        return code;
    if (parser.positionalArguments().size() != 1) {
        context.err() << "incident-console alerts expire: expected one SILENCE_ID" << Qt::endl;
        return UsageError;
    }
    int exitCode = Success;
    const auto config = loadAlertSources(context, QStringLiteral("alerts expire"),
                                         parser.value(QStringLiteral("config")), &exitCode);
    if (!config)
        return exitCode;
    QList<const alerts::AlertSource *> candidates;
    for (const alerts::AlertSource &source : config->sources) {
        if (source.type == alerts::AlertSource::Type::Alertmanager &&
            (!parser.isSet(QStringLiteral("source")) ||
             source.name == parser.value(QStringLiteral("source"))))
            candidates.append(&source);
    }
    if (candidates.size() != 1) {
        context.err() << "incident-console alerts expire: "
                      << (candidates.isEmpty() ? "no such Alertmanager source in alerts.yaml"
                                               : "several Alertmanager sources; pick one with "
                                                 "--source NAME")
                      << Qt::endl;
        return UsageError;
    }
    LinkSession session = openLinks(context, parser, Context::Access::Write);
    if (!session.database)
        return DataError;
    const QString silenceId = parser.positionalArguments().first();
    std::optional<Result<void>> outcome;
    QEventLoop loop;
    QNetworkAccessManager nam;
    alerts::expireSilence(&nam, *candidates.first(), silenceId, &loop,
                          [&](const Result<void> &result) {
                              outcome = result;
                              loop.quit();
                          });
    if (!outcome)
        loop.exec();
    if (!*outcome) {
        context.err() << "incident-console alerts expire: " << outcome->error() << Qt::endl;
        return CheckFailed;
    }
    session.links->recordUnsilence(silenceId);
    context.out() << "silence " << silenceId << " expired" << Qt::endl;
    return Success;
}

int linkAlert(Context &context, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Link a firing alert to an incident: the link, and later the alert's resolution, go on "
        "the incident's timeline."));
    parser.addPositionalArgument(QStringLiteral("FINGERPRINT"),
                                 QStringLiteral("The alert (alerts lists fingerprints)."));
    parser.addPositionalArgument(QStringLiteral("INCIDENT"),
                                 QStringLiteral("The incident's id or a unique prefix."));
    addConfigOption(parser);
    if (const int code =
            parseSubcommandArguments(parser, QStringLiteral("alerts link"), args, context);
        code >= 0)
        return code;
    if (parser.positionalArguments().size() != 2) {
        context.err() << "incident-console alerts link: expected FINGERPRINT and INCIDENT"
                      << Qt::endl;
        return UsageError;
    }
    int exitCode = Success;
    const auto config = loadAlertSources(context, QStringLiteral("alerts link"),
                                         parser.value(QStringLiteral("config")), &exitCode);
    if (!config)
        return exitCode;
    LinkSession session = openLinks(context, parser, Context::Access::Write);
    if (!session.database)
        return DataError;
    const Result<QString> incident =
        session.service->store().resolveId(parser.positionalArguments().at(1));
    if (!incident) {
        context.err() << "incident-console alerts link: " << incident.error() << Qt::endl;
        return UsageError;
    }
    alerts::AlertMonitor monitor;
    monitor.setConfig(*config);
    pollOnce(monitor);
    reportDownSources(context, monitor);
    const auto alert = findAlert(context, QStringLiteral("alerts link"), monitor,
                                 parser.positionalArguments().first());
    if (!alert)
        return UsageError;
    const auto linked = session.links->link(*incident, *alert);
    if (!linked) {
        context.err() << "incident-console alerts link: " << linked.error() << Qt::endl;
        return linked.errorKind() == ErrorKind::Unchanged ? Success
               : linked.errorKind() == ErrorKind::Refused ? UsageError
                                                          : DataError;
    }
    context.out() << "linked " << alert->alertname() << " (" << alert->fingerprint << ") to "
                  << incident->left(8) << Qt::endl;
    return Success;
}

} // namespace

int runAlerts(Context &context, const QStringList &args)
{
    const QString action = args.value(0);
    if (action == QLatin1String("silence"))
        return silenceAlert(context, args.mid(1));
    if (action == QLatin1String("expire"))
        return expireAlertSilence(context, args.mid(1));
    if (action == QLatin1String("link"))
        return linkAlert(context, args.mid(1));
    return listAlerts(context, args);
}

} // namespace ic::cli
