#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTimeZone>
#include <chrono>

namespace ic::contacts {

// A problem in contacts.yaml or a calendar it names, located so the user can fix it. Messages
// name ids, roles and fields, never a phone number or an address: problems reach stderr and
// the window, and personal data stays out of what may be pasted around.
struct Problem
{
    QString file;
    int line = 0; // 0: the file as a whole
    QString field;
    QString message;

    // "contacts.yaml:12: people[2].tz: unknown time zone"
    QString toString() const;
};

struct Person
{
    QString id;
    QString name;
    QStringList roles; // as written in the person's own entry
    QString phone;
    QString email;
    QString chat;
    QString tz; // IANA name, empty when not given
    QString notes;
    QString file;
    int line = 0;

    // The person's zone, or the reader's own when none is given.
    QTimeZone timeZone() const;
};

// Round robin from a first hand-over: people[0] from handover, people[1] one period later...
struct Rota
{
    QString role;
    QStringList people; // person ids, in order
    std::chrono::seconds every{0};
    QDateTime handover;
    // Whole-day periods hand over at the same wall-clock time in this zone, through
    // daylight-saving changes; other periods are exact durations.
    QTimeZone zone;
};

// One stretch of an iCalendar schedule, already expanded from its recurrence rule.
struct Shift
{
    QDateTime start;
    QDateTime end;
    QString personId; // empty when the event names nobody in contacts.yaml
    QString shownName;
};

struct Calendar
{
    QString role;
    QString path;
    QList<Shift> shifts; // sorted by start
};

// Someone else holds a role for a while (holiday, swap): wins over rota, calendar and fixed.
struct Override
{
    QString role;
    QString personId;
    QDateTime from;
    QDateTime until;
};

enum class Source
{
    Fixed,
    Rota,
    Calendar,
    Override
};

QString sourceName(Source source); // "fixed", "rota", "calendar", "override"

// How a role is filled, in the order the files define roles.
struct RoleDefinition
{
    QString name;
    Source source = Source::Fixed;
    QStringList holders; // Fixed: person ids, first is called first
    int rota = -1;       // index into Directory::rotas
    int calendar = -1;   // index into Directory::calendars
};

// Everything contacts.yaml files (and their calendars) say, merged, with every problem found.
struct Directory
{
    QList<Person> people;
    QList<RoleDefinition> roles;
    QList<Rota> rotas;
    QList<Calendar> calendars;
    QList<Override> overrides;
    QList<Problem> problems;
    QStringList files; // the contacts files read, in order

    const Person *person(const QString &id) const;
    const RoleDefinition *role(const QString &name) const;
    QStringList roleNames() const;
    // The roles a person can hold: fixed, rota membership, calendar shifts and overrides.
    QStringList rolesOf(const QString &personId) const;
};

} // namespace ic::contacts
