#include "IncidentDocument.h"

#include "ChecklistStore.h"
#include "IncidentJson.h"
#include "Timeline.h"
#include "core/Ids.h"
#include "storage/Sql.h"

namespace ic::incidents {

QJsonObject incidentDocument(const IncidentStore &store, const QString &id)
{
    const auto incident = store.load(id);
    if (!incident)
        return {};
    QJsonObject json = incidentToJson(*incident, ChecklistStore(store.database()).items(id),
                                      Timeline(store.database()).events(id));
    if (const SeverityLevel *level = store.config().severities.level(incident->severity))
        json.insert(QStringLiteral("severity_name"), level->label);
    const QDateTime due = store.nextUpdateDue(*incident);
    if (due.isValid())
        json.insert(QStringLiteral("next_update_at"), toIsoWithOffset(due));
    const QVariant postmortem =
        sql::scalar(store.database(),
                    QStringLiteral("SELECT body FROM drafts WHERE incident_id = ? AND template = "
                                   "'postmortem' ORDER BY created_at DESC LIMIT 1"),
                    {id});
    if (postmortem.isValid())
        json.insert(QStringLiteral("postmortem"), postmortem.toString());
    return json;
}

} // namespace ic::incidents
