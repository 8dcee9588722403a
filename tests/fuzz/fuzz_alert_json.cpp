// An alert source, or whatever answers on its port, sends any body: the decoders must turn
// it into bounded alerts or a reason, never crash, hang or keep more than their limits.
#include "alerts/AlertDecoder.h"

#include <cstdint>
#include <cstdlib>

namespace {

void checkBounds(const ic::Result<ic::alerts::DecodedAlerts> &decoded)
{
    using ic::alerts::DecodeLimits;
    if (!decoded) {
        if (decoded.error().isEmpty())
            std::abort(); // no alerts without a reason
        return;
    }
    if (decoded->alerts.size() > DecodeLimits::maxAlerts)
        std::abort();
    for (const ic::alerts::Alert &alert : decoded->alerts) {
        if (alert.fingerprint.isEmpty() || alert.fingerprint.size() > 32 || alert.labels.isEmpty())
            std::abort();
        if (alert.labels.size() > DecodeLimits::maxPairs ||
            alert.annotations.size() > DecodeLimits::maxPairs)
            std::abort();
        for (const QString &value : alert.labels)
            if (value.size() > DecodeLimits::maxValueChars + 1)
                std::abort();
        for (const QString &value : alert.annotations)
            if (value.size() > DecodeLimits::maxValueChars + 1)
                std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body(reinterpret_cast<const char *>(data), qsizetype(size));
    checkBounds(ic::alerts::decodeAlertmanagerAlerts(body, QStringLiteral("am")));
    checkBounds(ic::alerts::decodePrometheusAlerts(body, QStringLiteral("prom")));
    return 0;
}
