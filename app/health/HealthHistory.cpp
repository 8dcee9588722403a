#include "HealthHistory.h"

#include "core/Ids.h"
#include "storage/Database.h"
#include "storage/Sql.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

namespace ic::health {
namespace {

State stateFromName(const QString &name)
{
    for (State state : {State::Ok, State::Warn, State::Crit, State::Unknown, State::Stale}) {
        if (stateName(state) == name)
            return state;
    }
    return State::Unknown;
}

} // namespace

namespace {

// The histogram's columns, each wrapped in `pattern` (%1 is the column).
QString histogramColumns(const QString &pattern)
{
    QStringList columns;
    for (int bucket = 0; bucket < LatencyHistogram::bucketCount; ++bucket)
        columns.append(pattern.arg(LatencyHistogram::columnName(bucket)));
    return columns.join(QStringLiteral(", "));
}

// Reads total, ok, latency sum, latency max and the histogram from the query's current row,
// starting at column `first`.
Uptime statsAt(const QSqlQuery &query, int first)
{
    Uptime stats;
    stats.total = query.value(first).toLongLong();
    stats.ok = query.value(first + 1).toLongLong();
    stats.latencyMaxMs = query.value(first + 3).toLongLong();
    for (int bucket = 0; bucket < LatencyHistogram::bucketCount; ++bucket)
        stats.latency.setCount(bucket, query.value(first + 4 + bucket).toLongLong());
    if (stats.total > 0)
        stats.averageLatencyMs = query.value(first + 2).toDouble() / double(stats.total);
    return stats;
}

} // namespace

Uptime uptime(const QSqlDatabase &db, const QString &checkName, std::chrono::hours window,
              const QDateTime &now)
{
    const bool fine = window <= std::chrono::hours(2);
    const QDateTime from = now.addSecs(-qint64(window.count()) * 3600);
    static const QString histogramSums = histogramColumns(QStringLiteral("COALESCE(SUM(%1), 0)"));
    // Buckets are labelled by their start: the partly covered oldest bucket is left out.
    auto query = sql::exec(
        db,
        QStringLiteral("SELECT COALESCE(SUM(total), 0), COALESCE(SUM(ok), 0), "
                       "COALESCE(SUM(latency_sum), 0), COALESCE(MAX(latency_max), 0), %1 "
                       "FROM health_rollups WHERE check_name = ? AND resolution = ? AND "
                       "bucket_start >= ?")
            .arg(histogramSums),
        {checkName, fine ? QStringLiteral("minute") : QStringLiteral("hour"), toStoredTime(from)});
    if (!query || !query->next())
        return {};
    return statsAt(*query, 0);
}

QList<HourOfHistory> hourlyHistory(const QSqlDatabase &db, const QString &checkName, int hours,
                                   const QDateTime &now)
{
    static const QString histogram = histogramColumns(QStringLiteral("%1"));
    // The oldest hour shown is the one `hours - 1` before the current hour.
    const QDateTime utc = now.toUTC();
    const QDateTime currentHour = QDateTime(utc.date(), QTime(utc.time().hour(), 0), Qt::UTC);
    auto query = sql::exec(
        db,
        // security-check: allow %1 is the fixed list of histogram columns, never a value
        QStringLiteral("SELECT bucket_start, total, ok, latency_sum, latency_max, %1 "
                       "FROM health_rollups WHERE check_name = ? AND resolution = 'hour' AND "
                       "bucket_start >= ? ORDER BY bucket_start")
            .arg(histogram),
        {checkName, toStoredTime(currentHour.addSecs(-qint64(hours - 1) * 3600))});
    QList<HourOfHistory> result;
    while (query && query->next())
        result.append({fromStoredTime(query->value(0).toString()), statsAt(*query, 1)});
    return result;
}

QList<CheckResult> recentResults(const QSqlDatabase &db, const QString &checkName, int limit)
{
    QList<CheckResult> results;
    auto query = sql::exec(db,
                           QStringLiteral("SELECT checked_at, state, latency_ms, message, "
                                          "conditions FROM health_results WHERE check_name = ? "
                                          "ORDER BY seq DESC LIMIT ?"),
                           {checkName, limit});
    if (!query)
        return results;
    while (query->next()) {
        CheckResult result;
        result.name = checkName;
        result.checkedAt = fromStoredTime(query->value(0).toString());
        result.state = stateFromName(query->value(1).toString());
        result.latencyMs = query->value(2).toLongLong();
        result.message = query->value(3).toString();
        const QJsonArray conditions =
            QJsonDocument::fromJson(query->value(4).toString().toUtf8()).array();
        for (const QJsonValue &value : conditions) {
            const QJsonObject object = value.toObject();
            ConditionResult condition;
            condition.condition = object.value(QStringLiteral("condition")).toString();
            condition.resolved = object.value(QStringLiteral("resolved")).toString();
            condition.success = object.value(QStringLiteral("success")).toBool();
            result.conditions.append(condition);
        }
        results.append(result);
    }
    return results;
}

CheckHistory readHistory(const QString &databasePath, const QString &checkName)
{
    CheckHistory history;
    QString error;
    const auto database = Database::openAdditional(databasePath, &error);
    if (!database)
        return history;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    history.available = true;
    for (const int hours : {1, 24, 24 * 7})
        history.windows.append(
            uptime(database->connection(), checkName, std::chrono::hours(hours), now));
    history.lastDay = hourlyHistory(database->connection(), checkName, 24, now);
    return history;
}

} // namespace ic::health
