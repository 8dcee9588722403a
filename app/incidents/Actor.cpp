#include "Actor.h"

#include <QCoreApplication>
#include <pwd.h>
#include <unistd.h>

namespace ic::incidents {

namespace {

// A session without $USER (a service, a bare X server) still runs as an account.
const passwd *account()
{
    return getpwuid(getuid());
}

} // namespace

QString accountName()
{
    for (const char *variable : {"USER", "LOGNAME"}) {
        const QString name = qEnvironmentVariable(variable).trimmed();
        if (!name.isEmpty())
            return name;
    }
    const passwd *entry = account();
    return entry && entry->pw_name ? QString::fromLocal8Bit(entry->pw_name).trimmed() : QString();
}

QString accountFullName()
{
    const passwd *entry = account();
    // The GECOS field: full name, then office and phone numbers after commas.
    const QString fullName =
        entry && entry->pw_gecos
            ? QString::fromLocal8Bit(entry->pw_gecos).section(QLatin1Char(','), 0, 0).trimmed()
            : QString();
    return fullName.isEmpty() ? accountName() : fullName;
}

QString resolveActor(const QString &givenName, const QString &configuredName)
{
    for (const QString &candidate : {givenName.trimmed(), configuredName.trimmed(), accountName()})
        if (!candidate.isEmpty())
            return candidate;
    return QCoreApplication::translate("ic::incidents", "unknown user");
}

} // namespace ic::incidents
