#pragma once

#include <QString>

namespace ic::comms {

// Templates are written in the chat dialect (*bold*, `code`, • bullets); drafts edited by
// hand may contain Markdown. These produce what each destination expects.

// Slack mrkdwn: **bold** and __bold__ become *bold*, # headings become *bold* lines,
// [text](url) becomes <url|text>, "- " bullets become "• ". Emoji stay real Unicode.
QString toSlackMrkdwn(const QString &draft);

// Plain text for the clipboard's text/plain alternative: no markup characters.
QString toPlainText(const QString &draft);

} // namespace ic::comms
