#include "core/Ids.h"
#include "health/HealthHistory.h"
#include "health/HistoryWriter.h"
#include "storage/Database.h"
#include "storage/Sql.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace ic;
using namespace ic::health;

// The history writer thread: bounded raw ring, rollups and uptime read from them.
class TestHealthHistory : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    static CheckResult result(const QString &name, State state, qint64 latency, const QDateTime &at)
    {
        CheckResult r;
        r.name = name;
        r.type = QStringLiteral("tcp");
        r.state = state;
        r.latencyMs = latency;
        r.checkedAt = at;
        r.message = QStringLiteral("m");
        r.conditions.append({QStringLiteral("[CONNECTED] == true"),
                             QStringLiteral("[CONNECTED] (true) == true"),
                             true,
                             false,
                             {}});
        return r;
    }

private Q_SLOTS:
    void ringStaysBoundedAndRollupsAddUp()
    {
        const QString path = m_dir.filePath(QStringLiteral("console.db"));
        DatabaseOpenResult opened;
        auto database = Database::open(path, &opened);
        QVERIFY2(database, qPrintable(opened.message));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        {
            HistoryLimits limits;
            limits.ringSize = 10;
            HistoryWriter writer(path, limits);
            // 90 results over the last 45 minutes: 60 OK, 30 CRIT.
            for (int i = 0; i < 90; ++i)
                writer.append(result(QStringLiteral("api"), i % 3 == 0 ? State::Crit : State::Ok,
                                     10 + i, now.addSecs(-30 * (89 - i))));
            writer.append(result(QStringLiteral("db"), State::Ok, 5, now));
            writer.flush();
        }
        const QSqlDatabase db = database->connection();
        QCOMPARE(sql::scalar(db, QStringLiteral("SELECT COUNT(*) FROM health_results WHERE "
                                                "check_name = 'api'"))
                     .toInt(),
                 10);
        const QList<CheckResult> recent = recentResults(db, QStringLiteral("api"), 5);
        QCOMPARE(recent.size(), 5);
        QCOMPARE(recent.first().latencyMs, 99);
        QCOMPARE(recent.first().conditions.first().resolved,
                 QStringLiteral("[CONNECTED] (true) == true"));
        const Uptime hour = uptime(db, QStringLiteral("api"), std::chrono::hours(1), now);
        QCOMPARE(hour.total, 90);
        QCOMPARE(hour.ok, 60);
        QCOMPARE(hour.latencyMaxMs, 99);
        QVERIFY(qAbs(hour.percent() - 66.666) < 0.01);
        // Latencies 10 … 99 ms, one each: the stored histograms merge into their percentiles.
        QCOMPARE(hour.latency.total(), 90);
        QCOMPARE(*hour.latencyPercentile(50), 54.0);
        QCOMPARE(*hour.latencyPercentile(99), 99.0);
        const double p95 = *hour.latencyPercentile(95);
        QVERIFY2(p95 >= 63 && p95 <= 99, qPrintable(QString::number(p95)));
        const Uptime week = uptime(db, QStringLiteral("api"), std::chrono::hours(24 * 7), now);
        QCOMPARE(week.total, 90);
        QCOMPARE(week.latency.total(), 90);
        QCOMPARE(*week.latencyPercentile(50), 54.0);
        QVERIFY(!uptime(db, QStringLiteral("none"), std::chrono::hours(1), now)
                     .latencyPercentile(50)
                     .has_value());
        QCOMPARE(uptime(db, QStringLiteral("none"), std::chrono::hours(1), now).percent(), -1.0);

        // A second writer continues the ring where the first stopped.
        {
            HistoryLimits limits;
            limits.ringSize = 10;
            HistoryWriter writer(path, limits);
            writer.append(result(QStringLiteral("api"), State::Warn, 500, now));
            writer.flush();
        }
        // Its result adds to the same rollup rows' histograms instead of replacing them.
        const Uptime after = uptime(db, QStringLiteral("api"), std::chrono::hours(1), now);
        QCOMPARE(after.latency.total(), 91);
        QCOMPARE(*after.latencyPercentile(100), 500.0);
        QCOMPARE(recentResults(db, QStringLiteral("api"), 1).first().state, State::Warn);
        QCOMPARE(sql::scalar(db, QStringLiteral("SELECT COUNT(*) FROM health_results WHERE "
                                                "check_name = 'api'"))
                     .toInt(),
                 10);
    }

    void hourlyHistoryListsTheLastDayOldestFirst()
    {
        const QString path = m_dir.filePath(QStringLiteral("hourly.db"));
        DatabaseOpenResult opened;
        auto database = Database::open(path, &opened);
        QVERIFY(database);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QDateTime hourStart(now.date(), QTime(now.time().hour(), 0), Qt::UTC);
        {
            HistoryWriter writer(path);
            // Two days ago: outside the chart. Three hours ago: 1 of 2 OK. Now: 3 OK.
            writer.append(result(QStringLiteral("api"), State::Ok, 7, now.addDays(-2)));
            writer.append(result(QStringLiteral("api"), State::Ok, 20, hourStart.addSecs(-10800)));
            writer.append(
                result(QStringLiteral("api"), State::Crit, 40, hourStart.addSecs(-10800 + 60)));
            for (int i = 0; i < 3; ++i)
                writer.append(result(QStringLiteral("api"), State::Ok, 5, now.addSecs(-i)));
            writer.append(result(QStringLiteral("other"), State::Crit, 5, now));
            writer.flush();
        }
        const QList<HourOfHistory> day =
            hourlyHistory(database->connection(), QStringLiteral("api"), 24, now);
        QCOMPARE(day.size(), 2);
        QCOMPARE(day.at(0).start, hourStart.addSecs(-10800));
        QCOMPARE(day.at(0).stats.total, 2);
        QCOMPARE(day.at(0).stats.ok, 1);
        QCOMPARE(day.at(0).stats.latencyMaxMs, 40);
        QCOMPARE(day.at(0).stats.latency.total(), 2);
        QCOMPARE(day.at(1).start, hourStart);
        QCOMPARE(day.at(1).stats.total, 3);
        QCOMPARE(day.at(1).stats.percent(), 100.0);
        QVERIFY(hourlyHistory(database->connection(), QStringLiteral("none"), 24, now).isEmpty());
    }

    void oldRollupsArePruned()
    {
        const QString path = m_dir.filePath(QStringLiteral("prune.db"));
        DatabaseOpenResult opened;
        auto database = Database::open(path, &opened);
        QVERIFY(database);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        {
            HistoryWriter writer(path);
            writer.append(result(QStringLiteral("old"), State::Ok, 1, now.addDays(-3)));
            writer.append(result(QStringLiteral("old"), State::Ok, 1, now));
            writer.flush();
        }
        const QSqlDatabase db = database->connection();
        // The 3-day-old minute bucket is gone; its hour and day buckets stay.
        QCOMPARE(sql::scalar(db, QStringLiteral("SELECT COUNT(*) FROM health_rollups WHERE "
                                                "resolution = 'minute'"))
                     .toInt(),
                 1);
        QCOMPARE(sql::scalar(db, QStringLiteral("SELECT COUNT(*) FROM health_rollups WHERE "
                                                "resolution = 'hour'"))
                     .toInt(),
                 2);
    }
};

QTEST_GUILESS_MAIN(TestHealthHistory)
#include "test_health_history.moc"
