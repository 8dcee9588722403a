#include "AlertDiff.h"

#include <QHash>
#include <QSet>

namespace ic::alerts {

AlertChanges diffAlerts(const QList<Alert> &before, const QList<Alert> &now, bool firstAnswer)
{
    AlertChanges changes;
    QHash<QString, const Alert *> previous;
    previous.reserve(before.size());
    for (const Alert &alert : before)
        previous.insert(alert.fingerprint, &alert);
    QSet<QString> current;
    current.reserve(now.size());
    changes.changed = now.size() != before.size();
    for (const Alert &alert : now) {
        current.insert(alert.fingerprint);
        const Alert *old = previous.value(alert.fingerprint);
        if (!old) {
            changes.changed = true;
            if (!firstAnswer)
                changes.fired.append(alert);
        } else if (old->state != alert.state || old->annotations != alert.annotations) {
            changes.changed = true;
        }
    }
    for (const Alert &alert : before) {
        if (!current.contains(alert.fingerprint))
            changes.resolved.append(alert);
    }
    return changes;
}

} // namespace ic::alerts
