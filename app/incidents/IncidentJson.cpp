#include "IncidentJson.h"

#include "core/Ids.h"

#include <QJsonArray>

namespace ic::incidents {
namespace {

QJsonValue secondsValue(const std::optional<qint64> &seconds)
{
    return seconds ? QJsonValue(*seconds) : QJsonValue(QJsonValue::Null);
}

QJsonObject itemToJson(const ChecklistItem &item)
{
    return {{QStringLiteral("number"), item.number},
            {QStringLiteral("id"), item.id},
            {QStringLiteral("phase"), item.phase},
            {QStringLiteral("phase_position"), item.phasePosition},
            {QStringLiteral("position"), item.position},
            {QStringLiteral("text"), item.text},
            {QStringLiteral("due_offset_seconds"), secondsValue(item.dueOffsetSeconds)},
            {QStringLiteral("due_rule"), item.dueRule},
            {QStringLiteral("due_at"), timeToJson(item.dueAt)},
            {QStringLiteral("checked_at"), timeToJson(item.checkedAt)},
            {QStringLiteral("checked_by"),
             item.isChecked() ? QJsonValue(item.checkedBy) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("note"), item.note},
            {QStringLiteral("source"), item.source},
            {QStringLiteral("assignee"), item.assignee},
            {QStringLiteral("timebox_until"), timeToJson(item.timeboxUntil)},
            {QStringLiteral("milestone"), item.milestone}};
}

QJsonObject eventToJson(const TimelineEvent &event)
{
    QJsonObject json{{QStringLiteral("id"), event.id},
                     {QStringLiteral("at"), timeToJson(event.at)},
                     {QStringLiteral("kind"), event.kind},
                     {QStringLiteral("text"), event.text},
                     {QStringLiteral("actor"), event.actor},
                     {QStringLiteral("data"), event.data},
                     {QStringLiteral("superseded"), event.superseded}};
    if (!event.supersedes.isEmpty())
        json.insert(QStringLiteral("supersedes"), event.supersedes);
    return json;
}

} // namespace

QJsonValue timeToJson(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(toIsoWithOffsetMs(time)) : QJsonValue(QJsonValue::Null);
}

QJsonObject incidentSummaryToJson(const Incident &incident)
{
    QJsonObject milestones;
    for (int i = 0; i < milestoneCount; ++i)
        milestones.insert(milestoneId(Milestone(i)), timeToJson(incident.milestones[size_t(i)]));
    return {{QStringLiteral("id"), incident.id},
            {QStringLiteral("title"), incident.title},
            {QStringLiteral("severity"), incident.severity},
            {QStringLiteral("status"), statusId(incident.status)},
            {QStringLiteral("status_sentence"), statusSentence(incident.status)},
            {QStringLiteral("services"), QJsonArray::fromStringList(incident.services)},
            {QStringLiteral("impact"), incident.impact},
            {QStringLiteral("commander"), incident.commander},
            {QStringLiteral("deputy"), incident.deputy},
            {QStringLiteral("scribe"), incident.scribe},
            {QStringLiteral("communications"), incident.communications},
            {QStringLiteral("experts"), QJsonArray::fromStringList(incident.experts)},
            {QStringLiteral("drill"), incident.drill},
            {QStringLiteral("time_zone"), incident.timeZone},
            {QStringLiteral("channel"), incident.channel},
            {QStringLiteral("milestones"), milestones},
            {QStringLiteral("started_at"), timeToJson(incident.milestone(Milestone::Started))},
            {QStringLiteral("resolved_at"), timeToJson(incident.milestone(Milestone::Resolved))},
            {QStringLiteral("mtta_seconds"), secondsValue(incident.mttaSeconds())},
            {QStringLiteral("mttr_seconds"), secondsValue(incident.mttrSeconds())},
            {QStringLiteral("created_at"), timeToJson(incident.createdAt)},
            {QStringLiteral("updated_at"), timeToJson(incident.updatedAt)}};
}

QJsonObject incidentToJson(const Incident &incident, const std::vector<ChecklistItem> &items,
                           const std::vector<TimelineEvent> &events)
{
    QJsonObject json = incidentSummaryToJson(incident);
    json.insert(QStringLiteral("mtta_definition"), mttaDefinition());
    json.insert(QStringLiteral("mttr_definition"), mttrDefinition());
    QJsonArray checklist;
    for (const ChecklistItem &item : items)
        checklist.append(itemToJson(item));
    json.insert(QStringLiteral("checklist"), checklist);
    QJsonArray timeline;
    for (const TimelineEvent &event : events)
        timeline.append(eventToJson(event));
    json.insert(QStringLiteral("timeline"), timeline);
    return json;
}

} // namespace ic::incidents
