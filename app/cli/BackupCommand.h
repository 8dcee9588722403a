#pragma once

#include "CommandLine.h"

namespace ic::cli {

// incident-console backup [--output FILE]: a consistent copy of console.db while it is in use.
int runBackup(Context &context, const QStringList &args);

} // namespace ic::cli
