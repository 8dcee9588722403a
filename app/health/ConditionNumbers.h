#pragma once

#include <QString>
#include <optional>

namespace ic::health {

// A side of a condition read as a number. Integers are kept exact (Gatus compares them as
// 64-bit integers); decimals are real numbers (Gatus truncates them); durations count in
// milliseconds ("48h", "300ms"), as [RESPONSE_TIME] and [CERTIFICATE_EXPIRATION] do.
struct ConditionNumber
{
    bool integral = false;
    qint64 integer = 0;
    double real = 0;
};

// Integers also in hexadecimal, octal and binary with Go's prefixes 0x…, 0o…, 0b… (a sign may
// precede them). A leading zero alone stays decimal: 010 is ten, not Go's eight. nullopt when
// text is none of these.
std::optional<ConditionNumber> parseConditionNumber(const QString &text);

// -1, 0 or 1; nullopt when either is NaN.
std::optional<int> compareNumbers(const ConditionNumber &a, const ConditionNumber &b);

} // namespace ic::health
