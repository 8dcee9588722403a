#include "HistoryWorker.h"

#include "LatencyHistogram.h"
#include "core/Ids.h"
#include "core/Logging.h"
#include "storage/Database.h"
#include "storage/Sql.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <map>

namespace ic::health {
namespace {

constexpr int flushIntervalMs = 1000;
constexpr qint64 pruneEverySeconds = 600;

struct Rollup
{
    qint64 total = 0;
    qint64 ok = 0;
    qint64 warn = 0;
    qint64 crit = 0;
    qint64 unknown = 0;
    qint64 latencySum = 0;
    qint64 latencyMax = 0;
    LatencyHistogram latency;
};

// The rollup upsert: counts and histogram buckets add up, the maximum stays the maximum.
QString rollupUpsertSql()
{
    QStringList columns{QStringLiteral("check_name"),   QStringLiteral("resolution"),
                        QStringLiteral("bucket_start"), QStringLiteral("total"),
                        QStringLiteral("ok"),           QStringLiteral("warn"),
                        QStringLiteral("crit"),         QStringLiteral("unknown"),
                        QStringLiteral("latency_sum"),  QStringLiteral("latency_max")};
    QStringList added{QStringLiteral("total"),   QStringLiteral("ok"),
                      QStringLiteral("warn"),    QStringLiteral("crit"),
                      QStringLiteral("unknown"), QStringLiteral("latency_sum")};
    for (int bucket = 0; bucket < LatencyHistogram::bucketCount; ++bucket) {
        columns.append(LatencyHistogram::columnName(bucket));
        added.append(LatencyHistogram::columnName(bucket));
    }
    QStringList updates;
    for (const QString &column : added)
        updates.append(QStringLiteral("%1 = %1 + excluded.%1").arg(column));
    updates.append(QStringLiteral("latency_max = max(latency_max, excluded.latency_max)"));
    QStringList marks;
    for (qsizetype i = 0; i < columns.size(); ++i)
        marks.append(QStringLiteral("?"));
    // security-check: allow fixed column names from LatencyHistogram; every value is bound
    return QStringLiteral("INSERT INTO health_rollups (%1) VALUES (%2) " // security-check: allow
                          "ON CONFLICT (check_name, resolution, bucket_start) DO UPDATE SET %3")
        .arg(columns.join(QStringLiteral(", ")), marks.join(QStringLiteral(", ")),
             updates.join(QStringLiteral(", ")));
}

QString bucketStart(const QDateTime &at, const QString &resolution)
{
    const QDateTime utc = at.toUTC();
    if (resolution == QLatin1String("minute"))
        return toStoredTime(
            QDateTime(utc.date(), QTime(utc.time().hour(), utc.time().minute()), Qt::UTC));
    if (resolution == QLatin1String("hour"))
        return toStoredTime(QDateTime(utc.date(), QTime(utc.time().hour(), 0), Qt::UTC));
    return toStoredTime(QDateTime(utc.date(), QTime(0, 0), Qt::UTC));
}

QString conditionsJson(const QList<ConditionResult> &conditions)
{
    QJsonArray array;
    for (const ConditionResult &condition : conditions)
        array.append(QJsonObject{{QStringLiteral("condition"), condition.condition},
                                 {QStringLiteral("resolved"), condition.resolved},
                                 {QStringLiteral("success"), condition.success}});
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

} // namespace

HistoryWorker::HistoryWorker(QString databasePath, HistoryLimits limits)
    : m_path(std::move(databasePath)), m_limits(limits)
{}

HistoryWorker::~HistoryWorker() = default;

void HistoryWorker::enqueue(const CheckResult &result)
{
    const QMutexLocker lock(&m_mutex);
    m_pending.append(result);
}

void HistoryWorker::enqueueGap(const PendingGap &gap)
{
    const QMutexLocker lock(&m_mutex);
    m_pendingGaps.append(gap);
}

void HistoryWorker::open()
{
    QString error;
    m_database = Database::openAdditional(m_path, &error);
    if (!m_database) {
        log::get(log::Health)->error("health history disabled: {}", error.toStdString());
        Q_EMIT writeFailed(error);
        return;
    }
    m_timer = new QTimer(this);
    m_timer->setInterval(flushIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &HistoryWorker::flush);
    m_timer->start();
}

void HistoryWorker::close()
{
    flush();
    delete m_timer;
    m_timer = nullptr;
    m_database.reset();
}

void HistoryWorker::flush()
{
    QList<CheckResult> results;
    QList<PendingGap> gaps;
    {
        const QMutexLocker lock(&m_mutex);
        results.swap(m_pending);
        gaps.swap(m_pendingGaps);
    }
    if (!m_database || (results.isEmpty() && gaps.isEmpty()))
        return;
    QString error;
    if (!writeBatch(results, gaps, &error)) {
        log::get(log::Health)->error("cannot write health history: {}", error.toStdString());
        Q_EMIT writeFailed(error);
    }
}

qint64 HistoryWorker::nextSeq(const QString &name)
{
    auto it = m_seq.find(name);
    if (it == m_seq.end()) {
        const QVariant last = sql::scalar(
            m_database->connection(),
            QStringLiteral("SELECT MAX(seq) FROM health_results WHERE check_name = ?"), {name});
        it = m_seq.insert(name, last.isNull() ? 0 : last.toLongLong());
    }
    return ++*it;
}

bool HistoryWorker::writeBatch(const QList<CheckResult> &results, const QList<PendingGap> &gaps,
                               QString *error)
{
    const QSqlDatabase db = m_database->connection();
    sql::WriteTransaction transaction(db);
    if (!transaction.isActive()) {
        *error = transaction.error();
        return false;
    }
    QSqlQuery ring(db);
    ring.prepare(QStringLiteral(
        "INSERT INTO health_results (check_name, slot, seq, checked_at, state, latency_ms, "
        "message, conditions) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (check_name, slot) DO UPDATE SET seq = excluded.seq, "
        "checked_at = excluded.checked_at, state = excluded.state, "
        "latency_ms = excluded.latency_ms, message = excluded.message, "
        "conditions = excluded.conditions"));
    std::map<std::tuple<QString, QString, QString>, Rollup> rollups;
    const QStringList resolutions{QStringLiteral("minute"), QStringLiteral("hour"),
                                  QStringLiteral("day")};
    for (const CheckResult &result : results) {
        const qint64 seq = nextSeq(result.name);
        for (const QVariant &value :
             {QVariant(result.name), QVariant(seq % m_limits.ringSize), QVariant(seq),
              QVariant(toStoredTime(result.checkedAt)), QVariant(stateName(result.state)),
              QVariant(result.latencyMs), QVariant(result.message),
              QVariant(conditionsJson(result.conditions))})
            ring.addBindValue(value);
        if (!ring.exec()) {
            *error = ring.lastError().text();
            return false;
        }
        for (const QString &resolution : resolutions) {
            Rollup &rollup =
                rollups[{result.name, resolution, bucketStart(result.checkedAt, resolution)}];
            ++rollup.total;
            rollup.ok += result.state == State::Ok;
            rollup.warn += result.state == State::Warn;
            rollup.crit += result.state == State::Crit;
            rollup.unknown += result.state == State::Unknown || result.state == State::Stale;
            rollup.latencySum += result.latencyMs;
            rollup.latencyMax = std::max(rollup.latencyMax, result.latencyMs);
            rollup.latency.add(result.latencyMs);
        }
    }
    QSqlQuery upsert(db);
    static const QString upsertSql = rollupUpsertSql();
    upsert.prepare(upsertSql);
    for (auto it = rollups.begin(); it != rollups.end(); ++it) {
        const auto &[name, resolution, bucket] = it->first;
        const Rollup &rollup = it->second;
        for (const QVariant &value :
             {QVariant(name), QVariant(resolution), QVariant(bucket), QVariant(rollup.total),
              QVariant(rollup.ok), QVariant(rollup.warn), QVariant(rollup.crit),
              QVariant(rollup.unknown), QVariant(rollup.latencySum), QVariant(rollup.latencyMax)})
            upsert.addBindValue(value);
        for (int bucket = 0; bucket < LatencyHistogram::bucketCount; ++bucket)
            upsert.addBindValue(rollup.latency.count(bucket));
        if (!upsert.exec()) {
            *error = upsert.lastError().text();
            return false;
        }
    }
    for (const PendingGap &gap : gaps) {
        if (!sql::exec(db,
                       QStringLiteral("INSERT INTO health_gaps (started_at, ended_at, reason) "
                                      "VALUES (?, ?, ?)"),
                       {toStoredTime(gap.from), toStoredTime(gap.to), gap.reason}, error))
            return false;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!m_lastPrune.isValid() || m_lastPrune.secsTo(now) >= pruneEverySeconds) {
        if (!prune(error))
            return false;
        m_lastPrune = now;
    }
    if (!transaction.commit()) {
        *error = transaction.error();
        return false;
    }
    return true;
}

bool HistoryWorker::prune(QString *error)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QList<std::pair<QString, std::chrono::hours>> retention{
        {QStringLiteral("minute"), m_limits.minuteRetention},
        {QStringLiteral("hour"), m_limits.hourRetention},
        {QStringLiteral("day"), m_limits.dayRetention}};
    for (const auto &[resolution, keep] : retention) {
        const QString cutoff = toStoredTime(now.addSecs(-qint64(keep.count()) * 3600));
        if (!sql::exec(m_database->connection(),
                       QStringLiteral("DELETE FROM health_rollups WHERE resolution = ? AND "
                                      "bucket_start < ?"),
                       {resolution, cutoff}, error))
            return false;
    }
    return sql::exec(m_database->connection(),
                     QStringLiteral("DELETE FROM health_gaps WHERE ended_at < ?"),
                     {toStoredTime(now.addDays(-400))}, error)
        .has_value();
}

} // namespace ic::health
