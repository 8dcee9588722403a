#pragma once

#include <QString>
#include <QVariantMap>
#include <optional>

namespace ic::comms {

// How a value from the incident is written into the text around it.
enum class ValueEscaping
{
    None,       // as it is: plain text and Markdown drafts
    SlackMrkdwn // & < > as Slack's &amp; &lt; &gt;, so a value cannot mention or link
};

// Renders a Mustache template ({{name}}, {{#section}}…{{/section}}, {{^inverted}}…) with
// kainjow::mustache. Values: QString (an empty one counts as absent, so {{^x}} fallbacks
// show), bool, and QVariantList of QVariantMap for lists. A template over the limits of
// TemplateLimits.h is refused with the line that breaks them, never rendered.
std::optional<QString> renderTemplate(const QString &templateText, const QVariantMap &values,
                                      QString *error, ValueEscaping escaping = ValueEscaping::None);

// The message as Slack should receive it: the template's own Markdown becomes mrkdwn first
// (see toSlackMrkdwn()), then the values are filled in escaped. So only the template's
// markup is markup: a template may write <!here> or a link itself, an incident title or a
// note cannot, and Markdown inside a value stays text.
std::optional<QString> renderSlackDraft(const QString &templateText, const QVariantMap &values,
                                        QString *error);

// The message as Markdown (a wiki page, a ticket): the template's chat markup becomes Markdown
// first (chatToMarkdown()), then the values are filled in as they are.
std::optional<QString> renderMarkdownDraft(const QString &templateText, const QVariantMap &values,
                                           QString *error);

} // namespace ic::comms
