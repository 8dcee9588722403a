#pragma once

#include <QString>

namespace ic::runbooks {

// Past these the reader shows a runbook's Markdown as plain text. QTextDocument's HTML import
// takes time quadratic in how deep elements nest (10,000 nested blockquotes took 15 s), and
// the size of the HTML sets the document's memory and how long the reader lays it out.
inline constexpr int maxRenderedNesting = 32;
inline constexpr qsizetype maxRenderedHtmlLength = 2'000'000; // characters

// Why Markdown whose HTML nests depth deep and is htmlLength characters long cannot be shown
// as a document within the bounds above, in words for the reader's note; empty when it can.
QString renderBoundProblem(int depth, qsizetype htmlLength);

} // namespace ic::runbooks
