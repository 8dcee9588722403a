#pragma once

#include "Directory.h"

namespace ic::contacts {

// One occurrence of an event in an iCalendar schedule, with whom it names.
struct IcsShift
{
    QDateTime start;
    QDateTime end;
    QString email;   // the first ATTENDEE's mailto address
    QString name;    // that attendee's CN
    QString summary; // PagerDuty: "On Call - Ana Lima - Primary"; Opsgenie: the participant
    int line = 0;    // of the event's BEGIN:VEVENT
};

struct IcsSchedule
{
    QList<IcsShift> shifts; // sorted by start
    QList<Problem> problems;
};

// Expands the events of an .ics export (a paging tool's schedule) that overlap [from, to]:
// recurrence rules, EXDATE exclusions, moved or cancelled occurrences (RECURRENCE-ID),
// TZID zones from the file's VTIMEZONEs or the system's database. Times without a zone are
// wall-clock times in floatingZone.
IcsSchedule readIcsSchedule(const QByteArray &ics, const QString &fileName,
                            const QTimeZone &floatingZone, const QDateTime &from,
                            const QDateTime &to);

} // namespace ic::contacts
