#include "IncidentCommand.h"

#include "AlertsSupport.h"
#include "IncidentCommandSupport.h"
#include "TeamShare.h"
#include "alerts/AlertIncidents.h"
#include "core/Duration.h"
#include "core/Ids.h"
#include "incidents/IncidentJson.h"

#include <QJsonArray>
#include <QJsonObject>

namespace ic::cli {
namespace {

using namespace incidents;

int runNew(Context &context, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Declare an incident and start its clock."));
    parser.addOptions(
        {{QStringLiteral("title"), QStringLiteral("What is wrong."), QStringLiteral("T")},
         {QStringLiteral("severity"), QStringLiteral("Severity id, e.g. SEV-2."),
          QStringLiteral("S")},
         {QStringLiteral("service"), QStringLiteral("Affected service (repeat for several)."),
          QStringLiteral("X")},
         {QStringLiteral("impact"), QStringLiteral("Who is affected and how."),
          QStringLiteral("I")},
         {QStringLiteral("commander"), QStringLiteral("Incident commander."), QStringLiteral("N")},
         {QStringLiteral("deputy"), QStringLiteral("Deputy or communications lead."),
          QStringLiteral("N")},
         {QStringLiteral("scribe"), QStringLiteral("Who keeps the timeline."), QStringLiteral("N")},
         {QStringLiteral("drill"), QStringLiteral("A practice incident, kept out of the metrics.")},
         {QStringLiteral("from-alert"),
          QStringLiteral("Fill title, severity, services and impact from a firing alert "
                         "(fingerprint, as alerts lists it) and link the alert; options given "
                         "as well win."),
          QStringLiteral("FINGERPRINT")}});
    addActorOption(parser);
    if (const int code = parseAction(parser, QStringLiteral("new"), args, context, {}); code >= 0)
        return code;
    auto session = openIncidentSession(context, parser);
    if (!session)
        return DataError;
    DeclareRequest request;
    std::optional<alerts::Alert> alert;
    if (parser.isSet(QStringLiteral("from-alert"))) {
        int exitCode = Success;
        const auto config =
            loadAlertSources(context, QStringLiteral("incident new"), {}, &exitCode);
        if (!config)
            return exitCode;
        alerts::AlertMonitor monitor;
        monitor.setConfig(*config);
        pollOnce(monitor);
        reportDownSources(context, monitor);
        alert = findAlert(context, QStringLiteral("incident new"), monitor,
                          parser.value(QStringLiteral("from-alert")));
        if (!alert)
            return UsageError;
        QString problem;
        request = alerts::declareRequestFor({*alert}, *config, session->store().config().severities,
                                            &problem);
        if (!problem.isEmpty())
            context.err() << "incident-console incident new: " << problem << Qt::endl;
    }
    if (parser.isSet(QStringLiteral("title")))
        request.title = parser.value(QStringLiteral("title"));
    if (parser.isSet(QStringLiteral("severity")))
        request.severity = parser.value(QStringLiteral("severity"));
    if (request.title.trimmed().isEmpty() || request.severity.isEmpty())
        return fail(context, QStringLiteral("new"),
                    QStringLiteral("--title and --severity are required; severities: %1")
                        .arg(session->store().config().severities.ids().join(QStringLiteral(", "))),
                    UsageError);
    if (parser.isSet(QStringLiteral("service")))
        request.services = parser.values(QStringLiteral("service"));
    if (parser.isSet(QStringLiteral("impact")))
        request.impact = parser.value(QStringLiteral("impact"));
    request.commander = parser.isSet(QStringLiteral("commander"))
                            ? parser.value(QStringLiteral("commander"))
                            : session->service->actor();
    request.deputy = parser.value(QStringLiteral("deputy"));
    request.scribe = parser.value(QStringLiteral("scribe"));
    request.drill = parser.isSet(QStringLiteral("drill"));
    if (!session->store().config().severities.level(request.severity))
        return fail(context, QStringLiteral("new"),
                    QStringLiteral("unknown severity '%1'; valid: %2")
                        .arg(request.severity,
                             session->store().config().severities.ids().join(QStringLiteral(", "))),
                    UsageError);
    const Result<Change> declared = session->service->declare(request);
    if (!declared)
        return fail(context, QStringLiteral("new"), declared.error(), DataError);
    if (alert) {
        alerts::AlertLinks links(*session->service);
        if (const auto linked = links.link(declared->incidentId, *alert); !linked)
            context.err() << "incident-console incident new: declared, but the alert could not "
                             "be linked: "
                          << linked.error() << Qt::endl;
    }
    if (parser.isSet(QStringLiteral("json")))
        return printIncident(context, session->store(), declared->incidentId, true);
    context.out() << declared->incidentId << Qt::endl;
    return Success;
}

int runList(Context &context, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("List incidents, newest first."));
    parser.addOption({QStringLiteral("search"),
                      QStringLiteral("Only those whose title, service or start date (YYYY-MM-DD) "
                                     "contains TEXT."),
                      QStringLiteral("TEXT")});
    if (const int code = parseAction(parser, QStringLiteral("list"), args, context, {}); code >= 0)
        return code;
    auto session = openIncidentSession(context, parser, Context::Access::ReadOnlyAllowed);
    if (!session)
        return DataError;
    const auto incidents = session->store().list(parser.value(QStringLiteral("search")));
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const Incident &incident : incidents)
            array.append(incidentSummaryToJson(incident));
        printJson(context, array);
        return Success;
    }
    for (const Incident &incident : incidents)
        context.out() << incident.id.left(8) << "  "
                      << toIsoWithOffset(incident.milestone(Milestone::Started)) << "  "
                      << incident.severity << "  " << statusId(incident.status) << "  "
                      << incident.title << (incident.drill ? "  [drill]" : "") << "\n";
    const MetricsSummary metrics = IncidentStore::metrics(incidents);
    auto mean = [](const std::optional<qint64> &value) {
        return value ? formatDuration(std::chrono::seconds(*value)) : QStringLiteral("-");
    };
    context.out() << "Mean MTTA " << mean(metrics.meanMttaSeconds) << ", mean MTTR "
                  << mean(metrics.meanMttrSeconds) << " over " << metrics.incidents
                  << (metrics.incidents == 1 ? " incident (" : " incidents (") << mttaDefinition()
                  << "; " << mttrDefinition() << ")" << Qt::endl;
    return Success;
}

int runShow(Context &context, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Show an incident: fields, milestones, MTTA/MTTR, checklist, timeline."));
    if (const int code =
            parseAction(parser, QStringLiteral("show"), args, context, {QStringLiteral("ID")});
        code >= 0)
        return code;
    auto session = openIncidentSession(context, parser, Context::Access::ReadOnlyAllowed);
    if (!session)
        return DataError;
    const QString id = incidentIdFrom(context, QStringLiteral("show"), session->store(), parser);
    if (id.isEmpty())
        return UsageError;
    return printIncident(context, session->store(), id, parser.isSet(QStringLiteral("json")));
}

// Runs an action that may change an incident; in a team, what it changed goes to the server
// right after.
int sharedAfter(Context &context, int code)
{
    if (code == Success)
        shareWaitingChanges(context);
    return code;
}

} // namespace

int runIncident(Context &context, const QStringList &args)
{
    const QString action = args.value(0);
    const QStringList rest = args.mid(1);
    if (action == QLatin1String("new"))
        return sharedAfter(context, runNew(context, rest));
    if (action == QLatin1String("list"))
        return runList(context, rest);
    if (action == QLatin1String("show"))
        return runShow(context, rest);
    if (action == QLatin1String("import"))
        return sharedAfter(context, runIncidentImport(context, rest));
    if (const int code = runIncidentChange(context, action, rest); code >= 0)
        return sharedAfter(context, code);
    const bool help = action == QLatin1String("--help") || action == QLatin1String("-h");
    if (action.isEmpty())
        context.err() << "incident-console incident: which action?\n";
    else if (!help)
        context.err() << "incident-console incident: unknown action '" << action << "'\n";
    (help ? context.out() : context.err())
        << "Usage: incident-console incident ACTION [options]\n"
           "Actions: new, list, show, import, status, severity, milestone, tick, note, retime, "
           "snooze, callout, role, handover\n"
           "Try: incident-console incident ACTION --help"
        << Qt::endl;
    return help ? Success : UsageError;
}

} // namespace ic::cli
