#pragma once

#include "CheckDefinition.h"

namespace ic::health {

// Applies check's conditions to what its probe saw and derives the raw state: UNKNOWN when
// the probe could not tell; otherwise the probe's own verdict (a plugin's exit code) made
// worse by failed conditions, WARN for warning-level ones and CRIT for the rest.
CheckResult evaluate(const CheckDefinition &check, const Observation &observation,
                     const QDateTime &checkedAt);

} // namespace ic::health
