#pragma once

#include "incidents/IncidentStore.h"

#include <QJsonObject>

namespace ic::cli {

// The incident JSON of DESIGN.md plus what messages need beyond it: when the next update is
// due, and the saved postmortem.
QJsonObject incidentDocument(const incidents::IncidentStore &store, const QString &id);

// Which templates restart the next-update countdown when they are sent.
bool restartsUpdateCountdown(const QString &templateId);

} // namespace ic::cli
