#pragma once

#include <QString>

namespace ic::comms {

// Templates are written in the chat dialect (*bold*, `code`, • bullets); drafts edited by
// hand may contain Markdown. These produce what each destination expects.

// Slack mrkdwn: **bold** and __bold__ become *bold*, # headings become *bold* lines,
// [text](url) becomes <url|text>, "- " bullets become "• ". Emoji stay real Unicode.
QString toSlackMrkdwn(const QString &draft);

// Markdown from the chat dialect: *bold* becomes **bold** (a single star is italics in
// Markdown) and "• " bullets "- ". What is Markdown already stays as it is.
QString chatToMarkdown(const QString &draft);

// Text as Slack shows it literally: & < > become &amp; &lt; &gt;, the three characters
// Slack's mrkdwn reserves for mentions (<!channel>, <@U…>) and links (<url|label>).
QString escapeSlackText(const QString &text);

// Plain text for the clipboard's text/plain alternative: no markup characters.
QString toPlainText(const QString &draft);

// Slack cuts a message's text after this many characters, so nothing past it is worth
// previewing.
inline constexpr qsizetype slackMessageLimit = 40'000;

// HTML showing Slack text as a reader sees it (*bold*, _italic_, `code`, line breaks), for
// the preview and the clipboard's rich alternative. The text is escaped first.
QString toPreviewHtml(const QString &mrkdwn);

} // namespace ic::comms
