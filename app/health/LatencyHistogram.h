#pragma once

#include <QString>
#include <QtGlobal>
#include <array>
#include <optional>

namespace ic::health {

// Latencies counted in fixed, log-spaced buckets (five per decade from 10 ms, one per
// millisecond below 4 ms, everything from 63 s up in the last), so rollups merge by adding
// counts and any merge yields percentiles. An estimate is never off by more than its
// bucket's width (about 60 % of the value above 10 ms); values are spread evenly inside a
// bucket, which makes a uniform spread of latencies come out exact.
class LatencyHistogram
{
public:
    static constexpr int bucketCount = 26;
    // Exclusive upper bound in ms of each bucket but the last, which is open.
    static constexpr std::array<qint64, bucketCount - 1> upperBounds{
        1,   2,   3,    4,    6,    10,   16,   25,    40,    63,    100,   160,  250,
        400, 630, 1000, 1600, 2500, 4000, 6300, 10000, 16000, 25000, 40000, 63000};

    static int bucketOf(qint64 latencyMs);
    // The storage column of a bucket in health_rollups: latency_b00 … latency_b25.
    static QString columnName(int bucket);

    void add(qint64 latencyMs) { ++m_counts[std::size_t(bucketOf(latencyMs))]; }
    void merge(const LatencyHistogram &other);
    qint64 count(int bucket) const { return m_counts[std::size_t(bucket)]; }
    void setCount(int bucket, qint64 count) { m_counts[std::size_t(bucket)] = count; }
    qint64 total() const;

    // The latency at or below which `percent` (0 < percent ≤ 100) of the counted results
    // fall, by nearest rank. maxMs, the largest latency actually seen (rollups keep it),
    // caps the estimate and bounds the open last bucket; negative when unknown. Empty when
    // nothing was counted.
    std::optional<double> percentile(double percent, qint64 maxMs = -1) const;

private:
    std::array<qint64, bucketCount> m_counts{};
};

} // namespace ic::health
