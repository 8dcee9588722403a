#pragma once

#include "CommandLine.h"
#include "incidents/Incident.h"
#include "incidents/SeverityScheme.h"

#include <QVariantList>

namespace ic::cli {

// incident-console contacts [ROLE] [--json]: the people of the escalation directory, or
// those who can hold ROLE.
int runContacts(Context &context, const QStringList &args);

// incident-console oncall [--at TIME] [--json]: who holds each role at TIME (now by default)
// and when it next changes hands.
int runOncall(Context &context, const QStringList &args);

// Whether a message template names {{contacts}} (or opens it as a section).
bool templateAsksForContacts(const QString &templateText);

// The {{contacts}} of a draft for incident: its commander and whoever holds the roles its
// severity's ladder calls, now. Problems in the contacts files are printed as warnings.
QVariantList draftContacts(Context &context, const incidents::Incident &incident,
                           const incidents::SeverityScheme &severities);

// Who holds role now, by name, for the tick of an escalation item; empty when nobody does.
// Problems in the contacts files are printed as warnings.
QString roleHolderNow(Context &context, const QString &role);

} // namespace ic::cli
