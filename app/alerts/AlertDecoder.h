#pragma once

#include "Alert.h"
#include "core/Result.h"

#include <QByteArray>

namespace ic::alerts {

// How much of an answer is kept, whatever a source sends: a source with more alerts than
// anyone can read is shown with its first maxAlerts; labels and annotations beyond maxPairs
// are dropped and long values cut, so one alert never costs more than about 1 MB.
struct DecodeLimits
{
    static constexpr qsizetype maxAlerts = 20000;
    static constexpr int maxPairs = 64;
    static constexpr qsizetype maxKeyChars = 128;
    static constexpr qsizetype maxValueChars = 4096;
};

struct DecodedAlerts
{
    QList<Alert> alerts;
    int dropped = 0; // alerts past maxAlerts
    int skipped = 0; // entries that were no alert (not an object, labels not text…)
    int pending = 0; // Prometheus alerts not firing yet

    // What the user should know about the answer, e.g. "50000 alerts; the first 20000 are
    // shown"; empty when nothing was left out.
    QString note() const;
};

// GET /api/v2/alerts of Alertmanager: a JSON array of alerts with fingerprint, labels,
// annotations, startsAt and status {state, silencedBy, inhibitedBy}.
Result<DecodedAlerts> decodeAlertmanagerAlerts(const QByteArray &body, const QString &source);
// GET /api/v1/alerts of Prometheus: {status, data: {alerts: [{labels, annotations, state,
// activeAt}]}}; pending alerts are counted, not listed, and fingerprints computed.
Result<DecodedAlerts> decodePrometheusAlerts(const QByteArray &body, const QString &source);

} // namespace ic::alerts
