#pragma once

#include "core/Result.h"
#include "runbooks/MarkdownOutline.h"

#include <QFont>
#include <QStringList>
#include <memory>
#include <vector>

class QTextDocument;
class QThread;

namespace ic::runbooks {

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

// Reads, parses and renders the runbook at path (as plain text past the bounds of
// runbooks/RenderBounds.h) and builds its document with font, then hands
// the document to thread owner. Slow for big files by design: call it off the UI thread.
// The error names the file and why it cannot be shown.
Result<ReaderDocument> buildReaderDocument(const QString &path, const QFont &font, QThread *owner);

} // namespace ic::runbooks
