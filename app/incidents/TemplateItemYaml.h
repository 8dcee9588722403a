#pragma once

#include "ChecklistTemplate.h"

#include <yaml-cpp/yaml.h>

namespace ic::incidents {

// One checklist item ({text, due, milestone}) from a template or a severity's extra items.
// Throws yaml::FieldError.
TemplateItem parseTemplateItem(const YAML::Node &node, const QString &phase);

} // namespace ic::incidents
