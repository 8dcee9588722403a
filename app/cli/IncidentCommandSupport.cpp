#include "IncidentCommandSupport.h"

#include "core/Duration.h"
#include "core/Ids.h"
#include "core/Settings.h"
#include "incidents/Actor.h"
#include "incidents/ChecklistStore.h"
#include "incidents/IncidentJson.h"
#include "incidents/ItemOrigin.h"
#include "incidents/Timeline.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

namespace ic::cli {
namespace {

// In the zone the incident was declared in, and named: every reader, wherever they are,
// reads the same times ("2026-12-01 17:30:00 CET").
QString incidentTime(const QDateTime &time, const QTimeZone &zone)
{
    if (!time.isValid())
        return QStringLiteral("-");
    const QDateTime there = time.toTimeZone(zone);
    return there.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss ")) + there.timeZoneAbbreviation();
}

QTimeZone zoneOf(const incidents::Incident &incident)
{
    const QTimeZone declared(incident.timeZone.toUtf8());
    return declared.isValid() ? declared : QTimeZone::systemTimeZone();
}

QString seconds(const std::optional<qint64> &value)
{
    return value ? formatDuration(std::chrono::seconds(*value)) : QStringLiteral("-");
}

} // namespace

std::optional<IncidentSession>
openIncidentSession(Context &context, const QCommandLineParser &parser, Context::Access access)
{
    IncidentSession session;
    session.database = context.openDatabase(access);
    if (!session.database)
        return std::nullopt;
    incidents::IncidentConfig config = incidents::loadIncidentConfig(context.dataDir().path);
    for (const QString &problem : config.problems)
        context.err() << "incident-console: " << problem << Qt::endl;
    const QString given = parser.optionNames().contains(QStringLiteral("by"))
                              ? parser.value(QStringLiteral("by"))
                              : QString();
    const QString actor = incidents::resolveActor(
        given, Settings(context.dataDir().path).get(settings::commanderName));
    session.service = std::make_unique<incidents::IncidentService>(session.database->connection(),
                                                                   std::move(config), actor);
    return session;
}

void addJsonOption(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print JSON.")});
}

void addActorOption(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("by"),
                      QStringLiteral("Who does it, for the timeline (default: your name from the "
                                     "settings, else $USER)."),
                      QStringLiteral("NAME")});
}

void printJson(Context &context, const QJsonValue &value)
{
    const QJsonDocument document =
        value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    context.json() << QString::fromUtf8(document.toJson(QJsonDocument::Indented));
    context.json().flush();
}

// draft and export are subcommands of their own that share these helpers.
QString commandLineFor(const QString &action)
{
    if (action == QLatin1String("draft") || action == QLatin1String("export"))
        return action;
    return QStringLiteral("incident ") + action;
}

int fail(Context &context, const QString &action, const QString &message, int code)
{
    context.err() << "incident-console " << commandLineFor(action) << ": " << message << Qt::endl;
    return code;
}

int failedChange(Context &context, const QString &action, const Result<incidents::Change> &change)
{
    switch (change.errorKind()) {
    case ErrorKind::Unchanged:
        context.out() << change.error() << "; nothing changed" << Qt::endl;
        return Success;
    case ErrorKind::Refused:
        return fail(context, action, change.error(), UsageError);
    case ErrorKind::Failed:
        break;
    }
    return fail(context, action, change.error(), DataError);
}

int parseAction(QCommandLineParser &parser, const QString &action, const QStringList &args,
                Context &context, const QStringList &positionals, const QString &rest)
{
    addJsonOption(parser);
    const QMap<QString, QString> descriptions{
        {QStringLiteral("ID"), QStringLiteral("Incident id, or a unique prefix of 4+ characters.")},
        {QStringLiteral("ITEM"), QStringLiteral("Item number as listed by show, or the item id.")},
        {QStringLiteral("STATUS"), incidents::statusChoices().join(QStringLiteral(" | "))},
        {QStringLiteral("SEVERITY"), QStringLiteral("A level of the severity scheme, e.g. SEV-2.")},
        {QStringLiteral("MILESTONE"), incidents::milestoneChoices().join(QStringLiteral(" | "))},
        {QStringLiteral("TIME"), QStringLiteral("ISO 8601 time, now, or clear.")},
        {QStringLiteral("TEXT"), QStringLiteral("The note; 'TODO: ...' adds a follow-up item.")},
        {QStringLiteral("FILE"), QStringLiteral("A file written by 'export ID --format json'.")},
        {QStringLiteral("TEMPLATE"),
         QStringLiteral("initial, update, resolution, executive-summary, status-page, "
                        "channel-name, handover, postmortem, or one of yours.")}};
    for (const QString &name : positionals)
        parser.addPositionalArgument(name, descriptions.value(name, name));
    if (!rest.isEmpty())
        parser.addPositionalArgument(rest, QStringLiteral("Any number, or none."), rest);
    const int code = parseSubcommandArguments(parser, commandLineFor(action), args, context);
    if (code >= 0)
        return code;
    if (parser.optionNames().contains(QStringLiteral("by")) &&
        parser.value(QStringLiteral("by")).trimmed().isEmpty())
        return fail(context, action, QStringLiteral("--by needs a name"), UsageError);
    const qsizetype given = parser.positionalArguments().size();
    if (given < positionals.size() || (rest.isEmpty() && given > positionals.size()))
        return fail(context, action,
                    QStringLiteral("expected %1 (see --help)")
                        .arg(positionals.isEmpty() ? QStringLiteral("no arguments")
                                                   : positionals.join(QLatin1Char(' '))),
                    UsageError);
    return -1;
}

QString incidentIdFrom(Context &context, const QString &action,
                       const incidents::IncidentStore &store, const QCommandLineParser &parser)
{
    const Result<QString> id = store.resolveId(parser.positionalArguments().first());
    if (!id) {
        fail(context, action, id.error(), UsageError);
        return {};
    }
    return *id;
}

int printIncident(Context &context, const incidents::IncidentStore &store, const QString &id,
                  bool json)
{
    const auto incident = store.load(id);
    if (!incident)
        return fail(context, QStringLiteral("show"), QStringLiteral("no incident %1").arg(id),
                    UsageError);
    const auto items = incidents::ChecklistStore(store.database()).items(id);
    const auto events = incidents::Timeline(store.database()).events(id);
    if (json)
        printJson(context, incidents::incidentToJson(*incident, items, events));
    else
        printIncidentText(context, *incident, store, items, events);
    return Success;
}

void printIncidentText(Context &context, const incidents::Incident &incident,
                       const incidents::IncidentStore &store,
                       const std::vector<incidents::ChecklistItem> &items,
                       const std::vector<incidents::TimelineEvent> &events)
{
    using namespace incidents;
    QTextStream &out = context.out();
    const QTimeZone zone = zoneOf(incident);
    const auto localTime = [&zone](const QDateTime &time) {
        return incidentTime(time, zone);
    };
    out << incident.id << "  " << incident.severity << "  " << statusLabel(incident.status)
        << (incident.drill ? "  [DRILL]" : "") << "\n"
        << "Title:     " << incident.title << "\n"
        << "Status:    " << statusLabel(incident.status) << " - " << statusSentence(incident.status)
        << "\n"
        << "Services:  " << incident.services.join(QStringLiteral(", ")) << "\n"
        << "Impact:    " << incident.impact << "\n"
        << "Commander: " << incident.commander << "\n"
        << "Roles:     " << rolesSummary(incident) << "\n";
    for (int i = 0; i < milestoneCount; ++i)
        out << QStringLiteral("%1 %2\n")
                   .arg(milestoneId(Milestone(i)) + QLatin1Char(':'), -13)
                   .arg(localTime(incident.milestones[size_t(i)]));
    out << "MTTA:      " << seconds(incident.mttaSeconds()) << "  (" << mttaDefinition() << ")\n"
        << "MTTR:      " << seconds(incident.mttrSeconds()) << "  (" << mttrDefinition() << ")\n";
    if (const QDateTime next = store.nextUpdateDue(incident); next.isValid())
        out << "Next update due: " << localTime(next) << "\n";
    QString phase;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const ChecklistItem &item : items) {
        if (item.phase != phase) {
            phase = item.phase;
            out << "\n" << phase << "\n";
        }
        out << QStringLiteral("%1. [%2] ")
                   .arg(item.number, 3)
                   .arg(item.isChecked() ? QStringLiteral("x") : QStringLiteral(" "))
            << item.text;
        if (item.dueAt.isValid())
            out << "  (due " << localTime(item.dueAt) << (item.isOverdue(now) ? ", OVERDUE" : "")
                << ")";
        if (const TemplateItem *origin = templateItemOf(store.config(), item);
            origin && !origin->call.isEmpty() && !item.isChecked())
            out << "  calls " << origin->call;
        if (item.isChecked())
            out << "  done " << localTime(item.checkedAt) << " by " << item.checkedBy;
        if (!item.note.isEmpty())
            out << "  note: " << item.note;
        out << "\n";
    }
    out << "\nTimeline\n";
    for (const TimelineEvent &event : events)
        out << localTime(event.at) << "  " << event.kind << "  " << event.actor << "  "
            << event.text << (event.superseded ? "  (replaced)" : "") << "\n";
    out.flush();
}

} // namespace ic::cli
