#pragma once

#include "CommandLine.h"

namespace ic::cli {

// incident-console draft ID TEMPLATE [--format slack|markdown|text] [--post [--force]]
int runDraft(Context &context, const QStringList &args);

// incident-console export ID --format md|html|pdf|json --output FILE
int runExport(Context &context, const QStringList &args);

} // namespace ic::cli
