#pragma once

#include "OnCall.h"

#include <QJsonArray>
#include <QJsonObject>

namespace ic::contacts {

// {"id", "name", "phone", "email", "chat", "tz", "notes"}: absent fields are null.
QJsonObject personToJson(const Person &person);
// The same for someone a calendar names who is not in the directory: only "name".
QJsonObject unknownPersonToJson(const QString &shownName);

// {"role", "person" (object or null), "until" (ISO 8601 with the reader's offset, or null),
// "source" (fixed, rota, calendar, override), "others" (further fixed holders)}
QJsonObject holdingToJson(const Directory &directory, const Holding &holding);
QJsonArray holdingsToJson(const Directory &directory, const QList<Holding> &holdings);

} // namespace ic::contacts
