#include "IcsSchedule.h"

#include <QSet>
#include <algorithm>
#include <libical/ical.h>
#include <memory>
#include <mutex>

namespace ic::contacts {
namespace {

// A recurrence rule is followed this far at most, and a schedule keeps this many shifts: a
// rule that repeats every second must not stall the console.
constexpr int maxIterations = 200000;
constexpr qsizetype maxShifts = 50000;

struct ComponentDeleter
{
    void operator()(icalcomponent *component) const { icalcomponent_free(component); }
};
using Component = std::unique_ptr<icalcomponent, ComponentDeleter>;

QList<int> eventLines(const QByteArray &ics)
{
    QList<int> lines;
    int line = 1;
    qsizetype start = 0;
    while (start < ics.size()) {
        qsizetype end = ics.indexOf('\n', start);
        if (end < 0)
            end = ics.size();
        if (ics.mid(start, end - start).trimmed().compare("BEGIN:VEVENT", Qt::CaseInsensitive) == 0)
            lines.append(line);
        ++line;
        start = end + 1;
    }
    return lines;
}

class Expander
{
public:
    Expander(const QString &fileName, const QTimeZone &floatingZone, const QDateTime &from,
             const QDateTime &to, IcsSchedule *schedule)
        : m_fileName(fileName), m_floatingZone(floatingZone), m_from(from), m_to(to),
          m_schedule(schedule)
    {}

    void problem(int line, const QString &field, const QString &message)
    {
        m_schedule->problems.append({m_fileName, line, field, message});
    }

    QDateTime toDateTime(const icaltimetype &time) const
    {
        if (time.zone && !icaltime_is_date(time))
            return QDateTime::fromSecsSinceEpoch(
                qint64(icaltime_as_timet_with_zone(time, time.zone)), QTimeZone::utc());
        const QDate date(time.year, time.month, time.day);
        const QTime clock =
            icaltime_is_date(time) ? QTime(0, 0) : QTime(time.hour, time.minute, time.second);
        return QDateTime(date, clock, m_floatingZone);
    }

    // Moved or cancelled occurrences are events of their own with the master's UID and a
    // RECURRENCE-ID naming the occurrence they replace.
    void collectReplaced(icalcomponent *event)
    {
        icalproperty *property =
            icalcomponent_get_first_property(event, ICAL_RECURRENCEID_PROPERTY);
        const char *uid = icalcomponent_get_uid(event);
        if (!property || !uid)
            return;
        // With its TZID resolved, as DTSTART's is.
        const icaltimetype replaced = icalproperty_get_datetime_with_component(property, event);
        if (!icaltime_is_null_time(replaced))
            m_replaced.insert(QString::fromUtf8(uid) + QLatin1Char('\n') +
                              QString::number(toDateTime(replaced).toSecsSinceEpoch()));
    }

    void expand(icalcomponent *event, int line)
    {
        reportErrors(event, line);
        if (icalcomponent_get_status(event) == ICAL_STATUS_CANCELLED)
            return;
        const icaltimetype start = icalcomponent_get_dtstart(event);
        if (icaltime_is_null_time(start)) {
            problem(line, QStringLiteral("DTSTART"),
                    QStringLiteral("event without a start (or with a TZID no VTIMEZONE or "
                                   "system zone knows); left out"));
            return;
        }
        IcsShift who;
        who.line = line;
        readWho(event, &who);
        const int wallClockSeconds = durationOf(event, start);
        if (wallClockSeconds <= 0)
            return;
        const bool isOverride = !icaltime_is_null_time(icalcomponent_get_recurrenceid(event));
        const char *uid = icalcomponent_get_uid(event);
        const QString uidKey =
            uid && !isOverride ? QString::fromUtf8(uid) + QLatin1Char('\n') : QString();
        addOccurrence(event, start, start, wallClockSeconds, who, uidKey);
        if (isOverride)
            return;
        for (icalproperty *rule = icalcomponent_get_first_property(event, ICAL_RRULE_PROPERTY);
             rule; rule = icalcomponent_get_next_property(event, ICAL_RRULE_PROPERTY))
            followRule(event, rule, start, wallClockSeconds, who, uidKey, line);
    }

private:
    void reportErrors(icalcomponent *event, int line)
    {
        for (icalproperty *error = icalcomponent_get_first_property(event, ICAL_XLICERROR_PROPERTY);
             error; error = icalcomponent_get_next_property(event, ICAL_XLICERROR_PROPERTY))
            problem(line, QStringLiteral("VEVENT"),
                    QString::fromUtf8(icalproperty_get_xlicerror(error)));
    }

    static void readWho(icalcomponent *event, IcsShift *who)
    {
        if (const char *summary = icalcomponent_get_summary(event))
            who->summary = QString::fromUtf8(summary).trimmed();
        icalproperty *attendee = icalcomponent_get_first_property(event, ICAL_ATTENDEE_PROPERTY);
        if (!attendee)
            return;
        if (const char *address = icalproperty_get_attendee(attendee)) {
            QString text = QString::fromUtf8(address).trimmed();
            if (text.startsWith(QLatin1String("mailto:"), Qt::CaseInsensitive))
                text = text.mid(7);
            who->email = text;
        }
        if (icalparameter *cn = icalproperty_get_first_parameter(attendee, ICAL_CN_PARAMETER))
            who->name = QString::fromUtf8(icalparameter_get_cn(cn)).trimmed();
    }

    // The event's length as wall-clock time in its start's zone: a shift from Monday 09:00 to
    // the next Monday 09:00 ends at 09:00 in every week, also across a daylight-saving change,
    // as calendar programs show it (a fixed number of seconds would leave an hour uncovered).
    static int durationOf(icalcomponent *event, const icaltimetype &start)
    {
        icaltimetype end = icalcomponent_get_dtend(event);
        if (icaltime_is_null_time(end))
            return icaltime_is_date(start) ? 24 * 60 * 60 : 0;
        if (start.zone && end.zone && start.zone != end.zone)
            end = icaltime_convert_to_zone(end, const_cast<icaltimezone *>(start.zone));
        return int(icaltime_as_timet(end) - icaltime_as_timet(start));
    }

    void followRule(icalcomponent *event, icalproperty *rule, icaltimetype start,
                    int wallClockSeconds, const IcsShift &who, const QString &uidKey, int line)
    {
        icalrecur_iterator *iterator = icalrecur_iterator_new(icalproperty_get_rrule(rule), start);
        if (!iterator) {
            problem(line, QStringLiteral("RRULE"),
                    QStringLiteral("not a recurrence rule libical "
                                   "can follow; left out"));
            return;
        }
        for (int i = 0; i < maxIterations; ++i) {
            const icaltimetype occurrence = icalrecur_iterator_next(iterator);
            if (icaltime_is_null_time(occurrence)) {
                icalrecur_iterator_free(iterator);
                return;
            }
            if (toDateTime(occurrence) > m_to) {
                icalrecur_iterator_free(iterator);
                return;
            }
            if (icaltime_compare(occurrence, start) != 0)
                addOccurrence(event, start, occurrence, wallClockSeconds, who, uidKey);
        }
        icalrecur_iterator_free(iterator);
        problem(line, QStringLiteral("RRULE"),
                QStringLiteral("repeats more than %1 times before the time asked about; the "
                               "later occurrences are left out")
                    .arg(maxIterations));
    }

    void addOccurrence(icalcomponent *event, icaltimetype start, icaltimetype occurrence,
                       int wallClockSeconds, IcsShift who, const QString &uidKey)
    {
        if (icalproperty_recurrence_is_excluded(event, &start, &occurrence))
            return;
        who.start = toDateTime(occurrence);
        if (!uidKey.isEmpty() &&
            m_replaced.contains(uidKey + QString::number(who.start.toSecsSinceEpoch())))
            return;
        const icaltimetype end =
            icaltime_add(occurrence, icaldurationtype_from_int(wallClockSeconds));
        who.end = toDateTime(end);
        if (who.end <= m_from || who.start > m_to)
            return;
        if (m_schedule->shifts.size() >= maxShifts) {
            if (!m_full)
                problem(
                    who.line, QStringLiteral("VEVENT"),
                    QStringLiteral("more than %1 shifts; the rest are left out").arg(maxShifts));
            m_full = true;
            return;
        }
        m_schedule->shifts.append(who);
    }

    QString m_fileName;
    QTimeZone m_floatingZone;
    QDateTime m_from;
    QDateTime m_to;
    IcsSchedule *m_schedule;
    QSet<QString> m_replaced;
    bool m_full = false;
};

QList<icalcomponent *> eventsOf(icalcomponent *root)
{
    QList<icalcomponent *> events;
    if (icalcomponent_isa(root) == ICAL_VEVENT_COMPONENT) {
        events.append(root);
        return events;
    }
    QList<icalcomponent *> calendars;
    if (icalcomponent_isa(root) == ICAL_VCALENDAR_COMPONENT)
        calendars.append(root);
    for (icalcomponent *calendar =
             icalcomponent_get_first_component(root, ICAL_VCALENDAR_COMPONENT);
         calendar; calendar = icalcomponent_get_next_component(root, ICAL_VCALENDAR_COMPONENT))
        calendars.append(calendar);
    for (icalcomponent *calendar : calendars) {
        for (icalcomponent *event =
                 icalcomponent_get_first_component(calendar, ICAL_VEVENT_COMPONENT);
             event; event = icalcomponent_get_next_component(calendar, ICAL_VEVENT_COMPONENT))
            events.append(event);
    }
    return events;
}

} // namespace

IcsSchedule readIcsSchedule(const QByteArray &ics, const QString &fileName,
                            const QTimeZone &floatingZone, const QDateTime &from,
                            const QDateTime &to)
{
    static std::once_flag quiet;
    // libical's default may abort on malformed input; a broken export is only a problem.
    std::call_once(quiet, [] { icalerror_set_errors_are_fatal(0); });
    IcsSchedule schedule;
    const Component root(icalparser_parse_string(ics.constData()));
    if (!root) {
        schedule.problems.append(
            {fileName, 0, {}, QStringLiteral("not an iCalendar file (BEGIN:VCALENDAR…)")});
        return schedule;
    }
    const QList<icalcomponent *> events = eventsOf(root.get());
    if (events.isEmpty() && icalcomponent_isa(root.get()) != ICAL_VCALENDAR_COMPONENT &&
        icalcomponent_isa(root.get()) != ICAL_XROOT_COMPONENT) {
        schedule.problems.append({fileName, 0, {}, QStringLiteral("holds no VCALENDAR")});
        return schedule;
    }
    const QList<int> lines = eventLines(ics);
    Expander expander(fileName, floatingZone.isValid() ? floatingZone : QTimeZone::systemTimeZone(),
                      from, to, &schedule);
    for (icalcomponent *event : events)
        expander.collectReplaced(event);
    for (qsizetype i = 0; i < events.size(); ++i)
        expander.expand(events.at(i), int(lines.value(i, 0)));
    std::stable_sort(schedule.shifts.begin(), schedule.shifts.end(),
                     [](const IcsShift &a, const IcsShift &b) { return a.start < b.start; });
    return schedule;
}

} // namespace ic::contacts
