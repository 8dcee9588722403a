#include "IncidentDocument.h"

#include "ChecklistStore.h"
#include "IncidentJson.h"
#include "Timeline.h"
#include "core/Ids.h"

#include <QJsonArray>

namespace ic::incidents {
namespace {

QJsonObject draftToJson(const Draft &draft)
{
    return {{QStringLiteral("id"), draft.id},
            {QStringLiteral("template"), draft.templateId},
            {QStringLiteral("body"), draft.body},
            {QStringLiteral("created_at"), timeToJson(draft.createdAt)},
            {QStringLiteral("copied_at"), timeToJson(draft.copiedAt)},
            {QStringLiteral("posted_at"), timeToJson(draft.postedAt)}};
}

QJsonObject documentWith(const IncidentStore &store, const Incident &incident,
                         const std::vector<TimelineEvent> &events)
{
    const QString &id = incident.id;
    QJsonObject json = incidentToJson(incident, ChecklistStore(store.database()).items(id), events);
    json.insert(QStringLiteral("format_version"), incidentFormatVersion);
    if (const SeverityLevel *level = store.config().severities.level(incident.severity))
        json.insert(QStringLiteral("severity_name"), level->label);
    const QDateTime due = store.nextUpdateDue(incident);
    if (due.isValid())
        json.insert(QStringLiteral("next_update_at"), timeToJson(due));
    if (const QString postmortem = store.postmortem(id); !postmortem.isEmpty())
        json.insert(QStringLiteral("postmortem"), postmortem);
    QJsonArray drafts;
    for (const Draft &draft : store.drafts(id))
        drafts.append(draftToJson(draft));
    json.insert(QStringLiteral("drafts"), drafts);
    return json;
}

} // namespace

QJsonObject incidentDocument(const IncidentStore &store, const QString &id)
{
    const auto incident = store.load(id);
    return incident ? documentWith(store, *incident, Timeline(store.database()).events(id))
                    : QJsonObject();
}

QJsonObject incidentDocument(const IncidentStore &store, const QString &id, int newestEvents)
{
    const auto incident = store.load(id);
    return incident ? documentWith(store, *incident,
                                   Timeline(store.database()).newestEvents(id, newestEvents).events)
                    : QJsonObject();
}

} // namespace ic::incidents
