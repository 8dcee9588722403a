#pragma once

#include "CommandLine.h"

namespace ic::cli {

// incident-console contacts [ROLE] [--json]: the people of the escalation directory, or
// those who can hold ROLE.
int runContacts(Context &context, const QStringList &args);

// incident-console oncall [--at TIME] [--json]: who holds each role at TIME (now by default)
// and when it next changes hands.
int runOncall(Context &context, const QStringList &args);

} // namespace ic::cli
