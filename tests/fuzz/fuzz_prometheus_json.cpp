// A Prometheus server, or whatever answers on its port, sends any body: the instant-query
// reader must turn it into a value or a reason, and the JSON paths conditions follow into
// bodies must never crash or hang.
#include "health/JsonPath.h"
#include "health/probes/PrometheusAnswer.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body(reinterpret_cast<const char *>(data), qsizetype(size));
    ic::health::Observation observation;
    observation.values.insert(QStringLiteral("[STATUS]"), QStringLiteral("200"));
    observation.message = QStringLiteral("HTTP 200 OK");
    observation.body = body;
    observation.hasBody = true;
    ic::health::readPrometheusAnswer(observation);
    if (observation.determinate != observation.values.contains(QStringLiteral("[VALUE]")))
        std::abort(); // a value exactly when the answer was usable
    if (observation.message.isEmpty())
        std::abort();
    for (const char *path : {"", ".status", ".data.result[0].value[1]", ".data.result", "[0]",
                             "[1].name", ".items[2].id", ".a.b.c[0][1]", ".[", "[x]"}) {
        const ic::health::JsonLookup lookup =
            ic::health::lookupJsonPath(body, QString::fromLatin1(path));
        if (lookup.found == !lookup.error.isEmpty())
            std::abort(); // a value or the reason there is none, never both
    }
    return 0;
}
