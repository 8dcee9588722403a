#include "OnCall.h"

#include "Rotation.h"

#include <algorithm>

namespace ic::contacts {
namespace {

// A stretch during which one holder stays: who, the source, and where it ends (invalid: open).
struct Segment
{
    QString personId;
    QString shownName;
    Source source = Source::Fixed;
    QDateTime end;
    QStringList others;

    QString key() const { return personId.isEmpty() ? QStringLiteral("\n") + shownName : personId; }
};

// Searching for the next change steps from boundary to boundary; a schedule that hands the
// role to the same person over and over stops being followed after this many steps.
constexpr int maxSteps = 5000;

QDateTime earlier(const QDateTime &a, const QDateTime &b)
{
    if (!a.isValid())
        return b;
    if (!b.isValid())
        return a;
    return std::min(a, b);
}

Segment calendarSegment(const Calendar &calendar, const QDateTime &at)
{
    Segment segment;
    segment.source = Source::Calendar;
    const QList<Shift> &shifts = calendar.shifts;
    const auto later = std::upper_bound(
        shifts.begin(), shifts.end(), at,
        [](const QDateTime &time, const Shift &shift) { return time < shift.start; });
    // The shift that started last among those running wins, as a paging tool's final layer.
    const Shift *current = nullptr;
    for (auto it = shifts.begin(); it != later; ++it) {
        if (it->end > at && (!current || it->start >= current->start))
            current = &*it;
    }
    if (later != shifts.end())
        segment.end = later->start;
    if (current) {
        segment.personId = current->personId;
        segment.shownName = current->shownName;
        segment.end = earlier(segment.end, current->end);
    }
    return segment;
}

Segment baseSegment(const Directory &directory, const RoleDefinition &role, const QDateTime &at)
{
    Segment segment;
    segment.source = role.source;
    switch (role.source) {
    case Source::Rota: {
        const Rota &rota = directory.rotas.at(role.rota);
        const Turn turn = turnAt(rota, at);
        segment.end = turn.end;
        if (turn.index >= 0 && !rota.people.isEmpty())
            segment.personId = rota.people.at(int(turn.index % rota.people.size()));
        return segment;
    }
    case Source::Calendar:
        return calendarSegment(directory.calendars.at(role.calendar), at);
    case Source::Fixed:
    case Source::Override:
        break;
    }
    if (!role.holders.isEmpty()) {
        segment.personId = role.holders.first();
        segment.others = role.holders.mid(1);
    }
    return segment;
}

Segment segmentAt(const Directory &directory, const RoleDefinition &role, const QDateTime &at)
{
    Segment segment = baseSegment(directory, role, at);
    const Override *active = nullptr;
    QDateTime nextBoundary;
    for (const Override &candidate : directory.overrides) {
        if (candidate.role != role.name)
            continue;
        if (candidate.from <= at && at < candidate.until &&
            (!active || candidate.from >= active->from))
            active = &candidate;
        if (candidate.from > at)
            nextBoundary = earlier(nextBoundary, candidate.from);
        else if (candidate.until > at)
            nextBoundary = earlier(nextBoundary, candidate.until);
    }
    if (active) {
        segment.personId = active->personId;
        segment.shownName.clear();
        segment.others.clear();
        segment.source = Source::Override;
    }
    segment.end = earlier(segment.end, nextBoundary);
    return segment;
}

} // namespace

Holding holdingAt(const Directory &directory, const RoleDefinition &role, const QDateTime &at)
{
    const Segment current = segmentAt(directory, role, at);
    Holding holding;
    holding.role = role.name;
    holding.source = current.source;
    holding.personId = current.personId;
    holding.shownName = current.shownName;
    holding.others = current.others;
    QDateTime boundary = current.end;
    for (int step = 0; step < maxSteps && boundary.isValid(); ++step) {
        const Segment next = segmentAt(directory, role, boundary);
        if (next.key() != current.key()) {
            holding.until = boundary;
            break;
        }
        boundary = next.end;
    }
    return holding;
}

QString holderName(const Directory &directory, const QString &role, const QDateTime &at)
{
    const RoleDefinition *definition = directory.role(role);
    if (!definition)
        return {};
    const Holding holding = holdingAt(directory, *definition, at);
    if (const Person *person = directory.person(holding.personId))
        return person->name;
    return holding.shownName;
}

QList<Holding> onCallAt(const Directory &directory, const QDateTime &at)
{
    QList<Holding> result;
    for (const RoleDefinition &role : directory.roles)
        result.append(holdingAt(directory, role, at));
    return result;
}

} // namespace ic::contacts
