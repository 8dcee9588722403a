#pragma once

#include "Incident.h"

#include <QStringList>
#include <optional>

namespace ic::incidents {

// Who does what on an incident. Command changes hands only through a handover (recorded
// with both names); the others are assigned. Experts may be several; each other role is
// held by one person or nobody.
enum class Role
{
    Commander,
    Deputy,
    Scribe,
    Communications,
    Expert
};

QString roleId(Role role); // "commander", "deputy", "scribe", "communications", "expert"
// As a heading names it: "Deputy", "Experts".
QString roleLabel(Role role);
std::optional<Role> parseRole(const QString &text);
QStringList roleChoices();
// Who holds role on incident (empty when nobody does).
QStringList holders(const Incident &incident, Role role);
// The first role person holds on incident, in the order above ("scribe"); empty for none.
QString roleOf(const Incident &incident, const QString &person);
// "Commander Ana Lima · Deputy Ben · Experts Dana, Lee": who holds which role, for a tooltip
// or the CLI; roles nobody holds are left out.
QString rolesSummary(const Incident &incident);

} // namespace ic::incidents
