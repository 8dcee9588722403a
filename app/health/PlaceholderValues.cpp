#include "PlaceholderValues.h"

#include "JsonPath.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace ic::health {
namespace {

PlaceholderValue missing(const QString &reason)
{
    return {false, {}, reason};
}

PlaceholderValue resolved(const QString &text)
{
    return {true, text, {}};
}

bool isBody(const QString &placeholder)
{
    return placeholder.startsWith(QLatin1String("[BODY]"));
}

// [BODY] and [BODY].path; the caller has checked that the observation has a body.
JsonLookup lookupBody(const QString &placeholder, const Observation &observation)
{
    return lookupJsonPath(observation.body, placeholder.mid(6));
}

} // namespace

PlaceholderValue placeholderValue(const QString &placeholder, const Observation &observation)
{
    if (auto it = observation.values.find(placeholder); it != observation.values.end())
        return resolved(*it);
    if (!isBody(placeholder))
        return missing(QStringLiteral("%1 has no value for this check").arg(placeholder));
    if (!observation.hasBody)
        return missing(QStringLiteral("this check has no response body"));
    // As Gatus: the whole body without the white space around it.
    if (placeholder.size() == 6)
        return resolved(QString::fromUtf8(observation.body.trimmed()));
    const JsonLookup lookup = lookupBody(placeholder, observation);
    return lookup.found ? resolved(lookup.text) : missing(lookup.error);
}

PlaceholderValue placeholderLength(const QString &placeholder, const Observation &observation)
{
    if (auto it = observation.values.find(placeholder); it != observation.values.end())
        return resolved(QString::number(it->toUtf8().size()));
    if (!isBody(placeholder))
        return missing(QStringLiteral("%1 has no value for this check").arg(placeholder));
    if (!observation.hasBody)
        return missing(QStringLiteral("this check has no response body"));
    if (placeholder.size() == 6) {
        const QByteArray trimmed = observation.body.trimmed();
        if (trimmed.startsWith('[') && trimmed.endsWith(']')) {
            const QJsonDocument document = QJsonDocument::fromJson(trimmed);
            if (document.isArray())
                return resolved(QString::number(document.array().size()));
        }
        return resolved(QString::number(observation.body.size()));
    }
    const JsonLookup lookup = lookupBody(placeholder, observation);
    if (!lookup.found)
        return missing(lookup.error);
    if (lookup.null)
        return missing(QStringLiteral("%1 is null; len() has nothing to count").arg(placeholder));
    return resolved(QString::number(lookup.length));
}

PlaceholderValue placeholderPresence(const QString &placeholder, const Observation &observation)
{
    const auto flag = [](bool value) {
        return resolved(value ? QStringLiteral("true") : QStringLiteral("false"));
    };
    if (auto it = observation.values.find(placeholder); it != observation.values.end())
        return flag(!it->isEmpty());
    if (!isBody(placeholder) || !observation.hasBody)
        return flag(false);
    if (placeholder.size() == 6)
        return flag(!observation.body.trimmed().isEmpty());
    const JsonLookup lookup = lookupBody(placeholder, observation);
    return flag(lookup.found && !lookup.null);
}

} // namespace ic::health
