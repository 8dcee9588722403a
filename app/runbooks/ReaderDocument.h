#pragma once

#include "MarkdownOutline.h"
#include "core/Result.h"

#include <QFont>
#include <QStringList>
#include <memory>
#include <vector>

class QTextDocument;
class QThread;

namespace ic::runbooks {

// Past these the reader shows a runbook's Markdown as plain text. QTextDocument's HTML import
// takes time quadratic in how deep elements nest (10,000 nested blockquotes took 15 s), and
// the size of the HTML sets the document's memory and how long the reader lays it out.
inline constexpr int maxRenderedNesting = 32;
inline constexpr qsizetype maxRenderedHtmlLength = 2'000'000; // characters

// One runbook as the reader shows it.
struct ReaderDocument
{
    QString path;
    QString title;
    QStringList codeBlocks; // what the "copy:N" links copy
    std::vector<OutlineHeading> headings;
    // Why the runbook is shown as plain text instead of rendered; empty when rendered.
    QString plainReason;
    // Built on a worker and already handed to the reader's thread: the reader takes it
    // (release()); one nobody took, because the reader closed first, is deleted with the
    // last copy of this struct.
    std::shared_ptr<std::unique_ptr<QTextDocument>> document;
};

// Why Markdown whose HTML nests depth deep and is htmlLength characters long cannot be shown
// as a document within the bounds above, in words for the reader's note; empty when it can.
QString renderBoundProblem(int depth, qsizetype htmlLength);

// Reads, parses and renders the runbook at path and builds its document with font, then hands
// the document to thread owner. Slow for big files by design: call it off the UI thread.
// The error names the file and why it cannot be shown.
Result<ReaderDocument> buildReaderDocument(const QString &path, const QFont &font, QThread *owner);

} // namespace ic::runbooks
