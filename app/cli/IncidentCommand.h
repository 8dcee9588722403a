#pragma once

#include "CommandLine.h"

namespace ic::cli {

// incident new|list|show|status|severity|milestone|tick|note …
int runIncident(Context &context, const QStringList &args);

} // namespace ic::cli
