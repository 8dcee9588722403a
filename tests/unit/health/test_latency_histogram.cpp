#include "health/LatencyHistogram.h"

#include <QtTest>

using namespace ic::health;

// Percentiles from log-spaced latency buckets: bucket edges, nearest rank, merging, caps.
class TestLatencyHistogram : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bucketsAreLogSpacedWithInclusiveLowerEdges()
    {
        QCOMPARE(LatencyHistogram::bucketOf(0), 0);
        QCOMPARE(LatencyHistogram::bucketOf(1), 1);
        QCOMPARE(LatencyHistogram::bucketOf(3), 3);
        QCOMPARE(LatencyHistogram::bucketOf(5), 4);
        QCOMPARE(LatencyHistogram::bucketOf(99), 10);
        QCOMPARE(LatencyHistogram::bucketOf(100), 11);
        QCOMPARE(LatencyHistogram::bucketOf(62999), 24);
        QCOMPARE(LatencyHistogram::bucketOf(63000), 25);
        QCOMPARE(LatencyHistogram::bucketOf(10'000'000), LatencyHistogram::bucketCount - 1);
        QCOMPARE(LatencyHistogram::columnName(0), QStringLiteral("latency_b00"));
        QCOMPARE(LatencyHistogram::columnName(25), QStringLiteral("latency_b25"));
        // Five buckets per decade above 10 ms: neighbouring bounds differ by at most 1.6x.
        for (std::size_t i = 6; i < LatencyHistogram::upperBounds.size(); ++i)
            QVERIFY(double(LatencyHistogram::upperBounds[i]) /
                        double(LatencyHistogram::upperBounds[i - 1]) <=
                    1.61);
    }

    void emptyHasNoPercentile()
    {
        LatencyHistogram histogram;
        QCOMPARE(histogram.total(), 0);
        QVERIFY(!histogram.percentile(50).has_value());
    }

    void uniformLatenciesComeOutExact()
    {
        LatencyHistogram histogram;
        for (qint64 ms = 1; ms <= 1000; ++ms)
            histogram.add(ms);
        QCOMPARE(histogram.total(), 1000);
        // Nearest rank over 1 … 1000: p50 is the 500th value, p95 the 950th, p99 the 990th.
        QCOMPARE(*histogram.percentile(50, 1000), 500.0);
        QCOMPARE(*histogram.percentile(95, 1000), 950.0);
        QCOMPARE(*histogram.percentile(99, 1000), 990.0);
        QCOMPARE(*histogram.percentile(100, 1000), 1000.0);
    }

    void estimatesStayInsideTheTrueBucketAndUnderTheMaximum()
    {
        LatencyHistogram histogram;
        for (int i = 0; i < 90; ++i)
            histogram.add(20); // bucket 16 … 24
        for (int i = 0; i < 10; ++i)
            histogram.add(700); // bucket 630 … 999
        const double p50 = *histogram.percentile(50, 700);
        QVERIFY2(p50 >= 16 && p50 <= 24, qPrintable(QString::number(p50)));
        QCOMPARE(*histogram.percentile(90, 700), 24.0);
        const double p95 = *histogram.percentile(95, 700);
        QVERIFY2(p95 >= 630 && p95 <= 700, qPrintable(QString::number(p95)));
        // The known maximum caps the estimate; without it the bucket's top is the limit.
        QCOMPARE(*histogram.percentile(100, 700), 700.0);
        const double p99 = *histogram.percentile(99, 700);
        QVERIFY2(p99 >= 630 && p99 < 700, qPrintable(QString::number(p99)));
        QVERIFY(*histogram.percentile(100) > 700.0);
        QVERIFY(*histogram.percentile(99) <= 999.0);
    }

    void openLastBucketIsBoundedByTheMaximum()
    {
        LatencyHistogram histogram;
        histogram.add(70000);
        histogram.add(90000);
        QCOMPARE(*histogram.percentile(100, 90000), 90000.0);
        QCOMPARE(*histogram.percentile(50, 90000), 63000.0);
    }

    void mergedHistogramsGiveThePercentilesOfAllResults()
    {
        LatencyHistogram fast;
        LatencyHistogram slow;
        for (int i = 0; i < 50; ++i) {
            fast.add(2);
            slow.add(2000);
        }
        QCOMPARE(*fast.percentile(99), 2.0);
        LatencyHistogram both = fast;
        both.merge(slow);
        QCOMPARE(both.total(), 100);
        QCOMPARE(*both.percentile(50, 2000), 2.0);
        const double p51 = *both.percentile(51, 2000);
        QVERIFY2(p51 >= 1600 && p51 <= 2000, qPrintable(QString::number(p51)));
        QCOMPARE(both.count(LatencyHistogram::bucketOf(2000)), 50);
    }
};

QTEST_APPLESS_MAIN(TestLatencyHistogram)
#include "test_latency_histogram.moc"
