#include "IncidentCommandSupport.h"
#include "core/Ids.h"

#include <QJsonObject>

namespace ic::cli {
namespace {

using namespace incidents;

// After a successful change: the incident as JSON, or a one-line confirmation.
int confirm(Context &context, const IncidentStore &store, const QString &id, bool json,
            const QString &text)
{
    if (json)
        return printIncident(context, store, id, true);
    context.out() << text << Qt::endl;
    return Success;
}

int runStatus(Context &context, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Change the status: %1.").arg(statusChoices().join(QStringLiteral(" → "))));
    addActorOption(parser);
    if (const int code = parseAction(parser, QStringLiteral("status"), args, context,
                                     {QStringLiteral("ID"), QStringLiteral("STATUS")});
        code >= 0)
        return code;
    const QString wanted = parser.positionalArguments().at(1);
    const auto status = parseStatus(wanted);
    if (!status)
        return fail(context, QStringLiteral("status"),
                    QStringLiteral("unknown status '%1'; valid: %2")
                        .arg(wanted, statusChoices().join(QStringLiteral(", "))),
                    UsageError);
    auto session = openIncidentSession(context);
    if (!session)
        return DataError;
    const QString id = incidentIdFrom(context, QStringLiteral("status"), *session->store, parser);
    if (id.isEmpty())
        return UsageError;
    QString error;
    if (!session->store->setStatus(id, *status, actorFrom(parser), &error))
        return fail(context, QStringLiteral("status"), error, DataError);
    return confirm(context, *session->store, id, parser.isSet(QStringLiteral("json")),
                   statusLabel(*status) + QStringLiteral(": ") + statusSentence(*status));
}

int runSeverity(Context &context, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Change the severity."));
    addActorOption(parser);
    if (const int code = parseAction(parser, QStringLiteral("severity"), args, context,
                                     {QStringLiteral("ID"), QStringLiteral("SEVERITY")});
        code >= 0)
        return code;
    auto session = openIncidentSession(context);
    if (!session)
        return DataError;
    const QString wanted = parser.positionalArguments().at(1);
    const SeverityScheme &scheme = session->store->config().severities;
    if (!scheme.level(wanted))
        return fail(context, QStringLiteral("severity"),
                    QStringLiteral("unknown severity '%1'; valid: %2")
                        .arg(wanted, scheme.ids().join(QStringLiteral(", "))),
                    UsageError);
    const QString id = incidentIdFrom(context, QStringLiteral("severity"), *session->store, parser);
    if (id.isEmpty())
        return UsageError;
    QString error;
    if (!session->store->setSeverity(id, wanted, actorFrom(parser), &error))
        return fail(context, QStringLiteral("severity"), error, DataError);
    return confirm(context, *session->store, id, parser.isSet(QStringLiteral("json")),
                   scheme.level(wanted)->id);
}

int runMilestone(Context &context, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Set a milestone (%1) to an ISO 8601 time, 'now', or 'clear'.")
            .arg(milestoneChoices().join(QStringLiteral(", "))));
    addActorOption(parser);
    if (const int code = parseAction(
            parser, QStringLiteral("milestone"), args, context,
            {QStringLiteral("ID"), QStringLiteral("MILESTONE"), QStringLiteral("TIME")});
        code >= 0)
        return code;
    const QStringList positional = parser.positionalArguments();
    const auto milestone = parseMilestone(positional.at(1));
    if (!milestone)
        return fail(context, QStringLiteral("milestone"),
                    QStringLiteral("unknown milestone '%1'; valid: %2")
                        .arg(positional.at(1), milestoneChoices().join(QStringLiteral(", "))),
                    UsageError);
    QDateTime value;
    if (positional.at(2) == QLatin1String("now"))
        value = QDateTime::currentDateTimeUtc();
    else if (positional.at(2) != QLatin1String("clear")) {
        value = QDateTime::fromString(positional.at(2), Qt::ISODateWithMs);
        if (!value.isValid())
            return fail(context, QStringLiteral("milestone"),
                        QStringLiteral("'%1' is not a time; use ISO 8601 "
                                       "(2026-11-25T10:30:00+01:00), now or clear")
                            .arg(positional.at(2)),
                        UsageError);
    }
    auto session = openIncidentSession(context);
    if (!session)
        return DataError;
    const QString id =
        incidentIdFrom(context, QStringLiteral("milestone"), *session->store, parser);
    if (id.isEmpty())
        return UsageError;
    QString error;
    if (!session->store->setMilestone(id, *milestone, value, actorFrom(parser), &error))
        return fail(context, QStringLiteral("milestone"), error, UsageError);
    return confirm(context, *session->store, id, parser.isSet(QStringLiteral("json")),
                   milestoneId(*milestone) + QStringLiteral(" ") +
                       (value.isValid() ? toIsoWithOffset(value) : QStringLiteral("cleared")));
}

int runTick(Context &context, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Tick a checklist item (its number as listed by show, or its id)."));
    parser.addOptions(
        {{QStringLiteral("undo"), QStringLiteral("Untick it (recorded too).")},
         {QStringLiteral("note"), QStringLiteral("A note on the item."), QStringLiteral("T")}});
    addActorOption(parser);
    if (const int code = parseAction(parser, QStringLiteral("tick"), args, context,
                                     {QStringLiteral("ID"), QStringLiteral("ITEM")});
        code >= 0)
        return code;
    auto session = openIncidentSession(context);
    if (!session)
        return DataError;
    const QString id = incidentIdFrom(context, QStringLiteral("tick"), *session->store, parser);
    if (id.isEmpty())
        return UsageError;
    ChecklistStore checklist(session->database->connection());
    QString error;
    const QString itemId = checklist.resolveItem(id, parser.positionalArguments().at(1), &error);
    if (itemId.isEmpty())
        return fail(context, QStringLiteral("tick"), error, UsageError);
    const QString actor = actorFrom(parser);
    const QString note = parser.value(QStringLiteral("note"));
    QString eventId;
    if (parser.isSet(QStringLiteral("undo"))) {
        eventId = checklist.untick(itemId, actor, &error);
        if (!eventId.isEmpty() && !note.isEmpty())
            eventId = checklist.setNote(itemId, note, actor, &error);
    } else {
        eventId = checklist.tick(itemId, actor, note, &error);
    }
    if (eventId.isEmpty())
        return fail(context, QStringLiteral("tick"), error, DataError);
    const auto item = checklist.item(itemId);
    return confirm(context, *session->store, id, parser.isSet(QStringLiteral("json")),
                   (item && item->isChecked() ? QStringLiteral("[x] ") : QStringLiteral("[ ] ")) +
                       (item ? item->text : itemId));
}

int runNote(Context &context, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Add a note to the timeline; 'TODO: …' also adds a follow-up item."));
    addActorOption(parser);
    if (const int code = parseAction(parser, QStringLiteral("note"), args, context,
                                     {QStringLiteral("ID"), QStringLiteral("TEXT")});
        code >= 0)
        return code;
    auto session = openIncidentSession(context);
    if (!session)
        return DataError;
    const QString id = incidentIdFrom(context, QStringLiteral("note"), *session->store, parser);
    if (id.isEmpty())
        return UsageError;
    QString error;
    const QString noteId =
        Timeline(session->database->connection())
            .addNote(id, parser.positionalArguments().at(1), actorFrom(parser), &error);
    if (noteId.isEmpty())
        return fail(context, QStringLiteral("note"), error, UsageError);
    return confirm(context, *session->store, id, parser.isSet(QStringLiteral("json")), noteId);
}

} // namespace

int runIncidentChange(Context &context, const QString &action, const QStringList &args)
{
    if (action == QLatin1String("status"))
        return runStatus(context, args);
    if (action == QLatin1String("severity"))
        return runSeverity(context, args);
    if (action == QLatin1String("milestone"))
        return runMilestone(context, args);
    if (action == QLatin1String("tick"))
        return runTick(context, args);
    if (action == QLatin1String("note"))
        return runNote(context, args);
    return -1;
}

} // namespace ic::cli
