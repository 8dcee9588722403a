#pragma once

#include <QString>

namespace ic::health {

// How much of what a server answers a result keeps, so that a stored result, and with it the
// history of a check (HistoryLimits.h), stays small whatever the answer: a 1 MB body compared
// by a [BODY] condition must not be copied into every raw row. README.md, "Health checks",
// documents both sizes.
inline constexpr qsizetype maxResolvedValueBytes = 64; // each value in ConditionResult::resolved
inline constexpr qsizetype maxMessageBytes = 256;      // CheckResult::message, a condition's reason

// text when its UTF-8 form fits in maxBytes; otherwise its start, cut at a character boundary,
// and "…(N bytes)" with the full size, together at most maxBytes.
QString truncatedText(const QString &text, qsizetype maxBytes);

} // namespace ic::health
