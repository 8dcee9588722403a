#include "HealthTestSupport.h"
#include "health/HistoryWriter.h"
#include "health/ResultLimits.h"
#include "storage/Database.h"
#include "storage/Sql.h"

#include <QTemporaryDir>

using namespace ic;
using namespace ic::health;
using ic::test::checkFrom;
using ic::test::describe;
using ic::test::runOnce;

// Whatever a server answers, a stored result stays small, so the per-check history bound of
// README.md ("Health checks") holds: a 1 MB body compared by [BODY] conditions, a plugin that
// prints a megabyte on one line.
class TestBoundedResults : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QProcess m_http;
    int m_port = 0;

    // README.md's bound for one stored raw row: the fixed columns, the message, and per
    // condition its JSON keys, its text twice (condition and resolved) and two values.
    static qsizetype rowBound(const CheckResult &result)
    {
        qsizetype bound = 100 + maxMessageBytes;
        for (const ConditionResult &condition : result.conditions)
            bound += 50 + 2 * condition.condition.toUtf8().size() + 2 * maxResolvedValueBytes;
        return bound;
    }

    static void expectSmall(const CheckResult &result)
    {
        QVERIFY2(result.message.toUtf8().size() <= maxMessageBytes, qPrintable(result.message));
        for (const ConditionResult &condition : result.conditions) {
            QVERIFY2(condition.resolved.toUtf8().size() <=
                         condition.condition.toUtf8().size() + 2 * (maxResolvedValueBytes + 3),
                     qPrintable(condition.resolved));
            QVERIFY2(condition.reason.toUtf8().size() <= maxMessageBytes,
                     qPrintable(condition.reason));
        }
    }

    // Stores result as often as the raw ring holds and returns the bytes its rows keep.
    qint64 storedRingBytes(const CheckResult &result)
    {
        const QString path = m_dir.filePath(result.name + QStringLiteral(".db"));
        DatabaseOpenResult opened;
        auto database = Database::open(path, &opened);
        if (!database)
            return -1;
        const HistoryLimits limits;
        {
            HistoryWriter writer(path, limits);
            CheckResult stored = result;
            for (int i = 0; i < limits.ringSize; ++i) {
                stored.checkedAt = QDateTime::currentDateTimeUtc().addSecs(i - limits.ringSize);
                writer.append(stored);
            }
            writer.flush();
        }
        return sql::scalar(database->connection(),
                           QStringLiteral("SELECT SUM(LENGTH(CAST(message AS BLOB)) + "
                                          "LENGTH(CAST(conditions AS BLOB)) + LENGTH(check_name) + "
                                          "LENGTH(checked_at) + LENGTH(state) + 24) "
                                          "FROM health_results"))
            .toLongLong();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_port = test::startHealthServer(m_http, QFINDTESTDATA("health_server.py"));
        QVERIFY(m_port > 0);
    }

    void cleanupTestCase()
    {
        m_http.kill();
        m_http.waitForFinished();
    }

    void megabyteBodyWithBodyConditions()
    {
        const CheckResult result = runOnce(checkFrom(
            QStringLiteral("{name: big, type: http, url: \"http://127.0.0.1:%1/megabyte\", "
                           "keyword: NEEDLE, conditions: [\"[BODY] == UP\", "
                           "\"len([BODY]) == 1048576\"]}")
                .arg(m_port)));
        QVERIFY2(result.state == State::Crit, qPrintable(describe(result)));
        QCOMPARE(result.conditions.size(), 3);
        QVERIFY2(result.conditions.at(1).success, qPrintable(describe(result)));
        expectSmall(result);
        QCOMPARE(result.conditions.at(2).resolved,
                 QStringLiteral("[BODY] (%1…(1048576 bytes)) == pat(*NEEDLE*)")
                     .arg(QString(46, QLatin1Char('x'))));
        const qint64 stored = storedRingBytes(result);
        QVERIFY2(stored > 0 && stored <= HistoryLimits{}.ringSize * rowBound(result),
                 qPrintable(QString::number(stored)));
    }

    void megabyteOnOnePluginLine()
    {
        const CheckResult result = runOnce(checkFrom(QStringLiteral(
            "{name: chatty, type: command, command: [python3, -c, \"import sys; "
            "sys.stdout.write('y' * 1048576)\"], conditions: [\"[OUTPUT] == fine\"]}")));
        QVERIFY2(result.state == State::Crit, qPrintable(describe(result)));
        expectSmall(result);
        QVERIFY2(result.message.endsWith(QStringLiteral(" bytes)")), qPrintable(result.message));
        const qint64 stored = storedRingBytes(result);
        QVERIFY2(stored > 0 && stored <= HistoryLimits{}.ringSize * rowBound(result),
                 qPrintable(QString::number(stored)));
    }
};

QTEST_GUILESS_MAIN(TestBoundedResults)
#include "test_bounded_results.moc"
