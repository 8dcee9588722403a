#include "MarkdownOutline.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <md4c.h>

namespace ic::runbooks {
namespace {

struct OutlineBuilder
{
    MarkdownOutline outline;
    QByteArray input;
    int firstLine = 1;

    int headingLevel = 0; // inside a heading when > 0
    bool inParagraph = false;
    bool inCode = false;
    int taskDepth = 0; // open task items; text goes to the innermost
    std::vector<std::pair<int, QString>> headingStack;
    std::vector<int> openTasks; // indexes into outline.tasks
    QSet<QString> usedAnchors;
    QHash<QString, int> nextSuffix; // per heading slug, the last number appended
    QByteArray headingText, paragraphText, codeText;
    bool paragraphDone = false;
    int imageDepth = 0; // inside an image (a badge): its alt text is no sentence
    // Between the markers markdown-toc and doctoc put around the table of contents they
    // generate: links to headings, not a description.
    bool inGeneratedContents = false;

    void noteGeneratedContents(const QByteArray &html)
    {
        static const QRegularExpression contents(
            QStringLiteral(R"(<!--.*\b(?:markdown-toc|doctoc|toc)\b)"),
            QRegularExpression::CaseInsensitiveOption);
        static const QRegularExpression edge(QStringLiteral(R"(\b(start|end)\b)"),
                                             QRegularExpression::CaseInsensitiveOption);
        const QString text = QString::fromUtf8(html);
        if (!contents.match(text).hasMatch())
            return;
        if (const QRegularExpressionMatch found = edge.match(text); found.hasMatch())
            inGeneratedContents =
                found.captured(1).compare(QLatin1String("start"), Qt::CaseInsensitive) == 0;
    }

    // Offsets only grow during a parse, so counting resumes where the last call stopped.
    int lineAt(MD_OFFSET offset)
    {
        const auto end = std::min<qsizetype>(qsizetype(offset), input.size());
        if (end > countedUpTo) {
            linesBefore +=
                int(std::count(input.constBegin() + countedUpTo, input.constBegin() + end, '\n'));
            countedUpTo = end;
        }
        return firstLine + linesBefore;
    }
    qsizetype countedUpTo = 0;
    int linesBefore = 0;

    void enterBlock(MD_BLOCKTYPE type, void *detail)
    {
        switch (type) {
        case MD_BLOCK_H:
            headingLevel = int(static_cast<MD_BLOCK_H_DETAIL *>(detail)->level);
            headingText.clear();
            break;
        case MD_BLOCK_P:
            inParagraph = true;
            break;
        case MD_BLOCK_CODE:
            inCode = true;
            codeText.clear();
            break;
        case MD_BLOCK_LI: {
            const auto *item = static_cast<MD_BLOCK_LI_DETAIL *>(detail);
            if (!item->is_task) {
                openTasks.push_back(-1);
                break;
            }
            RunbookTask task;
            task.done = item->task_mark != ' ';
            task.line = lineAt(item->task_mark_offset);
            for (const auto &heading : headingStack)
                task.headingPath << heading.second;
            outline.tasks.push_back(task);
            openTasks.push_back(int(outline.tasks.size()) - 1);
            break;
        }
        default:
            break;
        }
    }

    void leaveBlock(MD_BLOCKTYPE type)
    {
        switch (type) {
        case MD_BLOCK_H: {
            const QString text = QString::fromUtf8(headingText).simplified();
            if (headingLevel == 1 && outline.firstTopHeading.isEmpty())
                outline.firstTopHeading = text;
            const QString base = headingSlug(text);
            QString anchor = base;
            // Numbering resumes after the last suffix given to this base: counting from 1
            // each time made a file of repeated headings quadratic (1,300 "# a" lines took
            // 19 s under ASan). Every smaller suffix is taken, so the result is the same.
            int &next = nextSuffix[base];
            while (usedAnchors.contains(anchor))
                anchor = base % QLatin1Char('-') % QString::number(++next);
            usedAnchors.insert(anchor);
            outline.headings.push_back({headingLevel, text, anchor});
            while (!headingStack.empty() && headingStack.back().first >= headingLevel)
                headingStack.pop_back();
            headingStack.emplace_back(headingLevel, text);
            headingLevel = 0;
            appendPlain("\n");
            break;
        }
        case MD_BLOCK_P:
            inParagraph = false;
            // A paragraph of badges or inline HTML alone says nothing: the next one describes.
            if (!paragraphText.trimmed().isEmpty() && !paragraphDone) {
                outline.firstParagraph = QString::fromUtf8(paragraphText).simplified();
                paragraphDone = true;
            }
            paragraphText.clear();
            appendPlain("\n");
            break;
        case MD_BLOCK_CODE:
            inCode = false;
            // The final line break ends the block rather than belonging to it; pasted into
            // a terminal it would run the command before the reader meant to.
            if (codeText.endsWith('\n'))
                codeText.chop(1);
            outline.codeBlocks << QString::fromUtf8(codeText);
            appendPlain("\n");
            break;
        case MD_BLOCK_LI:
            appendPlain("\n");
            if (!openTasks.empty()) {
                if (openTasks.back() >= 0) {
                    auto &task = outline.tasks[std::size_t(openTasks.back())];
                    task.text = task.text.simplified();
                }
                openTasks.pop_back();
            }
            break;
        case MD_BLOCK_TD:
        case MD_BLOCK_TH:
            appendPlain(" ");
            break;
        case MD_BLOCK_TR:
            appendPlain("\n");
            break;
        default:
            break;
        }
    }

    void appendPlain(const char *text) { plainBytes.append(text); }

    void text(MD_TEXTTYPE type, const MD_CHAR *data, MD_SIZE size)
    {
        // Raw HTML (a comment such as <!-- markdown-toc start -->, <p align="center">) is
        // markup, not text: neither description nor searchable words.
        if (type == MD_TEXT_HTML) {
            noteGeneratedContents(QByteArray::fromRawData(data, qsizetype(size)));
            return;
        }
        const QByteArray bytes = type == MD_TEXT_NULLCHAR
                                     ? QByteArray("\xEF\xBF\xBD")
                                     : QByteArray::fromRawData(data, qsizetype(size));
        const bool lineBreak = type == MD_TEXT_BR || type == MD_TEXT_SOFTBR;
        if (inCode) {
            codeText.append(bytes);
            plainBytes.append(bytes);
            return;
        }
        const QByteArray piece = lineBreak ? QByteArray(" ") : bytes;
        plainBytes.append(piece);
        if (headingLevel > 0)
            headingText.append(piece);
        if (inParagraph && !paragraphDone && headingLevel == 0 && imageDepth == 0 &&
            !inGeneratedContents)
            paragraphText.append(piece);
        if (!openTasks.empty() && openTasks.back() >= 0 && headingLevel == 0)
            outline.tasks[std::size_t(openTasks.back())].text += QString::fromUtf8(piece);
    }

    QByteArray plainBytes;
};

int onEnterBlock(MD_BLOCKTYPE type, void *detail, void *user)
{
    static_cast<OutlineBuilder *>(user)->enterBlock(type, detail);
    return 0;
}

int onLeaveBlock(MD_BLOCKTYPE type, void *, void *user)
{
    static_cast<OutlineBuilder *>(user)->leaveBlock(type);
    return 0;
}

int onEnterSpan(MD_SPANTYPE type, void *, void *user)
{
    if (type == MD_SPAN_IMG)
        ++static_cast<OutlineBuilder *>(user)->imageDepth;
    return 0;
}

int onLeaveSpan(MD_SPANTYPE type, void *, void *user)
{
    if (type == MD_SPAN_IMG)
        --static_cast<OutlineBuilder *>(user)->imageDepth;
    return 0;
}

int onText(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size, void *user)
{
    static_cast<OutlineBuilder *>(user)->text(type, text, size);
    return 0;
}

} // namespace

unsigned markdownParserFlags()
{
    return MD_FLAG_TABLES | MD_FLAG_TASKLISTS | MD_FLAG_STRIKETHROUGH |
           MD_FLAG_PERMISSIVEAUTOLINKS | MD_FLAG_NOHTML;
}

MarkdownOutline readOutline(const QString &markdown, int firstLine)
{
    OutlineBuilder builder;
    builder.input = markdown.toUtf8();
    builder.firstLine = firstLine;
    MD_PARSER parser{};
    parser.abi_version = 0;
    // Unlike the reader, the outline sees raw HTML as HTML, so that HTML blocks and comments
    // are left out of the description and the search text instead of read as words.
    parser.flags = markdownParserFlags() & ~unsigned(MD_FLAG_NOHTML);
    parser.enter_block = onEnterBlock;
    parser.leave_block = onLeaveBlock;
    parser.enter_span = onEnterSpan;
    parser.leave_span = onLeaveSpan;
    parser.text = onText;
    md_parse(builder.input.constData(), MD_SIZE(builder.input.size()), &parser, &builder);
    builder.outline.plainText = QString::fromUtf8(builder.plainBytes);
    return std::move(builder.outline);
}

QString headingSlug(const QString &text)
{
    QString slug;
    slug.reserve(text.size());
    for (const QChar c : text.toLower()) {
        if (c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('-'))
            slug += c;
        else if (c.isSpace())
            slug += QLatin1Char('-');
    }
    return slug;
}

} // namespace ic::runbooks
