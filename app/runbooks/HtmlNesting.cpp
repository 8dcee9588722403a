#include "HtmlNesting.h"

#include <algorithm>

namespace ic::runbooks {
namespace {

bool isVoidElement(const QByteArray &html, qsizetype nameStart)
{
    for (const char *name : {"br", "hr", "img", "input"}) {
        const qsizetype length = qsizetype(qstrlen(name));
        if (html.mid(nameStart, length) != name)
            continue;
        const char after = nameStart + length < html.size() ? html.at(nameStart + length) : '>';
        if (after == '>' || after == ' ' || after == '/')
            return true;
    }
    return false;
}

} // namespace

int deepestNesting(const QByteArray &html)
{
    int depth = 0;
    int deepest = 0;
    // md4c escapes every '<' of text and raw HTML is off, so each '<' opens a tag it wrote.
    for (qsizetype tag = html.indexOf('<'); tag >= 0; tag = html.indexOf('<', tag + 1)) {
        const char next = tag + 1 < html.size() ? html.at(tag + 1) : '\0';
        if (next == '/') {
            depth = std::max(0, depth - 1);
        } else if (next != '!' && !isVoidElement(html, tag + 1)) {
            const qsizetype end = html.indexOf('>', tag);
            if (end < 0 || html.at(end - 1) != '/')
                deepest = std::max(deepest, ++depth);
        }
    }
    return deepest;
}

} // namespace ic::runbooks
