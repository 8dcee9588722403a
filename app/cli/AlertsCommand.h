#pragma once

#include "CommandLine.h"

namespace ic::cli {

// incident-console alerts [--json] [--watch] | alerts silence FINGERPRINT --for D --comment T |
// alerts expire SILENCE_ID
int runAlerts(Context &context, const QStringList &args);

} // namespace ic::cli
