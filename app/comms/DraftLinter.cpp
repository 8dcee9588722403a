#include "DraftLinter.h"

#include "SlackText.h"
#include "core/CountText.h"

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

// Everything Slack turns into a notification: special mentions, user and group mentions,
// and the bare words its clients and link_names expand.
const QRegularExpression &mentionPattern()
{
    static const QRegularExpression mention(
        QStringLiteral("<!(?:channel|here|everyone|subteam\\^[A-Za-z0-9]+)(?:\\|[^>]*)?>|"
                       "<@[UW][A-Za-z0-9]+(?:\\|[^>]*)?>|(?<![\\w@])@(?:channel|here|everyone)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    return mention;
}

// "<!channel> in title", "@here in timeline[3].text": each mention inside a value that the
// draft contains, as written or escaped for Slack.
void collectMentions(const QVariant &value, const QString &where, const QString &draft,
                     QStringList *found)
{
    if (value.typeId() == QMetaType::QVariantMap) {
        const QVariantMap map = value.toMap();
        for (auto it = map.begin(); it != map.end(); ++it)
            collectMentions(it.value(), where.isEmpty() ? it.key() : where + u'.' + it.key(), draft,
                            found);
    } else if (value.typeId() == QMetaType::QVariantList) {
        const QVariantList list = value.toList();
        for (qsizetype i = 0; i < list.size(); ++i)
            collectMentions(list.at(i), QStringLiteral("%1[%2]").arg(where).arg(i + 1), draft,
                            found);
    } else if (value.typeId() == QMetaType::QString) {
        for (auto it = mentionPattern().globalMatch(value.toString()); it.hasNext();) {
            const QString mention = it.next().captured(0);
            if (draft.contains(mention) || draft.contains(escapeSlackText(mention)))
                found->append(QStringLiteral("%1 in %2").arg(mention, where));
        }
    }
}

} // namespace

QList<LintFinding> lintDraft(const QString &templateId, const QString &fullText,
                             const QVariantMap &values)
{
    QList<LintFinding> findings;
    // Slack shows no more than this of a message, so the rest is neither read nor worth the
    // time the rules below take on every keystroke (a pasted log of megabytes).
    const QString text = fullText.left(slackMessageLimit);
    if (templateId != QLatin1String("postmortem") && fullText.size() > slackMessageLimit)
        findings.append({QStringLiteral("too-long"),
                         QObject::tr("The draft is %1 characters; Slack shows only the first "
                                     "%2. Shorten it or attach the rest as a file.")
                             .arg(countText(fullText.size()), countText(slackMessageLimit))});
    QStringList mentions;
    collectMentions(values, {}, text, &mentions);
    if (!mentions.isEmpty())
        findings.append(
            {QStringLiteral("mention-from-data"),
             QObject::tr("A mention comes from the incident, not the template: %1. Slack gets "
                         "it as plain text; remove it from the incident if it is not meant.")
                 .arg(mentions.join(QStringLiteral(", ")))});
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
    // The impact is there when the text labels it ("Impact: ...") or, as the executive summary
    // and the status page do, states the incident's impact in a sentence of its own.
    const QString impact = values.value(QStringLiteral("impact")).toString().trimmed();
    const bool statesImpact = !impact.isEmpty() && text.contains(impact, Qt::CaseInsensitive);
    const bool labelsImpact = matches(text, QStringLiteral("impact")) &&
                              !matches(text, QStringLiteral("impact:?\\*?:?\\s*(<|$)"));
    if (needsImpact && !statesImpact && !labelsImpact) {
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
    // A practice incident's message must say so wherever it is read, whichever template wrote
    // it (the bundled ones do; a team's own may not).
    if (values.value(QStringLiteral("drill")).toBool() &&
        templateId != QLatin1String("channel-name") &&
        !matches(text, QStringLiteral("\\bdrill\\b")))
        findings.append({QStringLiteral("drill-unmarked"),
                         QObject::tr("This incident is a drill: say so in the message, so that "
                                     "nobody takes it for a real one.")});
    return findings;
}

} // namespace ic::comms
