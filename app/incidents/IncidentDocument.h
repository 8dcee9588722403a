#pragma once

#include "IncidentStore.h"

#include <QJsonObject>

namespace ic::incidents {

// The version of the complete export written by incidentDocument(). Raise it when a field
// changes meaning or becomes required, so an older console refuses the file instead of
// importing it wrongly.
inline constexpr int incidentFormatVersion = 1;

// The incident JSON of DESIGN.md plus what messages and exports need beyond it: the
// severity's name, when the next update is due, the saved postmortem, every saved draft and
// format_version. Complete: importing it restores every row of the incident. Empty when the
// incident does not exist.
QJsonObject incidentDocument(const IncidentStore &store, const QString &id);

// The same with only the newest events of the timeline: what a reader that runs on every
// change can afford on an incident of hundreds of thousands of events. Not for export.
QJsonObject incidentDocument(const IncidentStore &store, const QString &id, int newestEvents);

} // namespace ic::incidents
