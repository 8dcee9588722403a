#include "DraftLinter.h"

#include <QRegularExpression>

namespace ic::comms {
namespace {

bool matches(const QString &text, const QString &pattern)
{
    return QRegularExpression(pattern, QRegularExpression::CaseInsensitiveOption |
                                           QRegularExpression::MultilineOption)
        .match(text)
        .hasMatch();
}

bool isAnnouncement(const QString &id)
{
    return id == QLatin1String("initial") || id == QLatin1String("update") ||
           id == QLatin1String("executive-summary") || id == QLatin1String("status-page");
}

} // namespace

QList<LintFinding> lintDraft(const QString &templateId, const QString &text)
{
    QList<LintFinding> findings;
    // Fallback markers such as <who is affected and how> mean nobody filled the field.
    static const QRegularExpression unfilled(QStringLiteral(
        "<(?!https?://|mailto:)[a-z][^<>|\\n]{2,80}>|\\{\\{[^}]*\\}\\}|\\[SEV-X\\]|\\bTBD\\b"));
    QStringList gaps;
    for (auto it = unfilled.globalMatch(text); it.hasNext();)
        gaps << it.next().captured(0);
    if (!gaps.isEmpty())
        findings.append({QStringLiteral("unfilled-placeholder"),
                         QObject::tr("Unfilled: %1").arg(gaps.join(QStringLiteral(", ")))});

    const bool needsImpact =
        isAnnouncement(templateId) || templateId == QLatin1String("resolution");
    if (needsImpact && (!matches(text, QStringLiteral("impact")) ||
                        matches(text, QStringLiteral("impact:?\\*?:?\\s*(<|$)")))) {
        findings.append({QStringLiteral("missing-impact"),
                         QObject::tr("Say who is affected and how: the impact is missing.")});
    }
    const bool needsNextUpdate =
        templateId == QLatin1String("initial") || templateId == QLatin1String("update");
    if (needsNextUpdate && !matches(text, QStringLiteral("next update[^\\n]*\\b\\d{1,2}:\\d{2}"))) {
        findings.append({QStringLiteral("missing-next-update"),
                         QObject::tr("Give the time of the next update (e.g. \"Next update by "
                                     "14:30\").")});
    }
    if (templateId != QLatin1String("resolution") && templateId != QLatin1String("postmortem") &&
        matches(text, QStringLiteral("\\bETA\\b|\\b(will|should) be (fixed|resolved|back|"
                                     "restored)\\b|\\bfixed (by|within|in) \\d|\\bback "
                                     "(up|online) (by|within|in)\\b"))) {
        findings.append({QStringLiteral("promised-eta"),
                         QObject::tr("The draft promises a time to resolution; promise the next "
                                     "update instead, unless the fix is certain.")});
    }
    if (templateId == QLatin1String("resolution") &&
        !matches(text, QStringLiteral("\\bdata\\b[^\\n]*\\b(lost|loss|intact|safe|no)\\b|"
                                      "\\bno data\\b"))) {
        findings.append({QStringLiteral("data-loss-unstated"),
                         QObject::tr("Say whether any data was lost, even if none was.")});
    }
    return findings;
}

} // namespace ic::comms
