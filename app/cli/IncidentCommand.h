#pragma once

#include "CommandLine.h"

namespace ic::cli {

// incident new|list|show|import|status|severity|milestone|tick|note …
int runIncident(Context &context, const QStringList &args);

} // namespace ic::cli
