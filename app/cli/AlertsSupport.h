#pragma once

#include "CommandLine.h"
#include "alerts/AlertMonitor.h"
#include "alerts/AlertRunbook.h"

namespace ic::cli {

// alerts.yaml for command (the data dir's, written with its commented default first, or
// the one --config names). Prints every problem; returns nothing then, with *exitCode set
// (UsageError for a problem in the file, DataError when the default cannot be written).
std::optional<alerts::AlertsConfig> loadAlertSources(Context &context, const QString &command,
                                                     const QString &configOption, int *exitCode);

// Asks every source once and returns when all have answered or failed (each within its
// timeout).
void pollOnce(alerts::AlertMonitor &monitor);

// Prints "source NAME is down: why" for each source that did not answer. Returns how many.
int reportDownSources(Context &context, const alerts::AlertMonitor &monitor);

// The alert whose fingerprint is given, or starts with it (4 characters at least, naming one
// alert). Nothing after printing why.
std::optional<alerts::Alert> findAlert(Context &context, const QString &command,
                                       const alerts::AlertMonitor &monitor,
                                       const QString &fingerprint);

// The runbook index brought up to date (bundled, --runbooks, Settings), for resolving
// runbook_url. A read-only database resolves against the index as it is.
alerts::RunbookResolver runbookResolver(Context &context, Database &database);

} // namespace ic::cli
