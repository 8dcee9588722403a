#include "ItemOrigin.h"

namespace ic::incidents {
namespace {

const TemplateItem *findAmong(const std::vector<TemplateItem> &items, const ChecklistItem &item)
{
    for (const TemplateItem &candidate : items) {
        if (candidate.phase == item.phase && candidate.text == item.text)
            return &candidate;
    }
    return nullptr;
}

} // namespace

const TemplateItem *templateItemOf(const IncidentConfig &config, const ChecklistItem &item)
{
    if (item.source == QLatin1String("template"))
        return findAmong(config.checklist.items, item);
    if (item.source == QLatin1String("severity")) {
        // Extra items come from the level in force when they were added; the incident may
        // have changed level since, so every level's items are looked at.
        for (const SeverityLevel &level : config.severities.levels) {
            if (const TemplateItem *found = findAmong(level.extraItems, item))
                return found;
        }
    }
    return nullptr;
}

} // namespace ic::incidents
