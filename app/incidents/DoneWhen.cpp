#include "DoneWhen.h"

#include <QMap>
#include <QRegularExpression>

namespace ic::incidents::done_when {
namespace {

// The bundled message templates by what sending them means.
const QMap<QString, QString> &shortNames()
{
    static const QMap<QString, QString> names{
        {QStringLiteral("initial-alert-sent"), QStringLiteral("initial")},
        {QStringLiteral("update-sent"), QStringLiteral("update")},
        {QStringLiteral("resolution-sent"), QStringLiteral("resolution")},
        {QStringLiteral("summary-sent"), QStringLiteral("executive-summary")},
        {QStringLiteral("channel-named"), QStringLiteral("channel-name")}};
    return names;
}

} // namespace

QString sent(const QString &templateId)
{
    return QStringLiteral("sent:") + templateId;
}

QString status(Status value)
{
    return QStringLiteral("status:") + statusId(value);
}

QString milestone(Milestone value)
{
    return QStringLiteral("milestone:") + milestoneId(value);
}

QString postmortemSaved()
{
    return QStringLiteral("postmortem-saved");
}

std::optional<QString> parse(const QString &text, QString *error)
{
    const QString trimmed = text.trimmed();
    if (shortNames().contains(trimmed))
        return sent(shortNames().value(trimmed));
    if (trimmed == postmortemSaved())
        return trimmed;
    const qsizetype colon = trimmed.indexOf(QLatin1Char(':'));
    const QString kind = trimmed.left(colon).trimmed();
    const QString value = trimmed.mid(colon + 1).trimmed().toLower();
    static const QRegularExpression templateId(QStringLiteral("^[a-z0-9][a-z0-9_-]{0,63}$"));
    if (colon > 0 && kind == QLatin1String("sent") && templateId.match(value).hasMatch())
        return sent(value);
    if (colon > 0 && kind == QLatin1String("status")) {
        if (const auto parsed = parseStatus(value))
            return status(*parsed);
    }
    if (colon > 0 && kind == QLatin1String("milestone")) {
        if (const auto parsed = parseMilestone(value))
            return milestone(*parsed);
    }
    *error =
        QStringLiteral("'%1' is not one of %2, postmortem-saved, 'sent: TEMPLATE', "
                       "'status: %3' or 'milestone: %4'")
            .arg(trimmed.left(80), shortNames().keys().join(QStringLiteral(", ")),
                 statusChoices().join(QLatin1Char('|')), milestoneChoices().join(QLatin1Char('|')));
    return std::nullopt;
}

} // namespace ic::incidents::done_when
