#pragma once

#include "core/Result.h"

#include <QJsonObject>
#include <QString>

namespace ic::comms {

// writeIncidentPdf's QtGui half: QTextDocument printed to a QPdfWriter. Built into the
// window's module, never into incident_core, so that the command line does not load QtGui.
Result<void> renderIncidentPdf(const QJsonObject &incident, const QString &path);

} // namespace ic::comms
