#pragma once

#include "Directory.h"

#include <QVariantList>

namespace ic::contacts {

// The {{#contacts}} list of message templates: the commander (a person whose name or id is
// commander) and whoever holds each of roles at at, each {role, name, handle, phone, email}
// (handle: the chat handle). Roles nobody holds are left out. Contacts reach a draft only
// through a template that names them.
QVariantList templateContacts(const Directory &directory, const QString &commander,
                              const QStringList &roles, const QDateTime &at);

} // namespace ic::contacts
