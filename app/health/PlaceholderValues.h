#pragma once

#include "HealthTypes.h"

namespace ic::health {

// What a placeholder of a condition stands for in one observation, or why it has nothing.
struct PlaceholderValue
{
    bool found = false;
    QString text;
    QString missingReason;
};

// "[STATUS]", "[BODY]" (the body without the white space around it, as Gatus) or a JSON path
// into the body such as "[BODY].items[0].id".
PlaceholderValue placeholderValue(const QString &placeholder, const Observation &observation);
// len(): as Gatus counts (GatusLength.h), elements of an array and bytes of any other value;
// len([BODY]) counts the elements when the whole body is a JSON array.
PlaceholderValue placeholderLength(const QString &placeholder, const Observation &observation);
// has(): "true" when the path leads to a value that is not null, or the placeholder has a
// value that is not empty, as Gatus; otherwise "false", never missing.
PlaceholderValue placeholderPresence(const QString &placeholder, const Observation &observation);

} // namespace ic::health
