#include "health/StateTracker.h"

#include <QtTest>

using namespace ic::health;

// Kubernetes-style thresholds and flapping detection.
class TestStateTracker : public QObject
{
    Q_OBJECT

private:
    QDateTime m_time = QDateTime(QDate(2026, 11, 25), QTime(9, 0), Qt::UTC);
    QDateTime next()
    {
        m_time = m_time.addSecs(15);
        return m_time;
    }

private Q_SLOTS:
    void firstResultIsTakenAsIs()
    {
        StateTracker tracker(3, 1);
        QVERIFY(!tracker.hasState());
        QVERIFY(tracker.add(State::Crit, next()));
        QCOMPARE(tracker.state(), State::Crit);
    }

    void okTurnsBadOnlyAfterFailureThreshold()
    {
        StateTracker tracker(3, 1);
        tracker.add(State::Ok, next());
        QVERIFY(!tracker.add(State::Crit, next()));
        QVERIFY(!tracker.add(State::Crit, next()));
        QCOMPARE(tracker.state(), State::Ok);
        const QDateTime third = next();
        QVERIFY(tracker.add(State::Crit, third));
        QCOMPARE(tracker.state(), State::Crit);
        QCOMPARE(tracker.since(), third);
        // A success in between resets the count.
        StateTracker reset(3, 1);
        reset.add(State::Ok, next());
        reset.add(State::Crit, next());
        reset.add(State::Crit, next());
        reset.add(State::Ok, next());
        reset.add(State::Crit, next());
        reset.add(State::Crit, next());
        QCOMPARE(reset.state(), State::Ok);
    }

    void badTurnsOkAfterSuccessThresholdAndFollowsSeverity()
    {
        StateTracker tracker(1, 2);
        tracker.add(State::Warn, next());
        QVERIFY(tracker.add(State::Crit, next()));
        QCOMPARE(tracker.state(), State::Crit);
        QVERIFY(!tracker.add(State::Ok, next()));
        QCOMPARE(tracker.state(), State::Crit);
        QVERIFY(tracker.add(State::Ok, next()));
        QCOMPARE(tracker.state(), State::Ok);
    }

    void flappingStartsAndStopsWithHysteresis()
    {
        StateTracker tracker(1, 1);
        for (int i = 0; i < 12; ++i)
            tracker.add(i % 2 ? State::Crit : State::Ok, next());
        QVERIFY(tracker.flapping());
        QVERIFY(tracker.percentStateChange() > 90);
        // Settling down: the flag stays until changes are rare, then clears.
        int addedUntilCleared = 0;
        while (tracker.flapping() && addedUntilCleared < 50) {
            tracker.add(State::Ok, next());
            ++addedUntilCleared;
        }
        QVERIFY(!tracker.flapping());
        QVERIFY(addedUntilCleared > 5);
        QVERIFY(tracker.percentStateChange() < StateTracker::flappingStopPercent);
    }

    void steadyChecksNeverFlap()
    {
        StateTracker tracker(3, 1);
        for (int i = 0; i < 40; ++i)
            tracker.add(i % 10 == 0 ? State::Warn : State::Ok, next());
        QVERIFY(!tracker.flapping());
    }
};

QTEST_GUILESS_MAIN(TestStateTracker)
#include "test_state_tracker.moc"
