#include "LatencyHistogram.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace ic::health {

int LatencyHistogram::bucketOf(qint64 latencyMs)
{
    const auto it = std::upper_bound(upperBounds.begin(), upperBounds.end(), latencyMs);
    return int(it - upperBounds.begin());
}

QString LatencyHistogram::columnName(int bucket)
{
    return QStringLiteral("latency_b%1").arg(bucket, 2, 10, QLatin1Char('0'));
}

void LatencyHistogram::merge(const LatencyHistogram &other)
{
    for (std::size_t i = 0; i < m_counts.size(); ++i)
        m_counts[i] += other.m_counts[i];
}

qint64 LatencyHistogram::total() const
{
    return std::accumulate(m_counts.begin(), m_counts.end(), qint64(0));
}

std::optional<double> LatencyHistogram::percentile(double percent, qint64 maxMs) const
{
    const qint64 n = total();
    if (n == 0)
        return std::nullopt;
    const auto rank =
        std::clamp<qint64>(qint64(std::ceil(percent / 100.0 * double(n) - 1e-9)), 1, n);
    qint64 before = 0;
    for (int bucket = 0; bucket < bucketCount; ++bucket) {
        const qint64 inBucket = m_counts[std::size_t(bucket)];
        if (before + inBucket < rank) {
            before += inBucket;
            continue;
        }
        // Latencies are whole milliseconds: the bucket holds lower … upper - 1.
        const double lower = bucket == 0 ? 0.0 : double(upperBounds[std::size_t(bucket - 1)]);
        double highest = bucket < bucketCount - 1 ? double(upperBounds[std::size_t(bucket)] - 1)
                                                  : std::max(lower, double(maxMs));
        if (maxMs >= 0)
            highest = std::clamp(double(maxMs), lower, highest);
        // A lone value in the bucket of the maximum is the maximum; elsewhere the middle of
        // the bucket is the guess that is off by the least.
        const bool holdsMaximum = maxMs >= 0 && bucketOf(maxMs) == bucket;
        const double position = inBucket > 1   ? double(rank - before - 1) / double(inBucket - 1)
                                : holdsMaximum ? 1.0
                                               : 0.5;
        const double estimate = lower + (highest - lower) * position;
        return maxMs >= 0 ? std::min(estimate, double(maxMs)) : estimate;
    }
    return std::nullopt;
}

} // namespace ic::health
