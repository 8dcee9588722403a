#include "IncidentDocuments.h"

#include "core/Ids.h"
#include "incidents/ChecklistStore.h"
#include "incidents/IncidentJson.h"
#include "incidents/Timeline.h"
#include "storage/Sql.h"

namespace ic::cli {

QJsonObject incidentDocument(const incidents::IncidentStore &store, const QString &id)
{
    const auto incident = store.load(id);
    if (!incident)
        return {};
    QJsonObject json =
        incidents::incidentToJson(*incident, incidents::ChecklistStore(store.database()).items(id),
                                  incidents::Timeline(store.database()).events(id));
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

bool restartsUpdateCountdown(const QString &templateId)
{
    return templateId == QLatin1String("initial") || templateId == QLatin1String("update");
}

} // namespace ic::cli
