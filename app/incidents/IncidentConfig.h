#pragma once

#include "ChecklistTemplate.h"
#include "SeverityScheme.h"

namespace ic::incidents {

// The severity scheme and checklist template in force. The defaults are compiled in
// (resources/severity/sev.yaml, resources/checklists/incident-commander.yaml); severity.yaml
// and checklist.yaml in the data dir replace them when present and valid.
struct IncidentConfig
{
    SeverityScheme severities;
    ChecklistTemplate checklist;
    // One message per user file that could not be used ("file:line: what"); the defaults
    // are then in force for that part.
    QStringList problems;
};

IncidentConfig loadIncidentConfig(const QString &dataDir);

// One of the shipped schemes ("sev", "p0", "p1").
std::optional<SeverityScheme> shippedSeverityScheme(const QString &name);

} // namespace ic::incidents
