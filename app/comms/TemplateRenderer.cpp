#include "TemplateRenderer.h"

#include "SlackText.h"
#include "TemplateLimits.h"

#include <kainjow/mustache.hpp>

namespace ic::comms {
namespace {

kainjow::mustache::data toData(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::Bool:
        return kainjow::mustache::data(value.toBool());
    case QMetaType::QVariantList: {
        kainjow::mustache::data list(kainjow::mustache::data::type::list);
        for (const QVariant &item : value.toList())
            list.push_back(toData(item));
        return list;
    }
    case QMetaType::QVariantMap: {
        kainjow::mustache::data object;
        const QVariantMap map = value.toMap();
        for (auto it = map.begin(); it != map.end(); ++it)
            object.set(it.key().toStdString(), toData(it.value()));
        return object;
    }
    default: {
        const QString text = value.toString();
        if (text.isEmpty())
            return kainjow::mustache::data(false);
        return kainjow::mustache::data(text.toStdString());
    }
    }
}

std::string escaped(const std::string &text, ValueEscaping escaping)
{
    if (escaping == ValueEscaping::None)
        return text;
    return escapeSlackText(QString::fromStdString(text)).toStdString();
}

} // namespace

std::optional<QString> renderTemplate(const QString &templateText, const QVariantMap &values,
                                      QString *error, ValueEscaping escaping)
{
    if (const auto problem = checkTemplateLimits(templateText)) {
        *error = QStringLiteral("line %1: %2").arg(problem->line).arg(problem->message);
        return std::nullopt;
    }
    kainjow::mustache::mustache compiled(templateText.toStdString());
    compiled.set_custom_escape(
        [escaping](const std::string &text) { return escaped(text, escaping); });
    if (!compiled.is_valid()) {
        *error = QString::fromStdString(compiled.error_message());
        return std::nullopt;
    }
    const std::string rendered = compiled.render(toData(values));
    if (!compiled.is_valid()) {
        *error = QString::fromStdString(compiled.error_message());
        return std::nullopt;
    }
    return QString::fromStdString(rendered);
}

std::optional<QString> renderSlackDraft(const QString &templateText, const QVariantMap &values,
                                        QString *error)
{
    return renderTemplate(toSlackMrkdwn(templateText), values, error, ValueEscaping::SlackMrkdwn);
}

std::optional<QString> renderMarkdownDraft(const QString &templateText, const QVariantMap &values,
                                           QString *error)
{
    return renderTemplate(chatToMarkdown(templateText), values, error);
}

} // namespace ic::comms
