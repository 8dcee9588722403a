#pragma once

#include "RunbookTypes.h"

#include <QString>
#include <QStringList>
#include <vector>

namespace ic::runbooks {

struct OutlineHeading
{
    int level = 1;
    QString text;
    QString anchor; // GitHub-style slug, unique within the document
};

// What the index and the reader need from a runbook's Markdown, read in one md4c pass.
struct MarkdownOutline
{
    QString firstTopHeading; // text of the first "#" heading
    QString firstParagraph;  // text of the first paragraph, whitespace collapsed
    QString plainText;       // all text without markup, for full-text search
    std::vector<OutlineHeading> headings;
    std::vector<RunbookTask> tasks;
    QStringList codeBlocks; // each code block's exact text without its final line break
};

// The md4c dialect used everywhere: CommonMark plus GitHub tables, task lists,
// strikethrough and autolinks. Raw HTML is shown as text, so nothing in a runbook can pull
// a remote resource or break the reader's markup.
unsigned markdownParserFlags();

// firstLine: the file line the Markdown starts at (after front matter), for task lines.
MarkdownOutline readOutline(const QString &markdown, int firstLine = 1);

// "Check the Pool!" -> "check-the-pool", as GitHub and Hugo name heading anchors.
QString headingSlug(const QString &text);

} // namespace ic::runbooks
