#pragma once

#include <QList>
#include <QString>

namespace ic::comms {

// Something a commander would regret posting. Shown beside the draft; copying anyway takes
// one explicit confirmation.
struct LintFinding
{
    QString rule; // stable id: missing-impact, missing-next-update, promised-eta, ...
    QString message;
};

// Checks a rendered (possibly edited) draft. templateId decides which rules apply: an
// update needs a next-update time, a resolution must say whether data was lost.
QList<LintFinding> lintDraft(const QString &templateId, const QString &text);

} // namespace ic::comms
