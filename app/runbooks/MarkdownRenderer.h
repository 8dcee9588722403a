#pragma once

#include "MarkdownOutline.h"

#include <QString>
#include <QStringList>
#include <vector>

namespace ic::runbooks {

struct RenderedRunbook
{
    QString html;                         // a full document for QTextBrowser
    QStringList codeBlocks;               // codeBlocks[N] is what the "copy:N" link copies, exactly
    std::vector<OutlineHeading> headings; // each heading carries <a name="anchor">
    int nestingDepth = 0;                 // of the body's elements (HtmlNesting.h)
};

// The scheme of the Copy link under every code block: "copy:3" copies codeBlocks[3].
inline constexpr QLatin1String copyScheme{"copy"};

// Renders runbook Markdown (front matter already removed) with md4c: tables, task lists,
// strikethrough and autolinks, raw HTML shown as text. Headings get anchors, code blocks a
// background and a Copy link; the style sheet suits QTextBrowser's HTML subset.
RenderedRunbook renderMarkdown(const QString &markdown);

} // namespace ic::runbooks
