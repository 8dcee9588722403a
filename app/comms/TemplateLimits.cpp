#include "TemplateLimits.h"

#include "Placeholders.h"

#include <QList>

namespace ic::comms {

std::optional<TemplateLimitProblem> checkTemplateLimits(const QString &text)
{
    if (text.size() > maxTemplateChars)
        return TemplateLimitProblem{
            1, QStringLiteral("the template has %1 characters; at most %2 are allowed")
                   .arg(text.size())
                   .arg(maxTemplateChars)};
    struct OpenSection
    {
        QString name;
        bool isList = false;
    };
    QList<OpenSection> open;
    int line = 1;
    qsizetype lineCountedTo = 0;
    for (qsizetype start = text.indexOf(QLatin1String("{{")); start >= 0;
         start = text.indexOf(QLatin1String("{{"), start + 2)) {
        line += int(QStringView(text).mid(lineCountedTo, start - lineCountedTo).count(u'\n'));
        lineCountedTo = start;
        const qsizetype end = text.indexOf(QLatin1String("}}"), start + 2);
        if (end < 0)
            break;
        const QString tag = text.mid(start + 2, end - start - 2).trimmed();
        const QChar sigil = tag.isEmpty() ? QChar() : tag.front();
        const QString name = tag.mid(1).trimmed();
        if (sigil == u'=')
            return TemplateLimitProblem{
                line,
                QStringLiteral("{{%1}}: changing the tag delimiters is not supported").arg(tag)};
        if (sigil == u'>')
            return TemplateLimitProblem{
                line, QStringLiteral("{{%1}}: partials are not supported").arg(tag)};
        if (sigil == u'#' || sigil == u'^') {
            const bool isList = sigil == u'#' && isListPlaceholder(name);
            if (isList) {
                for (const OpenSection &outer : open) {
                    if (outer.isList)
                        return TemplateLimitProblem{
                            line, QStringLiteral("{{#%1}} inside {{#%2}}: a list cannot be "
                                                 "repeated inside another list")
                                      .arg(name, outer.name)};
                }
            }
            open.append({name, isList});
            if (open.size() > maxSectionDepth)
                return TemplateLimitProblem{
                    line, QStringLiteral("sections nested %1 deep; at most %2 are allowed")
                              .arg(open.size())
                              .arg(maxSectionDepth)};
        } else if (sigil == u'/' && !open.isEmpty() && open.last().name == name) {
            open.removeLast();
        }
        start = end;
    }
    return std::nullopt;
}

} // namespace ic::comms
