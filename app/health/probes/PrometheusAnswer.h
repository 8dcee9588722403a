#pragma once

#include "health/HealthTypes.h"

namespace ic::health {

// Reads the answer of Prometheus's instant-query API (/api/v1/query) that an HTTP request
// left in observation: [VALUE] is the first sample and [RESULT_COUNT] the number of series.
// No sample, NaN, a query error, a body that is not the API's or no answer at all leave the
// observation indeterminate: the observer failed, not the target. Kept apart from the probe
// so any body can be checked without a network (tests/fuzz/fuzz_prometheus_json.cpp).
void readPrometheusAnswer(Observation &observation);

} // namespace ic::health
