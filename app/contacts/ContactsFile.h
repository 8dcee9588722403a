#pragma once

#include "Directory.h"

namespace ic::contacts {

// A reference from one entry to a person, kept with its place for the problem that names it.
struct PersonRef
{
    QString id;
    int line = 0;
    QString field;
};

struct FixedRole
{
    QString role;
    QList<PersonRef> holders;
};

struct RotaEntry
{
    Rota rota; // people filled in when the file's references are resolved
    QList<PersonRef> people;
    int line = 0;
    QString field;
};

struct CalendarEntry
{
    QString role;
    QString path;           // absolute, resolved against the contacts file's folder
    QTimeZone floatingZone; // for event times without a zone; the reader's when invalid
    int line = 0;
    QString field;
};

struct OverrideEntry
{
    Override override;
    PersonRef person;
};

// One contacts.yaml as written: every usable entry and every problem, references unresolved
// (a file may name people another file defines).
struct ContactsFile
{
    QString path;
    QList<Person> people;
    QList<FixedRole> fixedRoles;
    QList<RotaEntry> rotas;
    QList<CalendarEntry> calendars;
    QList<OverrideEntry> overrides;
    QList<Problem> problems;
};

// fileName names the file in problems; calendars are resolved against folder.
ContactsFile parseContactsFile(const QByteArray &yaml, const QString &fileName,
                               const QString &folder);

} // namespace ic::contacts
