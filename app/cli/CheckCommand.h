#pragma once

#include "CommandLine.h"

namespace ic::cli {

// incident-console check [--config FILE] [--json] [--watch]: runs every enabled health
// check once (or again and again) and prints the results. Exit 0 when all are OK, 1 when
// any is not, 2 when the config has a problem.
int runCheck(Context &context, const QStringList &args);

} // namespace ic::cli
