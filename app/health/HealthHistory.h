#pragma once

#include "HealthTypes.h"
#include "LatencyHistogram.h"

#include <QSqlDatabase>
#include <array>
#include <chrono>

namespace ic::health {

struct Uptime
{
    qint64 total = 0;
    qint64 ok = 0;
    qint64 latencyMaxMs = 0;
    double averageLatencyMs = 0;
    // Rollups written before the histogram existed count in total but not here.
    LatencyHistogram latency;
    // Share of OK results, 0-100; nothing measured yet gives -1.
    double percent() const { return total > 0 ? ok * 100.0 / double(total) : -1.0; }
    // p50, p95, p99 … of the latency in ms; empty without any counted latency.
    std::optional<double> latencyPercentile(double percent) const
    {
        return latency.percentile(percent, latencyMaxMs);
    }
};

// Uptime and latency (average, maximum, percentiles from the merged histograms) over the
// last window, from the rollups (minute buckets up to two hours, hour buckets beyond), so
// 7 days cost 168 rows, not 60,000 raw results.
Uptime uptime(const QSqlDatabase &db, const QString &checkName, std::chrono::hours window,
              const QDateTime &now);

// The newest raw results of a check, newest first (at most the ring size).
QList<CheckResult> recentResults(const QSqlDatabase &db, const QString &checkName, int limit);

// One whole hour of a check's history, labelled by its start.
struct HourOfHistory
{
    QDateTime start;
    Uptime stats;
};

// The hour rollups of the last `hours` hours (the current, partial hour included), oldest
// first; hours without any result are absent.
QList<HourOfHistory> hourlyHistory(const QSqlDatabase &db, const QString &checkName, int hours,
                                   const QDateTime &now);

// What the detail view shows of the history: uptime over 1 h, 24 h and 7 d, and the last day
// hour by hour for its chart.
struct CheckHistory
{
    // False when the database could not be opened.
    bool available = false;
    QList<Uptime> windows;
    QList<HourOfHistory> lastDay;
};

// Reads the CheckHistory with a connection of its own. It waits on the database: run it off
// the UI thread (runAsync).
CheckHistory readHistory(const QString &databasePath, const QString &checkName);

} // namespace ic::health
