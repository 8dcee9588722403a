#pragma once

#include <QJsonValue>

namespace ic::health {

// What Gatus's len() gives for a JSON value, so conditions written for Gatus keep their
// meaning: an array counts its elements; anything else counts the bytes of its text as Go
// writes it (a string's UTF-8, a number as fmt's %v does, an object as json.Marshal minifies
// it, with keys sorted and <, >, & escaped). -1 for null, where Gatus has no value.
qsizetype gatusLength(const QJsonValue &value);

} // namespace ic::health
