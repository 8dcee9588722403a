// Runbooks come from any folder or git checkout the user points at: the front matter (YAML
// or Hugo's TOML), the outline the index reads (headings, tasks, code blocks) and the HTML
// the reader shows must survive any text, and a front matter mistake must come back as a
// message naming its line.
#include "runbooks/MarkdownRenderer.h"
#include "runbooks/RenderBounds.h"
#include "runbooks/RunbookFile.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const ic::runbooks::ParsedRunbook parsed =
        ic::runbooks::parseRunbook(text, QStringLiteral("runbooks/db/fuzz-runbook.md"));
    if (!parsed.frontMatterError.isEmpty() &&
        !parsed.frontMatterError.startsWith(QLatin1String("front matter line ")))
        std::abort(); // every front matter problem names its line
    if (parsed.meta.title.isEmpty())
        std::abort(); // the file name is the last fallback and is never empty
    for (const auto &task : parsed.outline.tasks) {
        if (task.line < parsed.bodyLine)
            std::abort(); // a task's line points into the body
    }
    const ic::runbooks::RenderedRunbook rendered = ic::runbooks::renderMarkdown(parsed.body);
    if (rendered.codeBlocks != parsed.outline.codeBlocks ||
        rendered.headings.size() != parsed.outline.headings.size())
        std::abort(); // the reader's Copy links and anchors match what the index saw
    // The reader decides from the depth whether to build a document at all (RenderBounds.h);
    // a wrong depth would let a hostile runbook stall the window.
    if (rendered.nestingDepth < 0 || rendered.nestingDepth > rendered.html.size())
        std::abort();
    if (rendered.nestingDepth > ic::runbooks::maxRenderedNesting &&
        ic::runbooks::renderBoundProblem(rendered.nestingDepth, rendered.html.size()).isEmpty())
        std::abort();
    return 0;
}
