#include "Directory.h"

namespace ic::contacts {

QString Problem::toString() const
{
    QString text =
        line > 0 ? QStringLiteral("%1:%2: ").arg(file).arg(line) : QStringLiteral("%1: ").arg(file);
    if (!field.isEmpty())
        text += field + QStringLiteral(": ");
    return text + message;
}

QString sourceName(Source source)
{
    switch (source) {
    case Source::Fixed:
        return QStringLiteral("fixed");
    case Source::Rota:
        return QStringLiteral("rota");
    case Source::Calendar:
        return QStringLiteral("calendar");
    case Source::Override:
        return QStringLiteral("override");
    }
    return {};
}

QTimeZone Person::timeZone() const
{
    return tz.isEmpty() ? QTimeZone::systemTimeZone() : QTimeZone(tz.toUtf8());
}

const Person *Directory::person(const QString &id) const
{
    for (const Person &candidate : people) {
        if (candidate.id == id)
            return &candidate;
    }
    return nullptr;
}

const RoleDefinition *Directory::role(const QString &name) const
{
    for (const RoleDefinition &candidate : roles) {
        if (candidate.name == name)
            return &candidate;
    }
    return nullptr;
}

QStringList Directory::roleNames() const
{
    QStringList names;
    for (const RoleDefinition &role : roles)
        names << role.name;
    return names;
}

QStringList Directory::rolesOf(const QString &personId) const
{
    QStringList result;
    for (const RoleDefinition &role : roles) {
        bool holds = role.holders.contains(personId);
        if (role.rota >= 0)
            holds = holds || rotas.at(role.rota).people.contains(personId);
        if (role.calendar >= 0) {
            for (const Shift &shift : calendars.at(role.calendar).shifts)
                holds = holds || shift.personId == personId;
        }
        for (const Override &override : overrides)
            holds = holds || (override.role == role.name && override.personId == personId);
        if (holds)
            result << role.name;
    }
    return result;
}

} // namespace ic::contacts
