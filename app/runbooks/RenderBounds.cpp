#include "RenderBounds.h"

#include "core/CountText.h"

namespace ic::runbooks {

QString renderBoundProblem(int depth, qsizetype htmlLength)
{
    if (depth > maxRenderedNesting)
        return QStringLiteral("its Markdown nests %1 levels deep (blockquotes, lists, emphasis); "
                              "the reader renders up to %2 levels")
            .arg(countText(depth), countText(maxRenderedNesting));
    if (htmlLength > maxRenderedHtmlLength)
        return QStringLiteral("rendered it would be %1 characters of HTML; the reader renders up "
                              "to %2")
            .arg(countText(htmlLength), countText(maxRenderedHtmlLength));
    return {};
}

} // namespace ic::runbooks
