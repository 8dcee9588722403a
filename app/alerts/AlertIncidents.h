#pragma once

#include "Alert.h"
#include "AlertsConfig.h"
#include "incidents/IncidentService.h"

#include <QHash>

namespace ic::alerts {

// The severity level an alert's severity label gets in scheme: through alerts.yaml's
// severity_map, else by rank (critical → the scheme's first level, error → second, warning →
// third, info → fourth, anything else → the last). problem says why a mapped level was not
// used (not a level of the scheme in force).
struct SeverityChoice
{
    QString level;
    QString problem;
};
SeverityChoice severityFor(const QString &severityLabel, const AlertsConfig &config,
                           const incidents::SeverityScheme &scheme);

// An incident to declare for alerts (one alert, or a group by alertname; the worst first):
// title from the summary or the alert name, severity as above, services from the configured
// labels, impact from the description. problem as in SeverityChoice.
incidents::DeclareRequest declareRequestFor(const QList<Alert> &alerts, const AlertsConfig &config,
                                            const incidents::SeverityScheme &scheme,
                                            QString *problem = nullptr);

// An alert linked to an incident, as the incident's timeline tells it.
struct AlertLink
{
    QString incidentId;
    QString fingerprint;
    QString source;
    QString alertname;
    QJsonObject labels;
    QDateTime startsAt;
    QDateTime linkedAt;
    bool resolved = false; // its last event says it stopped firing
};

// Alert ↔ incident links live on the timeline (events alert-linked, -resolved, -refired,
// -silenced), so they are replicated, exported and imported like every other change.
class AlertLinks
{
public:
    explicit AlertLinks(incidents::IncidentService &service);

    // Reads every link from the timelines again.
    void refresh();
    const std::vector<AlertLink> &links() const { return m_links; }
    // The incident an alert was most recently linked to; empty when none.
    QString incidentOf(const QString &fingerprint) const;

    // Links alert to the incident: "Alert KubePodCrashLooping firing since 21:33 linked".
    Result<incidents::Change> link(const QString &incidentId, const Alert &alert);
    // A silence made for alert goes on the timelines of the incidents it is linked to.
    void recordSilence(const Alert &alert, const QString &silenceId, const QDateTime &endsAt,
                       const QString &comment);
    // The console expired a silence it had recorded: on the same timelines.
    void recordUnsilence(const QString &silenceId);
    // After source answered with current: each linked alert of that source that is gone is
    // resolved, and one resolved that is back fires again, on its incident's timeline.
    // Returns how many events were written.
    int reconcile(const QString &source, const QList<Alert> &current);

private:
    incidents::IncidentService &m_service;
    std::vector<AlertLink> m_links;
    // Silences recorded on timelines: id → the incidents and the alert's name.
    QHash<QString, QPair<QStringList, QString>> m_silences;
};

inline const QString alertsFeature = QStringLiteral("alerts");

} // namespace ic::alerts
