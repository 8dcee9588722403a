#include "DirectoryMerge.h"

#include "IcsSchedule.h"

#include <QRegularExpression>
#include <algorithm>

namespace ic::contacts {
namespace {

constexpr qint64 maxCalendarBytes = 8 * 1024 * 1024;
// A calendar is expanded this far either side of the time asked about: "until" needs the
// next change, and a shift that started long ago may still run.
constexpr qint64 calendarWindowDays = 400;

// The order of an escalation: on-call first, then leads and management, then the rest as the
// files name them.
int rank(const QString &role)
{
    static const QStringList known{
        QStringLiteral("primary-on-call"),   QStringLiteral("secondary-on-call"),
        QStringLiteral("team-lead"),         QStringLiteral("engineering-manager"),
        QStringLiteral("executive-on-call"), QStringLiteral("security"),
        QStringLiteral("infrastructure")};
    const qsizetype index = known.indexOf(role);
    return index < 0 ? int(known.size()) : int(index);
}

QString matchPerson(const QList<Person> &people, const IcsShift &shift)
{
    for (const Person &person : people) {
        if (!person.email.isEmpty() &&
            (person.email.compare(shift.email, Qt::CaseInsensitive) == 0 ||
             shift.summary.contains(person.email, Qt::CaseInsensitive)))
            return person.id;
    }
    for (const Person &person : people) {
        if (person.name.compare(shift.name, Qt::CaseInsensitive) == 0 ||
            person.name.compare(shift.summary, Qt::CaseInsensitive) == 0 ||
            person.id.compare(shift.summary, Qt::CaseInsensitive) == 0)
            return person.id;
    }
    // PagerDuty's summaries read "On Call - Ana Lima - Primary".
    for (const Person &person : people) {
        const QRegularExpression words(
            QStringLiteral("(^|\\W)%1($|\\W)").arg(QRegularExpression::escape(person.name)),
            QRegularExpression::CaseInsensitiveOption);
        if (words.match(shift.summary).hasMatch())
            return person.id;
    }
    return {};
}

} // namespace

DirectoryMerge::DirectoryMerge(QDateTime around) : m_around(std::move(around)) {}

void DirectoryMerge::addProblems(const QList<Problem> &problems)
{
    m_problems += problems;
}

void DirectoryMerge::add(const ContactsFile &file)
{
    m_files << file.path;
    m_problems += file.problems;
    for (const Person &person : file.people) {
        if (const auto found = m_personIndex.constFind(person.id); found != m_personIndex.cend())
            m_people[*found] = person;
        else {
            m_personIndex.insert(person.id, m_people.size());
            m_people.append(person);
        }
    }
    QStringList order;
    QHash<QString, RoleSpec> specs;
    const auto specFor = [&](const QString &role) -> RoleSpec & {
        if (!specs.contains(role)) {
            order << role;
            specs[role].file = file.path;
        }
        return specs[role];
    };
    for (const CalendarEntry &calendar : file.calendars) {
        RoleSpec &spec = specFor(calendar.role);
        if (spec.source == Source::Calendar) {
            m_problems.append({file.path, calendar.line, calendar.field,
                               QStringLiteral("role '%1' already has a calendar (line %2); "
                                              "this one is left out")
                                   .arg(calendar.role)
                                   .arg(spec.calendar.line)});
            continue;
        }
        spec.source = Source::Calendar;
        spec.calendar = calendar;
    }
    for (const RotaEntry &rota : file.rotas) {
        RoleSpec &spec = specFor(rota.rota.role);
        if (spec.source != Source::Fixed) {
            const int line = spec.source == Source::Rota ? spec.rota.line : spec.calendar.line;
            m_problems.append({file.path, rota.line, rota.field,
                               QStringLiteral("role '%1' already has a %2 (line %3); this rota "
                                              "is left out")
                                   .arg(rota.rota.role, sourceName(spec.source))
                                   .arg(line)});
            continue;
        }
        spec.source = Source::Rota;
        spec.rota = rota;
    }
    for (const FixedRole &fixed : file.fixedRoles)
        specFor(fixed.role).holders += fixed.holders;
    for (const Person &person : file.people) {
        for (const QString &role : person.roles)
            specFor(role).holders.append({person.id, person.line, QStringLiteral("roles")});
    }
    for (const QString &role : order) {
        if (!m_roles.contains(role))
            m_roleOrder << role;
        m_roles.insert(role, specs.value(role));
    }
    for (const OverrideEntry &entry : file.overrides)
        m_overrides.append({file.path, entry});
}

QStringList DirectoryMerge::resolve(const QList<PersonRef> &refs, const QString &file,
                                    const QString &role, Directory *directory) const
{
    QStringList ids;
    for (const PersonRef &ref : refs) {
        if (!m_personIndex.contains(ref.id))
            directory->problems.append({file, ref.line, ref.field,
                                        QStringLiteral("no person has the id '%1'; left out of "
                                                       "role '%2'")
                                            .arg(ref.id, role)});
        else if (!ids.contains(ref.id))
            ids << ref.id;
    }
    return ids;
}

Calendar DirectoryMerge::readCalendar(const CalendarEntry &entry, Directory *directory,
                                      const CalendarReader &read) const
{
    Calendar calendar{entry.role, entry.path, {}};
    const auto bytes = read(entry.path, maxCalendarBytes, &directory->problems);
    if (!bytes)
        return calendar;
    const IcsSchedule schedule = readIcsSchedule(*bytes, entry.path, entry.floatingZone,
                                                 m_around.addDays(-calendarWindowDays),
                                                 m_around.addDays(calendarWindowDays));
    directory->problems += schedule.problems;
    QStringList unknown;
    for (const IcsShift &shift : schedule.shifts) {
        Shift resolved{shift.start, shift.end, matchPerson(m_people, shift), {}};
        if (resolved.personId.isEmpty()) {
            resolved.shownName = shift.name.isEmpty() ? shift.summary : shift.name;
            if (!unknown.contains(resolved.shownName)) {
                unknown << resolved.shownName;
                directory->problems.append(
                    {entry.path, shift.line, QStringLiteral("ATTENDEE"),
                     QStringLiteral("'%1' is nobody in the contacts files (matched by e-mail, "
                                    "then name); shown without a phone or chat handle")
                         .arg(resolved.shownName.left(80))});
            }
        }
        calendar.shifts.append(resolved);
    }
    return calendar;
}

void DirectoryMerge::resolveRole(const QString &name, const RoleSpec &spec, Directory *directory,
                                 const CalendarReader &readCalendar)
{
    RoleDefinition role;
    role.name = name;
    role.source = spec.source;
    switch (spec.source) {
    case Source::Calendar:
        role.calendar = int(directory->calendars.size());
        directory->calendars.append(this->readCalendar(spec.calendar, directory, readCalendar));
        break;
    case Source::Rota: {
        Rota rota = spec.rota.rota;
        rota.people = resolve(spec.rota.people, spec.file, name, directory);
        if (rota.people.isEmpty())
            directory->problems.append({spec.file, spec.rota.line, spec.rota.field,
                                        QStringLiteral("names nobody the contacts files know; "
                                                       "nobody holds '%1' by it")
                                            .arg(name)});
        role.rota = int(directory->rotas.size());
        directory->rotas.append(rota);
        break;
    }
    case Source::Fixed:
    case Source::Override:
        role.holders = resolve(spec.holders, spec.file, name, directory);
        break;
    }
    directory->roles.append(role);
}

Directory DirectoryMerge::finish(const CalendarReader &readCalendar)
{
    Directory directory;
    directory.files = m_files;
    directory.problems = m_problems;
    directory.people = m_people;
    for (const auto &[file, entry] : m_overrides) {
        if (!m_personIndex.contains(entry.person.id)) {
            directory.problems.append({file, entry.person.line, entry.person.field,
                                       QStringLiteral("no person has the id '%1'; the override "
                                                      "is left out")
                                           .arg(entry.person.id)});
            continue;
        }
        directory.overrides.append(entry.override);
        if (!m_roles.contains(entry.override.role)) {
            m_roleOrder << entry.override.role;
            m_roles.insert(entry.override.role, RoleSpec{Source::Fixed, {}, {}, {}, file});
        }
    }
    QStringList order = m_roleOrder;
    std::stable_sort(order.begin(), order.end(),
                     [](const QString &a, const QString &b) { return rank(a) < rank(b); });
    for (const QString &name : order)
        resolveRole(name, m_roles.value(name), &directory, readCalendar);
    return directory;
}

} // namespace ic::contacts
