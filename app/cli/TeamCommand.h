#pragma once

#include "CommandLine.h"

namespace ic::cli {

// incident-console team join URI | status | sync | leave [--json]: share this data dir's
// incidents with a team through its PostgreSQL server.
int runTeam(Context &context, const QStringList &args);

} // namespace ic::cli
