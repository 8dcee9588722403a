#include "HealthHistory.h"

#include "core/Ids.h"
#include "storage/Database.h"
#include "storage/Sql.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPromise>
#include <QThreadPool>

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

Uptime uptime(const QSqlDatabase &db, const QString &checkName, std::chrono::hours window,
              const QDateTime &now)
{
    const bool fine = window <= std::chrono::hours(2);
    const QDateTime from = now.addSecs(-qint64(window.count()) * 3600);
    static const QString histogramSums = [] {
        QStringList sums;
        for (int bucket = 0; bucket < LatencyHistogram::bucketCount; ++bucket)
            sums.append(
                QStringLiteral("COALESCE(SUM(%1), 0)").arg(LatencyHistogram::columnName(bucket)));
        return sums.join(QStringLiteral(", "));
    }();
    // Buckets are labelled by their start: the partly covered oldest bucket is left out.
    auto query = sql::exec(
        db,
        QStringLiteral("SELECT COALESCE(SUM(total), 0), COALESCE(SUM(ok), 0), "
                       "COALESCE(SUM(latency_sum), 0), COALESCE(MAX(latency_max), 0), %1 "
                       "FROM health_rollups WHERE check_name = ? AND resolution = ? AND "
                       "bucket_start >= ?")
            .arg(histogramSums),
        {checkName, fine ? QStringLiteral("minute") : QStringLiteral("hour"), toStoredTime(from)});
    Uptime result;
    if (!query || !query->next())
        return result;
    result.total = query->value(0).toLongLong();
    result.ok = query->value(1).toLongLong();
    result.latencyMaxMs = query->value(3).toLongLong();
    for (int bucket = 0; bucket < LatencyHistogram::bucketCount; ++bucket)
        result.latency.setCount(bucket, query->value(4 + bucket).toLongLong());
    if (result.total > 0)
        result.averageLatencyMs = query->value(2).toDouble() / double(result.total);
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

QFuture<QList<Uptime>> uptimesAsync(const QString &databasePath, const QString &checkName)
{
    auto promise = std::make_shared<QPromise<QList<Uptime>>>();
    QFuture<QList<Uptime>> future = promise->future();
    promise->start();
    QThreadPool::globalInstance()->start([promise, databasePath, checkName] {
        QList<Uptime> uptimes;
        {
            QString error;
            const auto database = Database::openAdditional(databasePath, &error);
            if (database) {
                const QDateTime now = QDateTime::currentDateTimeUtc();
                for (const int hours : {1, 24, 24 * 7})
                    uptimes.append(
                        uptime(database->connection(), checkName, std::chrono::hours(hours), now));
            }
        }
        promise->addResult(uptimes);
        promise->finish();
    });
    return future;
}

} // namespace ic::health
