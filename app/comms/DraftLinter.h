#pragma once

#include <QList>
#include <QString>
#include <QVariantMap>

namespace ic::comms {

// Something a commander would regret posting. Shown beside the draft; copying anyway takes
// one explicit confirmation.
struct LintFinding
{
    QString
        rule; // stable id: missing-impact, missing-next-update, promised-eta, drill-unmarked, ...
    QString message;
};

// Checks a rendered (possibly edited) draft. templateId decides which rules apply: an
// update needs a next-update time, a resolution must say whether data was lost. values are
// what the draft was filled from: a Slack mention (<!channel>, <!here>, <@U…>, @channel)
// found in one of them and in the draft came from the incident's data, not the template,
// and is named with the field it came from. Only the part Slack shows (slackMessageLimit) is
// checked; a draft longer than that is a finding of its own.
QList<LintFinding> lintDraft(const QString &templateId, const QString &text,
                             const QVariantMap &values = {});

} // namespace ic::comms
