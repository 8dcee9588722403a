#pragma once

#include "IncidentStore.h"

#include <QJsonObject>

namespace ic::incidents {

// The incident JSON of DESIGN.md plus what messages and exports need beyond it: the
// severity's name, when the next update is due, and the saved postmortem. Empty when the
// incident does not exist.
QJsonObject incidentDocument(const IncidentStore &store, const QString &id);

} // namespace ic::incidents
