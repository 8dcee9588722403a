#pragma once

#include "Alert.h"

#include <QList>

namespace ic::alerts {

// What one successful poll of a source changed against its previous answer.
struct AlertChanges
{
    QList<Alert> fired;    // new fingerprints (none on a source's first answer)
    QList<Alert> resolved; // fingerprints the source no longer lists
    bool changed = false;  // anything differs: added, gone, state or annotations
};

// Compares a source's answer with its previous one by fingerprint. Linear in both lists; the
// monitor runs it on a pool thread, since a source may list tens of thousands of alerts.
AlertChanges diffAlerts(const QList<Alert> &before, const QList<Alert> &now, bool firstAnswer);

} // namespace ic::alerts
