#pragma once

#include <QDateTime>
#include <QTimeZone>

namespace ic::contacts {

// An ISO 8601 time. One with an offset or Z stands as written; one without is wall-clock
// time in zone, refused (invalid, *why set) when zone is invalid, since the reader's zone
// would silently move a hand-over.
QDateTime parseTimeIn(const QString &text, const QTimeZone &zone, QString *why);

} // namespace ic::contacts
