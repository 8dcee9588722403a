#pragma once

#include <QString>

namespace ic::incidents {

// Who a change is recorded as, by one rule for the window, the command line and imports:
// a name given for this very action (--by, a name typed in a dialog) wins; then the user's
// name from Settings ("Your name"); then the account's login name; then "unknown user".
// Names are trimmed; an explicitly given name that is empty is refused by the caller, never
// recorded.
QString resolveActor(const QString &givenName, const QString &configuredName);

// The login name of the account running the console ($USER, then $LOGNAME, then the
// account database), or empty.
QString accountName();

// The account's full name from the account database ("Ana Lima" of "Ana Lima,Room 4,,"),
// else its login name: what the first run offers as the user's name.
QString accountFullName();

} // namespace ic::incidents
