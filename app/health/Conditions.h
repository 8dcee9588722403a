#pragma once

#include "HealthTypes.h"

namespace ic::health {

// One condition of a check, Gatus syntax: "[STATUS] == 200", "len([BODY].items) > 0",
// "[BODY].name == pat(api-*)", "[CERTIFICATE_EXPIRATION] > 48h". A warning-level condition
// makes the check WARN instead of CRIT when it fails.
struct ConditionSpec
{
    QString text;
    bool warning = false;
};

// Empty when text is a well-formed condition, otherwise what is wrong with it.
QString conditionSyntaxError(const QString &text);

// The placeholders a well-formed condition reads, with their paths: "[BODY].items" of
// "len([BODY].items) > 0". Empty for a malformed one.
QStringList conditionPlaceholders(const QString &text);

// Evaluates one condition against what a probe saw. Unlike Gatus, numbers are compared as
// real numbers, durations keep their units ("48h" is 172800000 ms), and a value that cannot
// be compared fails the condition with a reason instead of silently becoming 0.
ConditionResult evaluateCondition(const ConditionSpec &spec, const Observation &observation);

} // namespace ic::health
