#include "contacts/OnCall.h"
#include "contacts/Rotation.h"

#include <QtTest>

using namespace ic::contacts;

namespace {

const QTimeZone berlin("Europe/Berlin");

QDateTime inBerlin(int year, int month, int day, int hour, int minute = 0, int second = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second), berlin);
}

QDateTime utc(int year, int month, int day, int hour, int minute = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute), QTimeZone::utc());
}

Person person(const QString &id)
{
    Person result;
    result.id = id;
    result.name = id;
    return result;
}

// ana, ben, dana take a week each from Monday 30 November 2026, 09:00 in Berlin.
Directory weeklyRota(QList<Override> overrides = {})
{
    Directory directory;
    directory.people = {person(QStringLiteral("ana")), person(QStringLiteral("ben")),
                        person(QStringLiteral("dana"))};
    Rota rota;
    rota.role = QStringLiteral("primary-on-call");
    rota.people = {QStringLiteral("ana"), QStringLiteral("ben"), QStringLiteral("dana")};
    rota.every = std::chrono::days(7);
    rota.handover = inBerlin(2026, 11, 30, 9);
    rota.zone = berlin;
    directory.rotas.append(rota);
    RoleDefinition role;
    role.name = rota.role;
    role.source = Source::Rota;
    role.rota = 0;
    directory.roles.append(role);
    RoleDefinition lead;
    lead.name = QStringLiteral("team-lead");
    lead.holders = {QStringLiteral("dana"), QStringLiteral("ben")};
    directory.roles.append(lead);
    directory.overrides = std::move(overrides);
    return directory;
}

Holding primaryAt(const Directory &directory, const QDateTime &at)
{
    return holdingAt(directory, directory.roles.at(0), at);
}

} // namespace

class TestOnCall : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void handOverHappensAtTheBoundary()
    {
        const Directory directory = weeklyRota();
        const Holding before = primaryAt(directory, inBerlin(2026, 11, 30, 8, 59, 59));
        QVERIFY(!before.isHeld());
        QCOMPARE(before.until, inBerlin(2026, 11, 30, 9));

        const Holding first = primaryAt(directory, inBerlin(2026, 11, 30, 9));
        QCOMPARE(first.personId, QStringLiteral("ana"));
        QCOMPARE(first.source, Source::Rota);
        QCOMPARE(first.until, inBerlin(2026, 12, 7, 9));

        QCOMPARE(primaryAt(directory, inBerlin(2026, 12, 7, 8, 59, 59)).personId,
                 QStringLiteral("ana"));
        const Holding second = primaryAt(directory, inBerlin(2026, 12, 7, 9));
        QCOMPARE(second.personId, QStringLiteral("ben"));
        QCOMPARE(second.until, inBerlin(2026, 12, 14, 9));
        // Round robin: the fourth week is Ana's again.
        QCOMPARE(primaryAt(directory, inBerlin(2026, 12, 21, 9)).personId, QStringLiteral("ana"));
    }

    // The same instant written in another zone gives the same answer.
    void askingFromAnotherZoneChangesNothing()
    {
        const Directory directory = weeklyRota();
        const QDateTime inTokyo = inBerlin(2026, 12, 7, 9).toTimeZone(QTimeZone("Asia/Tokyo"));
        QCOMPARE(inTokyo.time(), QTime(17, 0));
        QCOMPARE(primaryAt(directory, inTokyo).personId, QStringLiteral("ben"));
        QCOMPARE(primaryAt(directory, inTokyo.addSecs(-1)).personId, QStringLiteral("ana"));
    }

    // Summer time in Berlin starts on Sunday 28 March 2027. The weekly Monday 09:00 hand-over
    // stays at 09:00 local time on both sides, so the turn across the change is an hour
    // shorter in absolute time.
    void wholeDayRotasKeepTheirWallClockAcrossDaylightSaving()
    {
        const Directory directory = weeklyRota();
        const Holding beforeChange = primaryAt(directory, inBerlin(2027, 3, 24, 12));
        QCOMPARE(beforeChange.until, inBerlin(2027, 3, 29, 9));
        QCOMPARE(beforeChange.until.toUTC(), utc(2027, 3, 29, 7));
        QCOMPARE(primaryAt(directory, utc(2027, 3, 29, 6, 59)).personId, beforeChange.personId);
        QVERIFY(primaryAt(directory, utc(2027, 3, 29, 7)).personId != beforeChange.personId);
        QCOMPARE(handoverAt(directory.rotas.at(0), 16).toUTC(), utc(2027, 3, 22, 8));
        // And back in the autumn (31 October 2027).
        QCOMPARE(primaryAt(directory, inBerlin(2027, 10, 27, 12)).until.toUTC(),
                 utc(2027, 11, 1, 8));
    }

    // A 12-hour rota is exact: it hands over every 12 hours, whatever the wall clock says.
    void shorterPeriodsAreExactDurations()
    {
        Directory directory = weeklyRota();
        Rota &rota = directory.rotas[0];
        rota.every = std::chrono::hours(12);
        rota.handover = inBerlin(2027, 3, 27, 21);
        const Holding holding = primaryAt(directory, inBerlin(2027, 3, 28, 1));
        QCOMPARE(holding.personId, QStringLiteral("ana"));
        QCOMPARE(holding.until, utc(2027, 3, 28, 8));
        QCOMPARE(holding.until.toTimeZone(berlin).time(), QTime(10, 0));
        const Turn turn = turnAt(rota, utc(2027, 3, 30, 8));
        QCOMPARE(turn.index, 5);
        QCOMPARE(turn.start, utc(2027, 3, 30, 8));
    }

    void overridesWinAndEndOnTime()
    {
        const Directory directory =
            weeklyRota({{QStringLiteral("primary-on-call"), QStringLiteral("dana"),
                         inBerlin(2026, 12, 2, 12), inBerlin(2026, 12, 4, 12)}});
        const Holding before = primaryAt(directory, inBerlin(2026, 12, 1, 10));
        QCOMPARE(before.personId, QStringLiteral("ana"));
        QCOMPARE(before.until, inBerlin(2026, 12, 2, 12));
        const Holding during = primaryAt(directory, inBerlin(2026, 12, 3, 10));
        QCOMPARE(during.personId, QStringLiteral("dana"));
        QCOMPARE(during.source, Source::Override);
        QCOMPARE(during.until, inBerlin(2026, 12, 4, 12));
        const Holding after = primaryAt(directory, inBerlin(2026, 12, 4, 12));
        QCOMPARE(after.personId, QStringLiteral("ana"));
        QCOMPARE(after.source, Source::Rota);
        QCOMPARE(after.until, inBerlin(2026, 12, 7, 9));
    }

    // "Until" is when the role changes hands, not when a rule ends: an override that gives
    // Ana her own week, or one that runs on into her next turn, hands over at the true change.
    void untilSkipsBoundariesThatKeepTheSameHolder()
    {
        const Directory same =
            weeklyRota({{QStringLiteral("primary-on-call"), QStringLiteral("ana"),
                         inBerlin(2026, 12, 2, 12), inBerlin(2026, 12, 4, 12)}});
        QCOMPARE(primaryAt(same, inBerlin(2026, 12, 3, 10)).until, inBerlin(2026, 12, 7, 9));
        const Directory intoNextTurn =
            weeklyRota({{QStringLiteral("primary-on-call"), QStringLiteral("ben"),
                         inBerlin(2026, 12, 5, 9), inBerlin(2026, 12, 9, 9)}});
        const Holding ben = primaryAt(intoNextTurn, inBerlin(2026, 12, 5, 10));
        QCOMPARE(ben.personId, QStringLiteral("ben"));
        QCOMPARE(ben.until, inBerlin(2026, 12, 14, 9));
    }

    void overlappingOverridesTakeTheLaterOne()
    {
        const Directory directory =
            weeklyRota({{QStringLiteral("primary-on-call"), QStringLiteral("dana"),
                         inBerlin(2026, 12, 1, 0), inBerlin(2026, 12, 5, 0)},
                        {QStringLiteral("primary-on-call"), QStringLiteral("ben"),
                         inBerlin(2026, 12, 2, 0), inBerlin(2026, 12, 3, 0)}});
        const Holding holding = primaryAt(directory, inBerlin(2026, 12, 2, 12));
        QCOMPARE(holding.personId, QStringLiteral("ben"));
        QCOMPARE(holding.until, inBerlin(2026, 12, 3, 0));
        QCOMPARE(primaryAt(directory, inBerlin(2026, 12, 3, 0)).personId, QStringLiteral("dana"));
    }

    void onePersonRotaNeverChangesHands()
    {
        Directory directory = weeklyRota();
        directory.rotas[0].people = {QStringLiteral("ben")};
        const Holding holding = primaryAt(directory, inBerlin(2027, 1, 1, 0));
        QCOMPARE(holding.personId, QStringLiteral("ben"));
        QVERIFY(!holding.until.isValid());
    }

    void fixedRolesNameTheFirstAndTheRestInOrder()
    {
        const Directory directory =
            weeklyRota({{QStringLiteral("team-lead"), QStringLiteral("ana"),
                         inBerlin(2026, 12, 24, 0), inBerlin(2026, 12, 27, 0)}});
        const Holding now = holdingAt(directory, directory.roles.at(1), inBerlin(2026, 12, 1, 0));
        QCOMPARE(now.personId, QStringLiteral("dana"));
        QCOMPARE(now.others, QStringList{QStringLiteral("ben")});
        QCOMPARE(now.source, Source::Fixed);
        QCOMPARE(now.until, inBerlin(2026, 12, 24, 0));
        const Holding holiday =
            holdingAt(directory, directory.roles.at(1), inBerlin(2026, 12, 25, 0));
        QCOMPARE(holiday.personId, QStringLiteral("ana"));
        QVERIFY(holiday.others.isEmpty());
        QVERIFY(!holdingAt(directory, directory.roles.at(1), inBerlin(2026, 12, 28, 0))
                     .until.isValid());
        QCOMPARE(onCallAt(directory, inBerlin(2026, 12, 1, 0)).size(), 2);
    }

    void calendarShiftsMergeAndLeaveGaps()
    {
        Directory directory;
        directory.people = {person(QStringLiteral("ana")), person(QStringLiteral("ben"))};
        Calendar calendar;
        calendar.role = QStringLiteral("secondary-on-call");
        calendar.shifts = {
            {utc(2026, 12, 1, 0), utc(2026, 12, 2, 0), QStringLiteral("ana"), {}},
            {utc(2026, 12, 2, 0), utc(2026, 12, 3, 0), QStringLiteral("ana"), {}},
            {utc(2026, 12, 3, 0), utc(2026, 12, 4, 0), {}, QStringLiteral("Stranger")},
            {utc(2026, 12, 5, 0), utc(2026, 12, 6, 0), QStringLiteral("ben"), {}},
            {utc(2026, 12, 5, 6), utc(2026, 12, 5, 8), QStringLiteral("ana"), {}}};
        directory.calendars.append(calendar);
        RoleDefinition role;
        role.name = calendar.role;
        role.source = Source::Calendar;
        role.calendar = 0;
        directory.roles.append(role);
        const auto at = [&](const QDateTime &time) {
            return holdingAt(directory, role, time);
        };
        QCOMPARE(at(utc(2026, 12, 1, 12)).until, utc(2026, 12, 3, 0));
        const Holding stranger = at(utc(2026, 12, 3, 1));
        QVERIFY(stranger.personId.isEmpty());
        QCOMPARE(stranger.shownName, QStringLiteral("Stranger"));
        QCOMPARE(stranger.until, utc(2026, 12, 4, 0));
        const Holding gap = at(utc(2026, 12, 4, 12));
        QVERIFY(!gap.isHeld());
        QCOMPARE(gap.until, utc(2026, 12, 5, 0));
        // A shorter shift laid over a longer one holds the role while it runs.
        QCOMPARE(at(utc(2026, 12, 5, 1)).until, utc(2026, 12, 5, 6));
        QCOMPARE(at(utc(2026, 12, 5, 7)).personId, QStringLiteral("ana"));
        QCOMPARE(at(utc(2026, 12, 5, 8)).personId, QStringLiteral("ben"));
        QVERIFY(!at(utc(2026, 12, 7, 0)).until.isValid());
    }
};

QTEST_GUILESS_MAIN(TestOnCall)
#include "test_oncall.moc"
