#pragma once

#include "ContactsFile.h"

#include <QHash>
#include <functional>
#include <optional>

namespace ic::contacts {

// Builds one Directory from contacts files given in order (see loadDirectory()).
class DirectoryMerge
{
public:
    explicit DirectoryMerge(QDateTime around);

    void add(const ContactsFile &file);
    void addProblems(const QList<Problem> &problems);

    // Reads a calendar file, or returns nothing after adding a problem.
    using CalendarReader = std::function<std::optional<QByteArray>(
        const QString &path, qint64 maxBytes, QList<Problem> *problems)>;
    Directory finish(const CalendarReader &readCalendar);

private:
    // How one file fills a role.
    struct RoleSpec
    {
        Source source = Source::Fixed;
        QList<PersonRef> holders;
        RotaEntry rota;
        CalendarEntry calendar;
        QString file;
    };

    void resolveRole(const QString &name, const RoleSpec &spec, Directory *directory,
                     const CalendarReader &readCalendar);
    QStringList resolve(const QList<PersonRef> &refs, const QString &file, const QString &role,
                        Directory *directory) const;
    Calendar readCalendar(const CalendarEntry &entry, Directory *directory,
                          const CalendarReader &read) const;

    QDateTime m_around;
    QList<Person> m_people;
    QHash<QString, qsizetype> m_personIndex;
    QStringList m_roleOrder;
    QHash<QString, RoleSpec> m_roles;
    QList<std::pair<QString, OverrideEntry>> m_overrides; // with the file that has it
    QList<Problem> m_problems;
    QStringList m_files;
};

} // namespace ic::contacts
