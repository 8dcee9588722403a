#include "ReaderDocument.h"

#include "runbooks/MarkdownRenderer.h"
#include "runbooks/RenderBounds.h"
#include "runbooks/RunbookFile.h"

#include <QTextDocument>
#include <QThread>

namespace ic::runbooks {

namespace {

// The reader lays a document out on the UI thread, and one line of 200,000 characters took
// seconds to shape and wrap. Plain text is shown with lines cut into pieces of this many
// characters, which a reader scrolls through like any long text.
constexpr qsizetype plainLinePiece = 1'000;

QString withShortLines(const QString &text)
{
    QString shown;
    shown.reserve(text.size() + text.size() / plainLinePiece);
    for (const QStringView line : QStringView(text).split(QLatin1Char('\n'))) {
        for (qsizetype at = 0; at < line.size(); at += plainLinePiece) {
            shown += line.mid(at, plainLinePiece);
            if (at + plainLinePiece < line.size())
                shown += QLatin1Char('\n');
        }
        shown += QLatin1Char('\n');
    }
    shown.chop(1);
    return shown;
}

} // namespace

Result<ReaderDocument> buildReaderDocument(const QString &path, const QFont &font, QThread *owner)
{
    const LoadedFile loaded = loadRunbookFile(path);
    if (!loaded.skipReason.isEmpty())
        return failure(QStringLiteral("%1: %2").arg(path, loaded.skipReason));
    const ParsedRunbook parsed = parseRunbook(loaded.text, path);
    RenderedRunbook rendered = renderMarkdown(parsed.body);

    ReaderDocument shown;
    shown.path = path;
    shown.title = parsed.meta.title;
    shown.plainReason = renderBoundProblem(rendered.nestingDepth, rendered.html.size());
    auto document = std::make_unique<QTextDocument>();
    document->setUndoRedoEnabled(false);
    document->setDefaultFont(font);
    if (shown.plainReason.isEmpty()) {
        shown.codeBlocks = std::move(rendered.codeBlocks);
        shown.headings = std::move(rendered.headings);
        document->setHtml(rendered.html);
    } else {
        document->setPlainText(withShortLines(parsed.body));
    }
    document->moveToThread(owner);
    shown.document = std::make_shared<std::unique_ptr<QTextDocument>>(std::move(document));
    return shown;
}

} // namespace ic::runbooks
