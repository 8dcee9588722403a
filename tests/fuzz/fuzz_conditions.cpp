// Conditions are written by the user and judged against whatever the target answered: the
// first line of the input is a condition, the rest the response body. Parsing and evaluation
// must never crash or hang, and a condition the syntax check accepts must evaluate to a
// result with a resolved form.
#include "health/Conditions.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const qsizetype newline = input.indexOf('\n');
    const QString condition = QString::fromUtf8(newline < 0 ? input : input.left(newline));
    ic::health::Observation observation;
    observation.values.insert(QStringLiteral("[STATUS]"), QStringLiteral("200"));
    observation.values.insert(QStringLiteral("[RESPONSE_TIME]"), QStringLiteral("87"));
    observation.values.insert(QStringLiteral("[CONNECTED]"), QStringLiteral("true"));
    observation.values.insert(QStringLiteral("[CERTIFICATE_EXPIRATION]"),
                              QStringLiteral("1209600000"));
    observation.values.insert(QStringLiteral("[PERF].load1"), QStringLiteral("0.42"));
    observation.hasBody = newline >= 0;
    if (observation.hasBody)
        observation.body = input.mid(newline + 1);
    const QString syntaxError = ic::health::conditionSyntaxError(condition);
    for (const bool warning : {false, true}) {
        const ic::health::ConditionResult result =
            ic::health::evaluateCondition({condition, warning}, observation);
        if (result.warning != warning || result.condition != condition)
            std::abort();
        if (!syntaxError.isEmpty() && result.success)
            std::abort(); // a condition that does not parse never passes
    }
    return 0;
}
