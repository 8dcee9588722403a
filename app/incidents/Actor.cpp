#include "Actor.h"

#include <QCoreApplication>

namespace ic::incidents {

QString accountName()
{
    for (const char *variable : {"USER", "LOGNAME"}) {
        const QString name = qEnvironmentVariable(variable).trimmed();
        if (!name.isEmpty())
            return name;
    }
    return {};
}

QString resolveActor(const QString &givenName, const QString &configuredName)
{
    for (const QString &candidate : {givenName.trimmed(), configuredName.trimmed(), accountName()})
        if (!candidate.isEmpty())
            return candidate;
    return QCoreApplication::translate("ic::incidents", "unknown user");
}

} // namespace ic::incidents
