#include "MessageTemplates.h"

#include "Placeholders.h"
#include "TemplateLimits.h"
#include "TemplateRenderer.h"
#include "core/PrivateFiles.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>

namespace ic::comms {
namespace {

int lineOf(const QString &text, qsizetype offset)
{
    return int(text.left(offset).count(QLatin1Char('\n'))) + 1;
}

QString titleFrom(const QString &text, const QString &id)
{
    static const QRegularExpression comment(QStringLiteral("^\\{\\{!\\s*([^:}]+)"));
    const auto match = comment.match(text);
    return match.hasMatch() ? match.captured(1).trimmed() : id;
}

} // namespace

QString TemplateProblem::toString() const
{
    return QStringLiteral("%1:%2: %3").arg(file).arg(line).arg(message);
}

QList<TemplateProblem> validateTemplate(const QString &text, const QString &file)
{
    // Checked first: past the limits, even scanning the tags below costs too much.
    if (const auto tooBig = checkTemplateLimits(text))
        return {{file, tooBig->line, tooBig->message}};
    QList<TemplateProblem> problems;
    // {{name}}, {{{name}}}, {{&name}}, {{#name}}, {{^name}}, {{/name}}; comments are skipped.
    static const QRegularExpression tag(
        QStringLiteral("\\{\\{(\\{?)\\s*([#^/&!]?)\\s*([^}]*?)\\s*\\}?\\}\\}"));
    QStringList openSections;
    auto it = tag.globalMatch(text);
    while (it.hasNext()) {
        const auto match = it.next();
        const QString sigil = match.captured(2);
        if (sigil == QLatin1String("!"))
            continue;
        const QString name = match.captured(3);
        const int line = lineOf(text, match.capturedStart());
        if (!isKnownPlaceholder(name)) {
            problems.append({file, line,
                             QStringLiteral("unknown placeholder {{%1}}; see the placeholder "
                                            "list in the README")
                                 .arg(name)});
            continue;
        }
        if (sigil == QLatin1String("#") || sigil == QLatin1String("^")) {
            openSections.append(name);
        } else if (sigil == QLatin1String("/")) {
            if (openSections.isEmpty() || openSections.last() != name) {
                problems.append(
                    {file, line,
                     QStringLiteral("{{/%1}} closes a section that is not open").arg(name)});
                continue;
            }
            openSections.removeLast();
        }
    }
    if (!openSections.isEmpty())
        problems.append(
            {file, lineOf(text, text.size()),
             QStringLiteral("section {{#%1}} is never closed").arg(openSections.last())});
    if (problems.isEmpty()) {
        QString error;
        if (!renderTemplate(text, {}, &error))
            problems.append({file, 1, error});
    }
    return problems;
}

bool restartsUpdateCountdown(const QString &templateId)
{
    return templateId == QLatin1String("initial") || templateId == QLatin1String("update");
}

MessageTemplates::MessageTemplates(const QString &userDir)
{
    load(QStringLiteral(":/templates"), true);
    if (!userDir.isEmpty())
        load(userDir, false);
}

void MessageTemplates::load(const QString &dirPath, bool bundled)
{
    const QDir dir(dirPath);
    const QStringList files =
        dir.entryList({QStringLiteral("*.mustache")}, QDir::Files | QDir::Readable, QDir::Name);
    for (const QString &fileName : files) {
        const QString path = dir.filePath(fileName);
        if (const QString why = bundled ? QString() : whyNotTrusted(path); !why.isEmpty()) {
            m_problems.append({path, 0, why});
            continue;
        }
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            m_problems.append({path, 0, file.errorString()});
            continue;
        }
        const QByteArray bytes = file.readAll();
        const QString text = QString::fromUtf8(bytes);
        if (text.toUtf8() != bytes) {
            m_problems.append({path, 1, QStringLiteral("the file is not valid UTF-8")});
            continue;
        }
        const QList<TemplateProblem> problems = validateTemplate(text, path);
        if (!problems.isEmpty()) {
            m_problems += problems;
            continue;
        }
        const QString id = fileName.chopped(int(qstrlen(".mustache")));
        // The leading {{! Title: … }} line describes the template; it is not part of the message.
        const QString body = text.startsWith(QLatin1String("{{!"))
                                 ? text.mid(text.indexOf(QLatin1Char('\n')) + 1)
                                 : text;
        MessageTemplate entry{id, titleFrom(text, id), body, bundled ? QString() : path};
        if (entry.source.isEmpty())
            entry.source = QStringLiteral("bundled ") + fileName;
        auto existing = std::find_if(m_templates.begin(), m_templates.end(),
                                     [&](const MessageTemplate &t) { return t.id == id; });
        if (existing != m_templates.end())
            *existing = entry;
        else
            m_templates.append(entry);
    }
}

const MessageTemplate *MessageTemplates::find(const QString &id) const
{
    for (const MessageTemplate &entry : m_templates) {
        if (entry.id == id)
            return &entry;
    }
    return nullptr;
}

QStringList MessageTemplates::ids() const
{
    QStringList result;
    for (const MessageTemplate &entry : m_templates)
        result << entry.id;
    return result;
}

} // namespace ic::comms
