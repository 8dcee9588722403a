#include "ContactsJson.h"

#include "core/Ids.h"

namespace ic::contacts {
namespace {

QJsonValue textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

} // namespace

QJsonObject personToJson(const Person &person)
{
    return {{QStringLiteral("id"), person.id},
            {QStringLiteral("name"), person.name},
            {QStringLiteral("phone"), textOrNull(person.phone)},
            {QStringLiteral("email"), textOrNull(person.email)},
            {QStringLiteral("chat"), textOrNull(person.chat)},
            {QStringLiteral("tz"), textOrNull(person.tz)},
            {QStringLiteral("notes"), textOrNull(person.notes)}};
}

QJsonObject unknownPersonToJson(const QString &shownName)
{
    Person stranger;
    stranger.name = shownName;
    QJsonObject object = personToJson(stranger);
    object.insert(QStringLiteral("id"), QJsonValue::Null);
    return object;
}

QJsonObject holdingToJson(const Directory &directory, const Holding &holding)
{
    QJsonValue person = QJsonValue::Null;
    if (const Person *known = directory.person(holding.personId))
        person = personToJson(*known);
    else if (!holding.shownName.isEmpty())
        person = unknownPersonToJson(holding.shownName);
    QJsonArray others;
    for (const QString &id : holding.others) {
        if (const Person *other = directory.person(id))
            others.append(personToJson(*other));
    }
    return {{QStringLiteral("role"), holding.role},
            {QStringLiteral("person"), person},
            {QStringLiteral("until"), holding.until.isValid()
                                          ? QJsonValue(toIsoWithOffset(holding.until))
                                          : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("source"), sourceName(holding.source)},
            {QStringLiteral("others"), others}};
}

QJsonArray holdingsToJson(const Directory &directory, const QList<Holding> &holdings)
{
    QJsonArray array;
    for (const Holding &holding : holdings)
        array.append(holdingToJson(directory, holding));
    return array;
}

} // namespace ic::contacts
