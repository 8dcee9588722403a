#include "TemplateContacts.h"

#include "OnCall.h"

namespace ic::contacts {
namespace {

QVariantMap entry(const QString &role, const QString &name, const Person *person)
{
    return {{QStringLiteral("role"), role},
            {QStringLiteral("name"), name},
            {QStringLiteral("handle"), person ? person->chat : QString()},
            {QStringLiteral("phone"), person ? person->phone : QString()},
            {QStringLiteral("email"), person ? person->email : QString()}};
}

} // namespace

QVariantList templateContacts(const Directory &directory, const QString &commander,
                              const QStringList &roles, const QDateTime &at)
{
    QVariantList list;
    for (const Person &person : directory.people) {
        if (!commander.isEmpty() &&
            (person.name.compare(commander, Qt::CaseInsensitive) == 0 || person.id == commander)) {
            list.append(entry(QStringLiteral("commander"), person.name, &person));
            break;
        }
    }
    QStringList seen;
    for (const QString &name : roles) {
        const RoleDefinition *role = directory.role(name);
        if (!role || seen.contains(name))
            continue;
        seen << name;
        const Holding holding = holdingAt(directory, *role, at);
        if (const Person *person = directory.person(holding.personId))
            list.append(entry(name, person->name, person));
        else if (!holding.shownName.isEmpty())
            list.append(entry(name, holding.shownName, nullptr));
    }
    return list;
}

} // namespace ic::contacts
