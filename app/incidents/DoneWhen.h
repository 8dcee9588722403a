#pragma once

#include "Incident.h"

#include <QString>
#include <optional>

namespace ic::incidents {

// What fulfils a checklist item ('done_when' in a template), so the item ticks itself when it
// happens. Each is an action the service performs, named the same way on both sides:
//   sent:TEMPLATE      a message drafted from that template was copied or posted
//                      (initial-alert-sent, update-sent, resolution-sent, summary-sent and
//                      channel-named are the bundled templates' short names)
//   status:STATUS      the incident reached that status
//   milestone:NAME     that milestone was recorded (by a status, a tick or by hand)
//   postmortem-saved   the postmortem was saved
namespace done_when {

// The action a template's text names, or nothing with *error saying what is accepted.
std::optional<QString> parse(const QString &text, QString *error);

QString sent(const QString &templateId);
QString status(Status status);
QString milestone(Milestone milestone);
QString postmortemSaved();

} // namespace done_when
} // namespace ic::incidents
