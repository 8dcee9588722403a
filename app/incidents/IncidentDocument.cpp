#include "IncidentDocument.h"

#include "ChecklistStore.h"
#include "IncidentJson.h"
#include "Timeline.h"
#include "core/Ids.h"

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
    if (const QString postmortem = store.postmortem(id); !postmortem.isEmpty())
        json.insert(QStringLiteral("postmortem"), postmortem);
    return json;
}

} // namespace ic::incidents
