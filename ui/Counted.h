#pragma once

#include <QString>

namespace ic::ui {

// "1 runbook", "20 runbooks": tr()'s %n plurals need a translation catalogue, which the
// console does not ship, and without one they print "runbook(s)". `many` holds %1.
inline QString counted(qint64 count, const QString &one, const QString &many)
{
    return count == 1 ? one : many.arg(count);
}

} // namespace ic::ui
