#pragma once

#include "ChecklistTemplate.h"

#include <yaml-cpp/yaml.h>

namespace ic::incidents {

// One checklist item ({text, due, milestone, call, done_when}) from a template or a severity's
// extra items. Throws yaml::FieldError.
TemplateItem parseTemplateItem(const YAML::Node &node, const QString &phase);

// The optional 'call' field of an item or an escalation step: a role of contacts.yaml
// ("team-lead"). Throws yaml::FieldError naming the field when it is no such name.
QString parseCalledRole(const YAML::Node &node);

} // namespace ic::incidents
