#pragma once

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace ic::alerts {

// What a source says about an alert: firing, or held back by a silence or an inhibition.
// Alerts that are resolved are not listed by their sources; one that disappears is resolved.
enum class AlertState
{
    Firing,
    Silenced,
    Inhibited
};

// "firing", "silenced", "inhibited".
QString alertStateId(AlertState state);

struct Alert
{
    QString fingerprint; // Alertmanager's, or computed the same way from the labels
    QString source;      // the alerts.yaml source it came from
    QMap<QString, QString> labels;
    QMap<QString, QString> annotations;
    AlertState state = AlertState::Firing;
    QDateTime startsAt;
    QStringList silencedBy; // silence ids
    QString generatorUrl;

    QString alertname() const { return labels.value(QStringLiteral("alertname")); }
    QString severity() const { return labels.value(QStringLiteral("severity")); }
    QString summary() const { return annotations.value(QStringLiteral("summary")); }
    QString description() const { return annotations.value(QStringLiteral("description")); }
    QString runbookUrl() const { return annotations.value(QStringLiteral("runbook_url")); }
    // The labels other than alertname as "namespace=prod, pod=api-1".
    QString labelText() const;
};

// Alertmanager's fingerprint of a label set (FNV-1a 64 over the sorted names and values,
// each followed by 0xff) as 16 hex digits, so an alert keeps its key whether Prometheus or
// Alertmanager reports it.
QString labelFingerprint(const QMap<QString, QString> &labels);

// How bad a severity label is: critical 0, error 1, warning 2, info 3; anything else 4.
int severityRank(const QString &severity);

} // namespace ic::alerts

Q_DECLARE_METATYPE(ic::alerts::Alert)
