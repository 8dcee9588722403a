#include "TestSupport.h"
#include "contacts/ContactsLoader.h"
#include "contacts/IcsSchedule.h"
#include "contacts/OnCall.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace ic;
using namespace ic::contacts;

namespace {

const QTimeZone berlin("Europe/Berlin");

QDateTime inBerlin(int year, int month, int day, int hour)
{
    return QDateTime(QDate(year, month, day), QTime(hour, 0), berlin);
}

QDateTime utc(int year, int month, int day, int hour)
{
    return QDateTime(QDate(year, month, day), QTime(hour, 0), QTimeZone::utc());
}

QByteArray calendar(const QByteArray &body)
{
    return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//PagerDuty Inc.//On-call//EN\r\n" + body +
           "END:VCALENDAR\r\n";
}

// A fortnightly pair as a paging tool exports it, Monday 09:00 Berlin hand-overs:
// Ana's weeks (attendee e-mail) skip 16 March, which Dana covers (attendee name); Ben's weeks
// (PagerDuty summary) lose 23 March (cancelled) and 6 April is cut short to two days.
const QByteArray schedule = calendar("BEGIN:VEVENT\r\n"
                                     "UID:ana-weeks\r\n"
                                     "DTSTART;TZID=Europe/Berlin:20260302T090000\r\n"
                                     "DTEND;TZID=Europe/Berlin:20260309T090000\r\n"
                                     "RRULE:FREQ=WEEKLY;INTERVAL=2\r\n"
                                     "EXDATE;TZID=Europe/Berlin:20260316T090000\r\n"
                                     "SUMMARY:On Call - A. Lima - Primary\r\n"
                                     "ATTENDEE;CN=A. Lima:mailto:ANA@example.com\r\n"
                                     "END:VEVENT\r\n"
                                     "BEGIN:VEVENT\r\n"
                                     "UID:ben-weeks\r\n"
                                     "DTSTART;TZID=Europe/Berlin:20260309T090000\r\n"
                                     "DTEND;TZID=Europe/Berlin:20260316T090000\r\n"
                                     "RRULE:FREQ=WEEKLY;INTERVAL=2\r\n"
                                     "SUMMARY:On Call - Ben Okafor - Primary\r\n"
                                     "END:VEVENT\r\n"
                                     "BEGIN:VEVENT\r\n"
                                     "UID:ben-weeks\r\n"
                                     "RECURRENCE-ID;TZID=Europe/Berlin:20260323T090000\r\n"
                                     "DTSTART;TZID=Europe/Berlin:20260323T090000\r\n"
                                     "DTEND;TZID=Europe/Berlin:20260330T090000\r\n"
                                     "STATUS:CANCELLED\r\n"
                                     "SUMMARY:On Call - Ben Okafor - Primary\r\n"
                                     "END:VEVENT\r\n"
                                     "BEGIN:VEVENT\r\n"
                                     "UID:ben-weeks\r\n"
                                     "RECURRENCE-ID;TZID=Europe/Berlin:20260406T090000\r\n"
                                     "DTSTART;TZID=Europe/Berlin:20260406T090000\r\n"
                                     "DTEND;TZID=Europe/Berlin:20260408T090000\r\n"
                                     "SUMMARY:On Call - Ben Okafor - Primary\r\n"
                                     "END:VEVENT\r\n"
                                     "BEGIN:VEVENT\r\n"
                                     "UID:dana-cover\r\n"
                                     "DTSTART:20260316T080000Z\r\n"
                                     "DTEND:20260323T080000Z\r\n"
                                     "SUMMARY:Cover\r\n"
                                     "ATTENDEE;CN=Dana Park:mailto:dana.private@example.org\r\n"
                                     "END:VEVENT\r\n");

const QByteArray contactsYaml =
    "people:\n"
    "  - { id: ana, name: Ana Lima, email: ana@example.com, tz: Europe/Berlin }\n"
    "  - { id: ben, name: Ben Okafor, phone: \"+1 415 555 0100\" }\n"
    "  - { id: dana, name: Dana Park }\n"
    "calendars:\n"
    "  - { role: primary-on-call, ics: schedules/primary.ics }\n";

QString describe(const QList<Problem> &problems)
{
    QStringList lines;
    for (const Problem &problem : problems)
        lines << problem.toString();
    return lines.join(QLatin1Char('\n'));
}

} // namespace

class TestIcsSchedule : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dataDir;

    Directory load(const QDateTime &around) { return loadDirectory(m_dataDir.path(), {}, around); }
    Holding primaryAt(const QDateTime &at)
    {
        const Directory directory = load(at);
        const RoleDefinition *role = directory.role(QStringLiteral("primary-on-call"));
        return role ? holdingAt(directory, *role, at) : Holding{};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(QDir(m_dataDir.path()).mkpath(QStringLiteral("schedules")));
        QVERIFY(test::writeFile(contactsPath(m_dataDir.path()), contactsYaml));
        QVERIFY(
            test::writeFile(m_dataDir.filePath(QStringLiteral("schedules/primary.ics")), schedule));
    }

    void recurringEventsExpandInTheirZone()
    {
        const IcsSchedule expanded = readIcsSchedule(schedule, QStringLiteral("primary.ics"), {},
                                                     utc(2026, 3, 1, 0), utc(2026, 4, 20, 0));
        QVERIFY2(expanded.problems.isEmpty(), qPrintable(describe(expanded.problems)));
        QStringList starts;
        for (const IcsShift &shift : expanded.shifts)
            starts << shift.start.toUTC().toString(Qt::ISODate);
        QCOMPARE(starts, (QStringList{QStringLiteral("2026-03-02T08:00:00Z"),
                                      QStringLiteral("2026-03-09T08:00:00Z"),
                                      QStringLiteral("2026-03-16T08:00:00Z"),
                                      QStringLiteral("2026-03-30T07:00:00Z"),
                                      QStringLiteral("2026-04-06T07:00:00Z"),
                                      QStringLiteral("2026-04-13T07:00:00Z")}));
        QCOMPARE(expanded.shifts.at(0).email, QStringLiteral("ANA@example.com"));
        QCOMPARE(expanded.shifts.at(0).line, 4);
    }

    void whoHoldsTheRoleFollowsTheCalendar()
    {
        const Directory directory = load(inBerlin(2026, 3, 5, 12));
        QVERIFY2(directory.problems.isEmpty(), qPrintable(describe(directory.problems)));
        const Holding ana = primaryAt(inBerlin(2026, 3, 5, 12));
        QCOMPARE(ana.personId, QStringLiteral("ana"));
        QCOMPARE(ana.source, Source::Calendar);
        QCOMPARE(ana.until, inBerlin(2026, 3, 9, 9));
        QCOMPARE(primaryAt(inBerlin(2026, 3, 10, 12)).personId, QStringLiteral("ben"));
    }

    // EXDATE takes Ana's week of 16 March out; Dana's single event covers it.
    void excludedDatesAreLeftOut()
    {
        const Holding dana = primaryAt(inBerlin(2026, 3, 18, 12));
        QCOMPARE(dana.personId, QStringLiteral("dana"));
        QCOMPARE(dana.until, inBerlin(2026, 3, 23, 9));
    }

    // The cancelled occurrence leaves a gap that ends at Ana's next turn, which starts after
    // the change to summer time: 09:00 in Berlin is 07:00 UTC there.
    void cancelledOccurrenceLeavesNobodyUntilTheNextShift()
    {
        const Holding gap = primaryAt(inBerlin(2026, 3, 24, 12));
        QVERIFY(!gap.isHeld());
        QCOMPARE(gap.until, inBerlin(2026, 3, 30, 9));
        QCOMPARE(gap.until.toUTC(), utc(2026, 3, 30, 7));
    }

    void movedOccurrenceReplacesTheRuleOne()
    {
        const Holding shortened = primaryAt(inBerlin(2026, 4, 7, 12));
        QCOMPARE(shortened.personId, QStringLiteral("ben"));
        QCOMPARE(shortened.until, inBerlin(2026, 4, 8, 9));
        const Holding gap = primaryAt(inBerlin(2026, 4, 9, 12));
        QVERIFY(!gap.isHeld());
        QCOMPARE(gap.until, inBerlin(2026, 4, 13, 9));
    }

    // A week that spans the end of summer time (25 October 2026) still ends at 09:00 local.
    void shiftsKeepTheirWallClockLengthAcrossDaylightSaving()
    {
        const Holding ben = primaryAt(inBerlin(2026, 10, 21, 12));
        QCOMPARE(ben.personId, QStringLiteral("ben"));
        QCOMPARE(ben.until, inBerlin(2026, 10, 26, 9));
        QCOMPARE(ben.until.toUTC(), utc(2026, 10, 26, 8));
    }

    // Far from the first occurrence the rule is still followed (expansion is windowed).
    void distantDatesWork()
    {
        const Holding later = primaryAt(inBerlin(2028, 6, 7, 12));
        QVERIFY(later.isHeld());
        QCOMPARE(later.until, inBerlin(2028, 6, 12, 9));
    }

    void vtimezoneInTheFileIsUsed()
    {
        const QByteArray ics = calendar("BEGIN:VTIMEZONE\r\n"
                                        "TZID:Contoso Standard Time\r\n"
                                        "BEGIN:STANDARD\r\n"
                                        "DTSTART:19700101T000000\r\n"
                                        "TZOFFSETFROM:+0300\r\n"
                                        "TZOFFSETTO:+0300\r\n"
                                        "END:STANDARD\r\n"
                                        "END:VTIMEZONE\r\n"
                                        "BEGIN:VEVENT\r\n"
                                        "UID:x\r\n"
                                        "DTSTART;TZID=Contoso Standard Time:20260601T090000\r\n"
                                        "DURATION:PT12H\r\n"
                                        "SUMMARY:Ana Lima\r\n"
                                        "END:VEVENT\r\n");
        const IcsSchedule expanded = readIcsSchedule(ics, QStringLiteral("x.ics"), {},
                                                     utc(2026, 5, 1, 0), utc(2026, 7, 1, 0));
        QVERIFY2(expanded.problems.isEmpty(), qPrintable(describe(expanded.problems)));
        QCOMPARE(expanded.shifts.size(), 1);
        QCOMPARE(expanded.shifts.at(0).start, utc(2026, 6, 1, 6));
        QCOMPARE(expanded.shifts.at(0).end, utc(2026, 6, 1, 18));
        QCOMPARE(expanded.shifts.at(0).summary, QStringLiteral("Ana Lima"));
    }

    void floatingTimesUseTheCalendarsZone()
    {
        const QByteArray ics = calendar("BEGIN:VEVENT\r\nUID:f\r\nDTSTART:20260601T090000\r\n"
                                        "DTEND:20260601T170000\r\nSUMMARY:ana\r\nEND:VEVENT\r\n");
        const IcsSchedule expanded =
            readIcsSchedule(ics, QStringLiteral("f.ics"), QTimeZone("America/New_York"),
                            utc(2026, 5, 1, 0), utc(2026, 7, 1, 0));
        QCOMPARE(expanded.shifts.size(), 1);
        QCOMPARE(expanded.shifts.at(0).start, utc(2026, 6, 1, 13));
    }

    void unknownPeopleAreShownByNameAndReported()
    {
        QTemporaryDir dir;
        QVERIFY(test::writeFile(dir.filePath(QStringLiteral("contacts.yaml")),
                                "calendars:\n  - { role: security, ics: sec.ics }\n"));
        QVERIFY(test::writeFile(dir.filePath(QStringLiteral("sec.ics")),
                                calendar("BEGIN:VEVENT\r\nUID:s\r\nDTSTART:20260601T000000Z\r\n"
                                         "DTEND:20260608T000000Z\r\n"
                                         "SUMMARY:On Call - Eve Stranger - Security\r\n"
                                         "END:VEVENT\r\n")));
        const QDateTime at = utc(2026, 6, 2, 0);
        const Directory directory = loadDirectory(dir.path(), {}, at);
        QCOMPARE(directory.problems.size(), 1);
        QCOMPARE(directory.problems.at(0).line, 4);
        QVERIFY(directory.problems.at(0).file.endsWith(QStringLiteral("sec.ics")));
        const Holding holding = holdingAt(directory, directory.roles.at(0), at);
        QVERIFY(holding.personId.isEmpty());
        QCOMPARE(holding.shownName, QStringLiteral("On Call - Eve Stranger - Security"));
    }

    void brokenOrMissingCalendarsAreProblems()
    {
        QTemporaryDir dir;
        QVERIFY(test::writeFile(dir.filePath(QStringLiteral("contacts.yaml")),
                                "calendars:\n"
                                "  - { role: security, ics: missing.ics }\n"
                                "  - { role: legal, ics: junk.ics }\n"
                                "  - { role: infrastructure, ics: endless.ics }\n"));
        QVERIFY(test::writeFile(dir.filePath(QStringLiteral("junk.ics")), "this is not ical"));
        QVERIFY(test::writeFile(dir.filePath(QStringLiteral("endless.ics")),
                                calendar("BEGIN:VEVENT\r\nUID:e\r\nDTSTART:20000101T000000Z\r\n"
                                         "DURATION:PT1S\r\nRRULE:FREQ=SECONDLY\r\n"
                                         "SUMMARY:x\r\nEND:VEVENT\r\n")));
        const Directory directory = loadDirectory(dir.path(), {}, utc(2026, 6, 1, 0));
        const QString text = describe(directory.problems);
        QVERIFY2(text.contains(QStringLiteral("missing.ics: cannot read")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("junk.ics: not an iCalendar file")),
                 qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("endless.ics:4: RRULE: repeats more than")),
                 qPrintable(text));
        QCOMPARE(directory.roles.size(), 3);
    }
};

QTEST_GUILESS_MAIN(TestIcsSchedule)
#include "test_ics_schedule.moc"
