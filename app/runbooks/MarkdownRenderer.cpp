#include "MarkdownRenderer.h"

#include "HtmlNesting.h"

#include <md4c-html.h>

namespace ic::runbooks {
namespace {

// QTextBrowser understands a subset of CSS 2: colours, margins, fonts, table borders and
// padding. Sizes stay relative so the reader follows the user's font size.
constexpr char styleSheet[] =
    "body { line-height: 140%; }"
    "h1 { font-size: x-large; margin-top: 8px; margin-bottom: 8px; }"
    "h2 { font-size: large; margin-top: 18px; margin-bottom: 6px; }"
    "h3 { font-size: medium; margin-top: 14px; margin-bottom: 4px; }"
    "p, li { margin-top: 4px; margin-bottom: 4px; }"
    "code { font-family: monospace; background-color: #eef0f3; }"
    // QTextDocument turns every line of a <pre> into a block of its own, so a vertical
    // margin or the body's line height would open gaps between the lines of one command.
    "pre { font-family: monospace; background-color: #eef0f3; margin-top: 0px;"
    " margin-bottom: 0px; line-height: 100%; white-space: pre; }"
    "p.copy { margin-top: 0px; margin-bottom: 10px; font-size: small; }"
    "table { border-collapse: collapse; margin-top: 6px; margin-bottom: 10px; }"
    "th { background-color: #e4e7eb; font-weight: bold; text-align: left; }"
    "th, td { border: 1px solid #b8bec6; padding: 4px 8px; }"
    "blockquote { margin-left: 12px; color: #4a5260; }"
    "del { color: #6b7380; text-decoration: line-through; }";

void collect(const MD_CHAR *text, MD_SIZE size, void *user)
{
    static_cast<QByteArray *>(user)->append(text, qsizetype(size));
}

// md4c writes tags in a fixed form ("<h2>", "</code></pre>\n"), and with raw HTML turned off
// nothing else in the output can look like them, so plain search finds every one in order.
QByteArray decorate(const QByteArray &html, const std::vector<OutlineHeading> &headings,
                    qsizetype codeBlockCount)
{
    QByteArray out;
    out.reserve(html.size() + html.size() / 8 + 256);
    std::size_t heading = 0;
    qsizetype codeBlock = 0;
    qsizetype position = 0;
    static const QByteArray codeEnd("</code></pre>\n");
    static const QByteArray checkbox("<input type=\"checkbox\"");
    while (position < html.size()) {
        const qsizetype tag = html.indexOf('<', position);
        if (tag < 0) {
            out.append(html.constData() + position, html.size() - position);
            break;
        }
        out.append(html.constData() + position, tag - position);
        position = tag;
        const char next = tag + 1 < html.size() ? html.at(tag + 1) : '\0';
        const char level = tag + 2 < html.size() ? html.at(tag + 2) : '\0';
        if (next == 'h' && level >= '1' && level <= '6' && tag + 3 < html.size() &&
            html.at(tag + 3) == '>' && heading < headings.size()) {
            out.append(html.constData() + tag, 4);
            const QByteArray anchor = headings[heading++].anchor.toUtf8();
            out.append("<a name=\"")
                .append(anchor)
                .append("\" id=\"")
                .append(anchor)
                .append("\"></a>");
            position = tag + 4;
        } else if (next == '/' && html.mid(tag, codeEnd.size()) == codeEnd &&
                   codeBlock < codeBlockCount) {
            // The block's last newline would show as an empty shaded line.
            if (out.endsWith('\n'))
                out.chop(1);
            out.append(codeEnd);
            out.append("<p class=\"copy\"><a href=\"copy:")
                .append(QByteArray::number(codeBlock++))
                .append("\">Copy</a></p>\n");
            position = tag + codeEnd.size();
        } else if (next == 'i' && html.mid(tag, checkbox.size()) == checkbox) {
            // QTextBrowser has no form controls: a task's box becomes a ballot box glyph.
            const qsizetype end = html.indexOf('>', tag);
            const bool checked = html.mid(tag, end - tag).contains("checked");
            out.append(checked ? "\u2611 " : "\u2610 ");
            position = end < 0 ? html.size() : end + 1;
        } else {
            out.append('<');
            position = tag + 1;
        }
    }
    return out;
}

} // namespace

RenderedRunbook renderMarkdown(const QString &markdown)
{
    RenderedRunbook rendered;
    MarkdownOutline outline = readOutline(markdown);
    rendered.codeBlocks = std::move(outline.codeBlocks);
    rendered.headings = std::move(outline.headings);
    const QByteArray input = markdown.toUtf8();
    QByteArray html;
    html.reserve(input.size() * 2);
    md_html(input.constData(), MD_SIZE(input.size()), collect, &html, markdownParserFlags(),
            MD_HTML_FLAG_SKIP_UTF8_BOM);
    rendered.nestingDepth = deepestNesting(html);
    QByteArray document("<html><head><meta charset=\"utf-8\"><style>");
    document.append(styleSheet).append("</style></head><body>");
    document.append(decorate(html, rendered.headings, rendered.codeBlocks.size()));
    document.append("</body></html>");
    rendered.html = QString::fromUtf8(document);
    return rendered;
}

} // namespace ic::runbooks
