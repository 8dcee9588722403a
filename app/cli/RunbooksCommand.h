#pragma once

#include "CommandLine.h"

namespace ic::cli {

// incident-console runbooks list|search QUERY|show ID|reindex [--json] [--html]: the runbook
// index from the bundled folder and every --runbooks folder, brought up to date first.
int runRunbooks(Context &context, const QStringList &args);

} // namespace ic::cli
