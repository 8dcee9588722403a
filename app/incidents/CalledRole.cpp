#include "CalledRole.h"

namespace ic::incidents {
namespace {

QString roleAmong(const std::vector<TemplateItem> &items, const ChecklistItem &item)
{
    for (const TemplateItem &candidate : items) {
        if (!candidate.call.isEmpty() && candidate.phase == item.phase &&
            candidate.text == item.text)
            return candidate.call;
    }
    return {};
}

} // namespace

QString calledRole(const IncidentConfig &config, const ChecklistItem &item)
{
    if (item.source == QLatin1String("template"))
        return roleAmong(config.checklist.items, item);
    if (item.source == QLatin1String("severity")) {
        // Extra items come from the level in force when they were added; the incident may
        // have changed level since, so every level's items are looked at.
        for (const SeverityLevel &level : config.severities.levels) {
            if (QString role = roleAmong(level.extraItems, item); !role.isEmpty())
                return role;
        }
    }
    return {};
}

} // namespace ic::incidents
