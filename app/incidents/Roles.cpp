#include "Roles.h"

namespace ic::incidents {
namespace {

struct RoleName
{
    Role role;
    const char *id;
    const char *label;
};

constexpr RoleName roleNames[] = {{Role::Commander, "commander", "Commander"},
                                  {Role::Deputy, "deputy", "Deputy"},
                                  {Role::Scribe, "scribe", "Scribe"},
                                  {Role::Communications, "communications", "Communications"},
                                  {Role::Expert, "expert", "Experts"}};

} // namespace

QString roleId(Role role)
{
    for (const RoleName &name : roleNames)
        if (name.role == role)
            return QString::fromLatin1(name.id);
    return {};
}

QString roleLabel(Role role)
{
    for (const RoleName &name : roleNames)
        if (name.role == role)
            return QString::fromLatin1(name.label);
    return {};
}

std::optional<Role> parseRole(const QString &text)
{
    const QString wanted = text.trimmed().toLower();
    for (const RoleName &name : roleNames)
        if (wanted == QLatin1String(name.id) ||
            (name.role == Role::Expert && wanted == QLatin1String("experts")))
            return name.role;
    return std::nullopt;
}

QStringList roleChoices()
{
    QStringList choices;
    for (const RoleName &name : roleNames)
        choices << QString::fromLatin1(name.id);
    return choices;
}

QStringList holders(const Incident &incident, Role role)
{
    const auto one = [](const QString &person) {
        return person.isEmpty() ? QStringList() : QStringList{person};
    };
    switch (role) {
    case Role::Commander:
        return one(incident.commander);
    case Role::Deputy:
        return one(incident.deputy);
    case Role::Scribe:
        return one(incident.scribe);
    case Role::Communications:
        return one(incident.communications);
    case Role::Expert:
        return incident.experts;
    }
    return {};
}

QString roleOf(const Incident &incident, const QString &person)
{
    for (const RoleName &name : roleNames)
        for (const QString &holder : holders(incident, name.role))
            if (holder.compare(person.trimmed(), Qt::CaseInsensitive) == 0)
                return QString::fromLatin1(name.id);
    return {};
}

QString rolesSummary(const Incident &incident)
{
    QStringList parts;
    for (const RoleName &name : roleNames) {
        const QStringList people = holders(incident, name.role);
        if (!people.isEmpty())
            parts << QString::fromLatin1(name.label) + QLatin1Char(' ') +
                         people.join(QStringLiteral(", "));
    }
    return parts.join(QStringLiteral(" · "));
}

} // namespace ic::incidents
