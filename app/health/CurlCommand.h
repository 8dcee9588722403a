#pragma once

#include "CheckDefinition.h"

namespace ic::health {

// The curl command line that sends the same request as an http check, quoted for a POSIX
// shell, so a responder can repeat the probe from a terminal.
QString curlCommand(const CheckDefinition &check);

} // namespace ic::health
