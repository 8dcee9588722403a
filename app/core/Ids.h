#pragma once

#include <QDateTime>
#include <QString>

namespace ic {

// A new globally unique id (UUID v4, no braces): incidents, items and events keep their
// identity when team mode later merges databases, which autoincrement keys would not.
QString newId();

// Timestamps are stored as ISO 8601 UTC with milliseconds ("2026-11-25T09:30:00.000Z"), which
// sorts correctly as text in SQLite and PostgreSQL alike.
QString toStoredTime(const QDateTime &time);
QString storedNow();
// Invalid QDateTime for an empty or malformed value.
QDateTime fromStoredTime(const QString &text);

// ISO 8601 with the local offset ("2026-11-25T10:30:00+01:00"), for JSON and exports.
QString toIsoWithOffset(const QDateTime &time);
// The same with milliseconds ("2026-11-25T10:30:00.123+01:00"): the incident JSON keeps the
// stored precision, so an import restores every timestamp exactly.
QString toIsoWithOffsetMs(const QDateTime &time);

} // namespace ic
