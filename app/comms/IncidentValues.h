#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QTimeZone>
#include <QVariantMap>

namespace ic::comms {

// Turns the incident JSON of DESIGN.md (what `incident show --json` prints) into the
// placeholder values of the message templates. Working from that JSON keeps the comms
// module independent of how incidents are stored.
//
// Read fields: id, title, severity, severity_name, status, status_sentence, services (array)
// or service, impact, commander, deputy, scribe, drill, milestones {started, detected,
// acknowledged, mitigated, resolved}, mtta_seconds, mttr_seconds, next_update_at,
// checklist [{phase, text, due_at, checked_at}], timeline [{at, kind, text, actor}].
// Missing fields become empty values, which the templates show as gaps.
QVariantMap incidentValues(const QJsonObject &incident, const QDateTime &now);

// The zone the incident was declared in (its time_zone), so a reader elsewhere reads the same
// times; this machine's zone for an incident that has none.
QTimeZone incidentZone(const QJsonObject &incident);

// "#incident-YYYY-MM-DD-HHMM" from the start time in the incident's zone (IANA id; UTC when
// unknown), so the name is the same for every reader wherever they are.
QString incidentChannelName(const QDateTime &started, const QString &timeZone);

} // namespace ic::comms
