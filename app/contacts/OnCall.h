#pragma once

#include "Directory.h"

namespace ic::contacts {

// Who holds a role at a moment, and until when.
struct Holding
{
    QString role;
    Source source = Source::Fixed;
    QString personId;   // empty: nobody, or someone a calendar names who is not in the directory
    QString shownName;  // that someone's name as the calendar gives it
    QStringList others; // further fixed holders, in the order to call them
    QDateTime until;    // when the role next changes hands; invalid when no change is known

    bool isHeld() const { return !personId.isEmpty() || !shownName.isEmpty(); }
};

Holding holdingAt(const Directory &directory, const RoleDefinition &role, const QDateTime &at);
// Who holds a role at a moment, by name: the person's name from the directory, or the name a
// calendar gives. Empty when nobody does or the directory has no such role.
QString holderName(const Directory &directory, const QString &role, const QDateTime &at);

// Every role of the directory, in the order the files define them.
QList<Holding> onCallAt(const Directory &directory, const QDateTime &at);

} // namespace ic::contacts
