#include "health/probes/PrometheusAnswer.h"

#include <QtTest>

using namespace ic::health;

// Prometheus instant-query answers as the probe receives them.
class TestPrometheusAnswer : public QObject
{
    Q_OBJECT

private:
    static Observation answered(const QByteArray &body)
    {
        Observation observation;
        observation.values.insert(QStringLiteral("[STATUS]"), QStringLiteral("200"));
        observation.message = QStringLiteral("HTTP 200 OK");
        observation.body = body;
        observation.hasBody = true;
        readPrometheusAnswer(observation);
        return observation;
    }

private Q_SLOTS:
    void vectorGivesTheFirstSampleAndTheSeriesCount()
    {
        const Observation seen =
            answered(R"({"status":"success","data":{"resultType":"vector","result":[)"
                     R"({"metric":{"job":"api"},"value":[1732500000.1,"0.25"]},)"
                     R"({"metric":{"job":"web"},"value":[1732500000.1,"0.75"]}]}})");
        QVERIFY(seen.determinate);
        QCOMPARE(seen.values.value(QStringLiteral("[VALUE]")), QStringLiteral("0.25"));
        QCOMPARE(seen.values.value(QStringLiteral("[RESULT_COUNT]")), QStringLiteral("2"));
        QCOMPARE(seen.message, QStringLiteral("value 0.25"));
    }

    void scalarIsRead()
    {
        const Observation seen =
            answered(R"({"status":"success","data":{"resultType":"scalar","result":[1,"3"]}})");
        QVERIFY(seen.determinate);
        QCOMPARE(seen.values.value(QStringLiteral("[VALUE]")), QStringLiteral("3"));
    }

    void unusableAnswersAreIndeterminate_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("message");
        QTest::newRow("query error")
            << QByteArray(R"({"status":"error","errorType":"bad_data","error":"parse error"})")
            << "query failed: bad_data: parse error";
        QTest::newRow("not json") << QByteArray("<html>502 Bad Gateway</html>")
                                  << "not a Prometheus API answer (HTTP 200 OK)";
        QTest::newRow("no samples")
            << QByteArray(R"({"status":"success","data":{"resultType":"vector","result":[]}})")
            << "the query returned no samples";
        QTest::newRow("nan")
            << QByteArray(
                   R"({"status":"success","data":{"resultType":"scalar","result":[1,"NaN"]}})")
            << "the sample is NaN, not a number";
        QTest::newRow("sample not a string")
            << QByteArray(R"({"status":"success","data":{"resultType":"scalar","result":[1,2]}})")
            << "the sample is missing, not a number";
        QTest::newRow("matrix")
            << QByteArray(R"({"status":"success","data":{"resultType":"matrix","result":[]}})")
            << "the query returned a matrix; use an instant vector or scalar";
    }
    void unusableAnswersAreIndeterminate()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, message);
        const Observation seen = answered(body);
        QVERIFY(!seen.determinate);
        QCOMPARE(seen.message, message);
        QVERIFY(!seen.values.contains(QStringLiteral("[VALUE]")));
    }

    void noHttpAnswerMeansPrometheusIsUnreachable()
    {
        Observation observation;
        observation.message = QStringLiteral("Connection refused");
        readPrometheusAnswer(observation);
        QVERIFY(!observation.determinate);
        QCOMPARE(observation.message, QStringLiteral("Prometheus unreachable: Connection refused"));
    }
};

QTEST_GUILESS_MAIN(TestPrometheusAnswer)
#include "test_prometheus_answer.moc"
