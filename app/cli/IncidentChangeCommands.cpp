#include "ContactsCommand.h"
#include "IncidentCommandSupport.h"
#include "core/Ids.h"
#include "incidents/CallOut.h"
#include "incidents/Roles.h"

#include <QJsonDocument>
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
    auto session = openIncidentSession(context, parser);
    if (!session)
        return DataError;
    const QString id = incidentIdFrom(context, QStringLiteral("status"), session->store(), parser);
    if (id.isEmpty())
        return UsageError;
    if (const Result<Change> changed = session->service->setStatus(id, *status); !changed)
        return failedChange(context, QStringLiteral("status"), changed);
    return confirm(context, session->store(), id, parser.isSet(QStringLiteral("json")),
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
    auto session = openIncidentSession(context, parser);
    if (!session)
        return DataError;
    const QString wanted = parser.positionalArguments().at(1);
    const SeverityScheme &scheme = session->store().config().severities;
    if (!scheme.level(wanted))
        return fail(context, QStringLiteral("severity"),
                    QStringLiteral("unknown severity '%1'; valid: %2")
                        .arg(wanted, scheme.ids().join(QStringLiteral(", "))),
                    UsageError);
    const QString id =
        incidentIdFrom(context, QStringLiteral("severity"), session->store(), parser);
    if (id.isEmpty())
        return UsageError;
    if (const Result<Change> changed = session->service->setSeverity(id, wanted); !changed)
        return failedChange(context, QStringLiteral("severity"), changed);
    return confirm(context, session->store(), id, parser.isSet(QStringLiteral("json")),
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
    auto session = openIncidentSession(context, parser);
    if (!session)
        return DataError;
    const QString id =
        incidentIdFrom(context, QStringLiteral("milestone"), session->store(), parser);
    if (id.isEmpty())
        return UsageError;
    if (const Result<Change> changed = session->service->setMilestone(id, *milestone, value);
        !changed)
        return failedChange(context, QStringLiteral("milestone"), changed);
    return confirm(context, session->store(), id, parser.isSet(QStringLiteral("json")),
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
         {QStringLiteral("note"), QStringLiteral("A note on the item."), QStringLiteral("T")},
         {QStringLiteral("called"),
          QStringLiteral("For an escalation item: whom you called, when not the one on record "
                         "(contacts.yaml says who holds the role it calls)."),
          QStringLiteral("NAME")}});
    addActorOption(parser);
    if (const int code = parseAction(parser, QStringLiteral("tick"), args, context,
                                     {QStringLiteral("ID"), QStringLiteral("ITEM")});
        code >= 0)
        return code;
    auto session = openIncidentSession(context, parser);
    if (!session)
        return DataError;
    const QString id = incidentIdFrom(context, QStringLiteral("tick"), session->store(), parser);
    if (id.isEmpty())
        return UsageError;
    IncidentService &service = *session->service;
    const Result<QString> itemId = ChecklistStore(session->database->connection())
                                       .resolveItem(id, parser.positionalArguments().at(1));
    if (!itemId)
        return fail(context, QStringLiteral("tick"), itemId.error(), UsageError);
    const QString note = parser.value(QStringLiteral("note"));
    const bool undo = parser.isSet(QStringLiteral("undo"));
    if (undo && parser.isSet(QStringLiteral("called")))
        return fail(context, QStringLiteral("tick"),
                    QStringLiteral("--called goes with a tick, not with --undo"), UsageError);
    QString called = parser.value(QStringLiteral("called"));
    if (!undo && called.isEmpty()) {
        // An escalation item records whoever holds its role now as the one called.
        if (const auto current = service.item(*itemId); current)
            if (const QString role = service.calledRole(*current); !role.isEmpty())
                called = roleHolderNow(context, role);
    }
    Result<Change> changed = undo ? service.untick(*itemId) : service.tick(*itemId, note, called);
    if (changed && undo && !note.isEmpty())
        changed = service.setItemNote(*itemId, note);
    if (!changed)
        return failedChange(context, QStringLiteral("tick"), changed);
    const auto item = service.item(*itemId);
    const QString calledText = !undo && !called.isEmpty()
                                   ? QStringLiteral(" — called %1").arg(called.simplified())
                                   : QString();
    return confirm(context, session->store(), id, parser.isSet(QStringLiteral("json")),
                   (item && item->isChecked() ? QStringLiteral("[x] ") : QStringLiteral("[ ] ")) +
                       (item ? item->text : *itemId) + calledText);
}

int runNote(Context &context, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Add a note to the timeline; 'TODO: …' also adds a follow-up item."));
    parser.addOption({QStringLiteral("edit"),
                      QStringLiteral("Replace the manual note NOTE_ID (from show --json) with "
                                     "TEXT; the original stays on the timeline, marked replaced."),
                      QStringLiteral("NOTE_ID")});
    addActorOption(parser);
    if (const int code = parseAction(parser, QStringLiteral("note"), args, context,
                                     {QStringLiteral("ID"), QStringLiteral("TEXT")});
        code >= 0)
        return code;
    auto session = openIncidentSession(context, parser);
    if (!session)
        return DataError;
    const QString id = incidentIdFrom(context, QStringLiteral("note"), session->store(), parser);
    if (id.isEmpty())
        return UsageError;
    IncidentService &service = *session->service;
    const QString text = parser.positionalArguments().at(1);
    const QString replaced = parser.value(QStringLiteral("edit"));
    if (!replaced.isEmpty()) {
        const auto original = service.event(replaced);
        if (!original || original->incidentId != id)
            return fail(context, QStringLiteral("note"),
                        QStringLiteral("no note %1 in this incident; see the timeline ids in "
                                       "'incident show %2 --json'")
                            .arg(replaced, id.left(8)),
                        UsageError);
    }
    const Result<Change> noted =
        replaced.isEmpty() ? service.addNote(id, text) : service.editNote(replaced, text);
    if (!noted)
        return failedChange(context, QStringLiteral("note"), noted);
    return confirm(context, session->store(), id, parser.isSet(QStringLiteral("json")),
                   noted->eventId);
}

int runRetime(Context &context, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Move the manual note NOTE_ID (from show --json) to the ISO 8601 TIME it "
                       "really happened; the time it had stays on the timeline."));
    parser.addOption({QStringLiteral("reason"),
                      QStringLiteral("Why the time changes (kept with the correction)."),
                      QStringLiteral("T")});
    addActorOption(parser);
    if (const int code =
            parseAction(parser, QStringLiteral("retime"), args, context,
                        {QStringLiteral("ID"), QStringLiteral("NOTE_ID"), QStringLiteral("TIME")});
        code >= 0)
        return code;
    const QStringList positional = parser.positionalArguments();
    const QDateTime at = QDateTime::fromString(positional.at(2), Qt::ISODateWithMs);
    if (!at.isValid())
        return fail(context, QStringLiteral("retime"),
                    QStringLiteral("'%1' is not a time; use ISO 8601 (2026-11-25T16:20:00+01:00)")
                        .arg(positional.at(2)),
                    UsageError);
    auto session = openIncidentSession(context, parser);
    if (!session)
        return DataError;
    const QString id = incidentIdFrom(context, QStringLiteral("retime"), session->store(), parser);
    if (id.isEmpty())
        return UsageError;
    IncidentService &service = *session->service;
    const auto original = service.event(positional.at(1));
    if (!original || original->incidentId != id)
        return fail(context, QStringLiteral("retime"),
                    QStringLiteral("no note %1 in this incident; see the timeline ids in "
                                   "'incident show %2 --json'")
                        .arg(positional.at(1), id.left(8)),
                    UsageError);
    const Result<Change> moved =
        service.retimeNote(original->id, at, parser.value(QStringLiteral("reason")));
    if (!moved)
        return failedChange(context, QStringLiteral("retime"), moved);
    return confirm(context, session->store(), id, parser.isSet(QStringLiteral("json")),
                   moved->eventId + QStringLiteral(" at ") + toIsoWithOffset(at));
}

int runRole(Context &context, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Say who holds a role (%1): one NAME, several for expert, none to clear. "
                       "Command changes with 'incident handover'.")
            .arg(roleChoices().mid(1).join(QStringLiteral(", "))));
    addActorOption(parser);
    if (const int code = parseAction(parser, QStringLiteral("role"), args, context,
                                     {QStringLiteral("ID"), QStringLiteral("ROLE")},
                                     QStringLiteral("[NAME...]"));
        code >= 0)
        return code;
    const QStringList positional = parser.positionalArguments();
    const auto role = parseRole(positional.at(1));
    if (!role)
        return fail(context, QStringLiteral("role"),
                    QStringLiteral("unknown role '%1'; valid: %2")
                        .arg(positional.at(1), roleChoices().join(QStringLiteral(", "))),
                    UsageError);
    auto session = openIncidentSession(context, parser);
    if (!session)
        return DataError;
    const QString id = incidentIdFrom(context, QStringLiteral("role"), session->store(), parser);
    if (id.isEmpty())
        return UsageError;
    const Result<Change> assigned = session->service->assignRole(id, *role, positional.mid(2));
    if (!assigned)
        return failedChange(context, QStringLiteral("role"), assigned);
    const auto event = session->service->event(assigned->eventId);
    return confirm(context, session->store(), id, parser.isSet(QStringLiteral("json")),
                   event ? event->text : assigned->eventId);
}

int runHandover(Context &context, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Hand command over to another person; the timeline names both. "
                       "'draft ID handover' then prints the handover brief."));
    parser.addOptions(
        {{QStringLiteral("to"), QStringLiteral("The new commander."), QStringLiteral("NAME")},
         {QStringLiteral("note"), QStringLiteral("What the new commander must know first."),
          QStringLiteral("T")}});
    addActorOption(parser);
    if (const int code =
            parseAction(parser, QStringLiteral("handover"), args, context, {QStringLiteral("ID")});
        code >= 0)
        return code;
    if (parser.value(QStringLiteral("to")).trimmed().isEmpty())
        return fail(context, QStringLiteral("handover"),
                    QStringLiteral("--to is required: who takes command"), UsageError);
    auto session = openIncidentSession(context, parser);
    if (!session)
        return DataError;
    const QString id =
        incidentIdFrom(context, QStringLiteral("handover"), session->store(), parser);
    if (id.isEmpty())
        return UsageError;
    const Result<Change> handed = session->service->handOverCommand(
        id, parser.value(QStringLiteral("to")), parser.value(QStringLiteral("note")));
    if (!handed)
        return failedChange(context, QStringLiteral("handover"), handed);
    const auto event = session->service->event(handed->eventId);
    return confirm(context, session->store(), id, parser.isSet(QStringLiteral("json")),
                   event ? event->text : handed->eventId);
}

int runCallOut(Context &context, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Print the deputy's call-out (time elapsed, open and overdue items, who is "
                       "on what, next update) and when it is due; --done records it as made."));
    parser.addOption(
        {QStringLiteral("done"), QStringLiteral("The call-out was made: put it on the timeline.")});
    addActorOption(parser);
    if (const int code =
            parseAction(parser, QStringLiteral("callout"), args, context, {QStringLiteral("ID")});
        code >= 0)
        return code;
    auto session = openIncidentSession(context, parser);
    if (!session)
        return DataError;
    const QString id = incidentIdFrom(context, QStringLiteral("callout"), session->store(), parser);
    if (id.isEmpty())
        return UsageError;
    const IncidentStore &store = session->store();
    const std::optional<Incident> incident = store.load(id);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString text =
        callOutText(*incident, session->service->items(id), store.nextUpdateDue(*incident), now);
    if (parser.isSet(QStringLiteral("done"))) {
        if (const Result<Change> made = session->service->recordCallOut(id, text); !made)
            return failedChange(context, QStringLiteral("callout"), made);
        return confirm(context, store, id, parser.isSet(QStringLiteral("json")),
                       QStringLiteral("Call-out: ") + text);
    }
    const QDateTime due = store.nextCallOutDue(*incident);
    if (parser.isSet(QStringLiteral("json"))) {
        context.out() << QJsonDocument(QJsonObject{{QStringLiteral("text"), text},
                                                   {QStringLiteral("due_at"),
                                                    due.isValid() ? QJsonValue(toIsoWithOffset(due))
                                                                  : QJsonValue()}})
                             .toJson(QJsonDocument::Compact)
                      << Qt::endl;
        return Success;
    }
    context.out() << text << Qt::endl
                  << (due.isValid() ? (due <= now ? QStringLiteral("Due now (since %1).")
                                                  : QStringLiteral("Next due at %1."))
                                          .arg(toIsoWithOffset(due))
                                    : QStringLiteral("No call-outs at this severity."))
                  << Qt::endl;
    return Success;
}

int runSnooze(Context &context, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Move the next-update reminder MINUTES later, or stop it ('stop': no "
                       "further updates needed until one is sent). The reason is logged."));
    parser.addOption({QStringLiteral("reason"), QStringLiteral("Why (required; on the timeline)."),
                      QStringLiteral("T")});
    addActorOption(parser);
    if (const int code = parseAction(parser, QStringLiteral("snooze"), args, context,
                                     {QStringLiteral("ID"), QStringLiteral("MINUTES|stop")});
        code >= 0)
        return code;
    const QString amount = parser.positionalArguments().at(1);
    bool number = false;
    const int minutes = amount == QLatin1String("stop") ? 0 : amount.toInt(&number);
    if (amount != QLatin1String("stop") && (!number || minutes <= 0 || minutes > 24 * 60))
        return fail(context, QStringLiteral("snooze"),
                    QStringLiteral("'%1' is neither minutes (1 to 1440) nor 'stop'").arg(amount),
                    UsageError);
    if (parser.value(QStringLiteral("reason")).trimmed().isEmpty())
        return fail(context, QStringLiteral("snooze"),
                    QStringLiteral("--reason is required: the timeline says why"), UsageError);
    auto session = openIncidentSession(context, parser);
    if (!session)
        return DataError;
    const QString id = incidentIdFrom(context, QStringLiteral("snooze"), session->store(), parser);
    if (id.isEmpty())
        return UsageError;
    const Result<Change> paused =
        session->service->pauseUpdates(id, minutes, parser.value(QStringLiteral("reason")));
    if (!paused)
        return failedChange(context, QStringLiteral("snooze"), paused);
    const auto event = session->service->event(paused->eventId);
    return confirm(context, session->store(), id, parser.isSet(QStringLiteral("json")),
                   event ? event->text : paused->eventId);
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
    if (action == QLatin1String("retime"))
        return runRetime(context, args);
    if (action == QLatin1String("role"))
        return runRole(context, args);
    if (action == QLatin1String("handover"))
        return runHandover(context, args);
    if (action == QLatin1String("callout"))
        return runCallOut(context, args);
    if (action == QLatin1String("snooze"))
        return runSnooze(context, args);
    return -1;
}

} // namespace ic::cli
