#pragma once

#include <QByteArray>

namespace ic::runbooks {

// How deep the elements of md4c's HTML nest (a paragraph in a blockquote in a list item is 3).
// QTextDocument's HTML import takes time quadratic in this depth, so the reader measures it
// before building a document. Void elements (br, hr, img, input) do not nest.
int deepestNesting(const QByteArray &html);

} // namespace ic::runbooks
