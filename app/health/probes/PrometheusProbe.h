#pragma once

#include "HttpProbe.h"

namespace ic::health {

// An instant query through Prometheus's HTTP API (/api/v1/query). [VALUE] is the first
// sample and [RESULT_COUNT] the number of series. No sample, NaN, a query error or an
// unreachable Prometheus leave the state UNKNOWN: the observer failed, not the target.
class PrometheusProbe : public HttpProbe
{
    Q_OBJECT
public:
    using HttpProbe::HttpProbe;

protected:
    QUrl requestUrl() const override;
    void interpret(Observation &observation) override;
};

} // namespace ic::health
