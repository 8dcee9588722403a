#include "health/Scheduler.h"
#include "health/probes/Probe.h"

#include <QSignalSpy>
#include <QtTest>

using namespace ic::health;

namespace {

// A probe that finishes when the test says so.
class FakeProbe : public Probe
{
public:
    FakeProbe(const CheckDefinition &check, QObject *parent,
              std::function<void(FakeProbe *)> started)
        : Probe(check, parent), m_started(std::move(started))
    {}
    void complete() { finish(Observation{}); }

protected:
    void start() override { m_started(this); }
    Observation timedOut() override { return {}; }

private:
    std::function<void(FakeProbe *)> m_started;
};

CheckDefinition check(const QString &name, int intervalSeconds)
{
    CheckDefinition definition;
    definition.name = name;
    definition.type = QStringLiteral("tcp");
    definition.interval = std::chrono::seconds(intervalSeconds);
    definition.timeout = std::chrono::hours(1); // fake time only; the real timer never fires
    return definition;
}

} // namespace

// The scheduler under a fake clock: rate, spread, cap without starvation, probe now.
class TestScheduler : public QObject
{
    Q_OBJECT

private:
    qint64 m_now = 0;
    QList<std::pair<QString, qint64>> m_starts;
    QList<FakeProbe *> m_inFlight;
    bool m_completeAtOnce = true;

    std::unique_ptr<Scheduler> makeScheduler()
    {
        m_now = 0;
        m_starts.clear();
        m_inFlight.clear();
        auto scheduler =
            std::make_unique<Scheduler>([this](const CheckDefinition &definition, QObject *parent) {
                return new FakeProbe(definition, parent, [this](FakeProbe *probe) {
                    m_starts.append({probe->check().name, m_now});
                    if (m_completeAtOnce)
                        probe->complete();
                    else
                        m_inFlight.append(probe);
                });
            });
        scheduler->setClocks([this] { return m_now; },
                             [this] { return 1'700'000'000'000 + m_now; });
        scheduler->setRandomSeed(42);
        return scheduler;
    }

    void advance(Scheduler &scheduler, qint64 ms)
    {
        const qint64 end = m_now + ms;
        while (m_now < end) {
            m_now += Scheduler::tickMs;
            scheduler.tick();
        }
    }

    int startsOf(const QString &name) const
    {
        return int(std::count_if(m_starts.begin(), m_starts.end(),
                                 [&name](const auto &start) { return start.first == name; }));
    }

private Q_SLOTS:
    void runsEachCheckAtItsFixedRate()
    {
        m_completeAtOnce = true;
        auto scheduler = makeScheduler();
        QList<CheckDefinition> checks;
        for (int i = 0; i < 50; ++i)
            checks.append(check(QStringLiteral("c%1").arg(i), 10));
        scheduler->setChecks(checks);
        scheduler->tick();
        advance(*scheduler, 100'000);
        for (const CheckDefinition &definition : checks) {
            const int runs = startsOf(definition.name);
            QVERIFY2(runs >= 9 && runs <= 11,
                     qPrintable(QStringLiteral("%1 ran %2 times").arg(definition.name).arg(runs)));
        }
        // Consecutive runs of one check are one interval apart.
        QList<qint64> times;
        for (const auto &[name, at] : m_starts) {
            if (name == QLatin1String("c7"))
                times.append(at);
        }
        for (int i = 2; i < times.size(); ++i)
            QCOMPARE(times.at(i) - times.at(i - 1), 10'000);
    }

    void phasesSpreadChecksOverTheInterval()
    {
        m_completeAtOnce = true;
        auto scheduler = makeScheduler();
        QList<CheckDefinition> checks;
        for (int i = 0; i < 100; ++i)
            checks.append(check(QStringLiteral("c%1").arg(i), 10));
        scheduler->setChecks(checks);
        scheduler->tick();
        advance(*scheduler, 30'000);
        // Starts per second after the first interval: no second holds a stampede.
        QMap<qint64, int> perSecond;
        for (const auto &[name, at] : m_starts) {
            if (at >= 12'000)
                ++perSecond[at / 1000];
        }
        int busiest = 0;
        for (int count : perSecond)
            busiest = std::max(busiest, count);
        QVERIFY2(busiest <= 30, qPrintable(QString::number(busiest)));
        QVERIFY(perSecond.size() >= 15);
    }

    void concurrencyCapDoesNotStarveAnyCheck()
    {
        m_completeAtOnce = false;
        auto scheduler = makeScheduler();
        scheduler->setMaxConcurrent(2);
        QList<CheckDefinition> checks;
        for (int i = 0; i < 10; ++i)
            checks.append(check(QStringLiteral("c%1").arg(i), 1));
        scheduler->setChecks(checks);
        scheduler->tick();
        // Every probe takes one second; only two run at a time.
        for (int second = 0; second < 12; ++second) {
            advance(*scheduler, 1000);
            QVERIFY(scheduler->runningCount() <= 2);
            const QList<FakeProbe *> finishing = m_inFlight;
            m_inFlight.clear();
            for (FakeProbe *probe : finishing)
                probe->complete();
        }
        for (const CheckDefinition &definition : checks)
            QVERIFY2(startsOf(definition.name) >= 1, qPrintable(definition.name));
        // FIFO: all ten ran once before any ran a second time.
        QSet<QString> firstTen;
        for (int i = 0; i < 10; ++i)
            firstTen.insert(m_starts.at(i).first);
        QCOMPARE(firstTen.size(), 10);
        m_completeAtOnce = true;
    }

    void probeNowJumpsTheQueueAndBusyChecksAreNotDoubled()
    {
        m_completeAtOnce = false;
        auto scheduler = makeScheduler();
        scheduler->setMaxConcurrent(1);
        scheduler->setChecks({check(QStringLiteral("a"), 60), check(QStringLiteral("b"), 60)});
        scheduler->tick();
        advance(*scheduler, 2100);
        QCOMPARE(scheduler->runningCount(), 1);
        QCOMPARE(scheduler->queuedCount(), 1);
        // Added later, so it is not due yet; "probe now" must put it before the queued one.
        scheduler->setChecks({check(QStringLiteral("a"), 60), check(QStringLiteral("b"), 60),
                              check(QStringLiteral("urgent"), 3600)});
        const QString first = m_starts.first().first;
        scheduler->probeNow(QStringLiteral("urgent"));
        scheduler->probeNow(first); // already running: ignored
        m_inFlight.takeFirst()->complete();
        QCOMPARE(m_starts.at(1).first, QStringLiteral("urgent"));
        QCOMPARE(startsOf(first), 1);
        m_completeAtOnce = true;
    }

    void clockJumpMarksTheObserverImpaired()
    {
        m_completeAtOnce = true;
        auto scheduler = makeScheduler();
        QSignalSpy impaired(scheduler.get(), &Scheduler::observerImpaired);
        scheduler->setChecks({check(QStringLiteral("a"), 10)});
        scheduler->tick();
        advance(*scheduler, 1000);
        QCOMPARE(impaired.count(), 0);
        // A suspend: the monotonic clock stood still while the wall clock moved on an hour.
        scheduler->setClocks([this] { return m_now; },
                             [this] { return 1'700'000'000'000 + m_now + 3'600'000; });
        advance(*scheduler, 100);
        QCOMPARE(impaired.count(), 1);
        QVERIFY(impaired.first().at(1).toLongLong() - impaired.first().at(0).toLongLong() >
                3'000'000);
    }
};

QTEST_GUILESS_MAIN(TestScheduler)
#include "test_scheduler.moc"
