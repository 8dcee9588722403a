#include "health/Conditions.h"

#include <QtTest>

using namespace ic::health;

// The Gatus condition language, including the cases where Gatus itself goes wrong.
class TestConditions : public QObject
{
    Q_OBJECT

private:
    static Observation httpAnswer(int status, const QByteArray &body, qint64 latencyMs = 120)
    {
        Observation observation;
        observation.values.insert(QStringLiteral("[STATUS]"), QString::number(status));
        observation.values.insert(QStringLiteral("[RESPONSE_TIME]"), QString::number(latencyMs));
        observation.values.insert(QStringLiteral("[CONNECTED]"), QStringLiteral("true"));
        observation.body = body;
        observation.hasBody = true;
        return observation;
    }

    static ConditionResult eval(const QString &text, const Observation &observation)
    {
        return evaluateCondition({text, false}, observation);
    }

private Q_SLOTS:
    void statusComparisonKeepsTheResolvedForm()
    {
        const ConditionResult failed = eval(QStringLiteral("[STATUS] == 200"), httpAnswer(503, {}));
        QVERIFY(!failed.success);
        QCOMPARE(failed.resolved, QStringLiteral("[STATUS] (503) == 200"));
        QVERIFY(eval(QStringLiteral("[STATUS] == 200"), httpAnswer(200, {})).success);
        QVERIFY(eval(QStringLiteral("[STATUS] != 500"), httpAnswer(200, {})).success);
    }

    void everyOperator_data()
    {
        QTest::addColumn<QString>("condition");
        QTest::addColumn<bool>("expected");
        QTest::newRow("<") << QStringLiteral("[RESPONSE_TIME] < 300") << true;
        QTest::newRow("<= equal") << QStringLiteral("[RESPONSE_TIME] <= 120") << true;
        QTest::newRow(">") << QStringLiteral("[RESPONSE_TIME] > 120") << false;
        QTest::newRow(">=") << QStringLiteral("[RESPONSE_TIME] >= 120") << true;
        QTest::newRow("duration unit") << QStringLiteral("[RESPONSE_TIME] < 1s") << true;
        QTest::newRow("duration unit fails") << QStringLiteral("[RESPONSE_TIME] < 100ms") << false;
    }
    void everyOperator()
    {
        QFETCH(QString, condition);
        QFETCH(bool, expected);
        QCOMPARE(eval(condition, httpAnswer(200, {})).success, expected);
    }

    void jsonPathsArraysAndFunctions()
    {
        const Observation answer = httpAnswer(
            200, R"({"status":"UP","items":[{"id":1,"name":"api-eu"},{"id":2}],"ratio":0.5})");
        QVERIFY(eval(QStringLiteral("[BODY].status == UP"), answer).success);
        QVERIFY(!eval(QStringLiteral("[BODY].status == DOWN"), answer).success);
        QVERIFY(eval(QStringLiteral("[BODY].items[0].id == 1"), answer).success);
        QVERIFY(eval(QStringLiteral("[BODY].items[1].id == 2"), answer).success);
        QVERIFY(eval(QStringLiteral("len([BODY].items) > 0"), answer).success);
        QCOMPARE(eval(QStringLiteral("len([BODY].items) == 2"), answer).resolved,
                 QStringLiteral("len([BODY].items) (2) == 2"));
        QVERIFY(eval(QStringLiteral("has([BODY].ratio) == true"), answer).success);
        QVERIFY(eval(QStringLiteral("has([BODY].missing) == false"), answer).success);
        QVERIFY(eval(QStringLiteral("[BODY].items[0].name == pat(api-*)"), answer).success);
        QVERIFY(!eval(QStringLiteral("[BODY].items[0].name == pat(web-*)"), answer).success);
        QVERIFY(eval(QStringLiteral("[BODY] == pat(*\"UP\"*)"), answer).success);
        QVERIFY(eval(QStringLiteral("[BODY] == re(\"status\":\\s*\"UP\")"), answer).success);
    }

    // Gatus truncates 0.5 to 0, so "[BODY].ratio > 0" would fail there.
    void decimalsAreRealNumbers()
    {
        const Observation answer = httpAnswer(200, R"({"ratio":0.5,"rate":0.049})");
        QVERIFY(eval(QStringLiteral("[BODY].ratio > 0"), answer).success);
        QVERIFY(eval(QStringLiteral("[BODY].ratio == 0.5"), answer).success);
        QVERIFY(!eval(QStringLiteral("[BODY].ratio < 0.5"), answer).success);
        QVERIFY(eval(QStringLiteral("[BODY].rate < 0.05"), answer).success);
        Observation prometheus;
        prometheus.values.insert(QStringLiteral("[VALUE]"), QStringLiteral("0.051"));
        QVERIFY(!eval(QStringLiteral("[VALUE] < 0.05"), prometheus).success);
        prometheus.values.insert(QStringLiteral("[VALUE]"), QStringLiteral("0.0499"));
        QVERIFY(eval(QStringLiteral("[VALUE] < 0.05"), prometheus).success);
    }

    void durationsKeepTheirUnits()
    {
        Observation tls;
        const qint64 threeDays = 3LL * 24 * 3600 * 1000;
        tls.values.insert(QStringLiteral("[CERTIFICATE_EXPIRATION]"), QString::number(threeDays));
        QVERIFY(eval(QStringLiteral("[CERTIFICATE_EXPIRATION] > 48h"), tls).success);
        QVERIFY(!eval(QStringLiteral("[CERTIFICATE_EXPIRATION] > 7d"), tls).success);
        QVERIFY(eval(QStringLiteral("[CERTIFICATE_EXPIRATION] > 71h30m"), tls).success);
    }

    void unparsableValuesFailWithAReason()
    {
        const Observation answer = httpAnswer(200, R"({"value":"abc"})");
        const ConditionResult notNumber = eval(QStringLiteral("[BODY].value < 0.05"), answer);
        QVERIFY(!notNumber.success);
        QVERIFY2(notNumber.reason.contains(QStringLiteral("'abc' is not a number")),
                 qPrintable(notNumber.reason));
        const ConditionResult missing = eval(QStringLiteral("[BODY].absent == 0"), answer);
        QVERIFY(!missing.success);
        QVERIFY2(missing.reason.contains(QStringLiteral("[BODY].absent is not in the body")),
                 qPrintable(missing.reason));
        QCOMPARE(missing.resolved, QStringLiteral("[BODY].absent (n/a) == 0"));
        const ConditionResult notJson =
            eval(QStringLiteral("[BODY].status == UP"), httpAnswer(200, "<html>"));
        QVERIFY(!notJson.success);
        QVERIFY(notJson.reason.contains(QStringLiteral("not JSON")));
        Observation nan;
        nan.values.insert(QStringLiteral("[VALUE]"), QStringLiteral("NaN"));
        QVERIFY(!eval(QStringLiteral("[VALUE] < 0.05"), nan).success);
        const ConditionResult noValue = eval(QStringLiteral("[VALUE] < 1"), Observation{});
        QVERIFY(!noValue.success);
        QVERIFY(noValue.reason.contains(QStringLiteral("[VALUE] has no value")));
    }

    void booleansAndStrings()
    {
        Observation tcp;
        tcp.values.insert(QStringLiteral("[CONNECTED]"), QStringLiteral("false"));
        const ConditionResult result = eval(QStringLiteral("[CONNECTED] == true"), tcp);
        QVERIFY(!result.success);
        QCOMPARE(result.resolved, QStringLiteral("[CONNECTED] (false) == true"));
        QVERIFY(eval(QStringLiteral("[CONNECTED] == FALSE"), tcp).success);
    }

    void syntaxErrors()
    {
        QVERIFY(conditionSyntaxError(QStringLiteral("[STATUS] == 200")).isEmpty());
        QVERIFY(conditionSyntaxError(QStringLiteral("len([BODY].items) > 0")).isEmpty());
        QVERIFY(!conditionSyntaxError(QStringLiteral("[STATUS]==200")).isEmpty());
        QVERIFY(!conditionSyntaxError(QStringLiteral("[STATUS] == ")).isEmpty());
        QVERIFY(!conditionSyntaxError(QStringLiteral("[status == 200")).isEmpty());
        QVERIFY(!conditionSyntaxError(QStringLiteral("[BODY] == re(()")).isEmpty());
    }

    // Found by fuzzing (tests/fuzz/corpus/conditions/has-malformed-placeholder.txt): a
    // condition the syntax check rejects was still judged, and could pass.
    void malformedConditionsFailWithTheirSyntaxError()
    {
        const Observation observation = httpAnswer(200, R"({"data":{}})");
        for (const QString &text :
             {QStringLiteral("has([body].errors) == false"), QStringLiteral("[BODY] == re(()"),
              QStringLiteral("[STATUS] == ")}) {
            const ConditionResult result = eval(text, observation);
            QVERIFY2(!result.success, qPrintable(text));
            QCOMPARE(result.reason, conditionSyntaxError(text));
        }
    }

    void placeholdersOfACondition()
    {
        QCOMPARE(conditionPlaceholders(QStringLiteral("len([BODY].items) > [BODY].min")),
                 (QStringList{QStringLiteral("[BODY].items"), QStringLiteral("[BODY].min")}));
        QCOMPARE(conditionPlaceholders(QStringLiteral("[STATUS] == any(200, 204)")),
                 QStringList{QStringLiteral("[STATUS]")});
        QVERIFY(conditionPlaceholders(QStringLiteral("[STATUS] ==")).isEmpty());
    }

    void warningLevelIsCarried()
    {
        const ConditionResult result =
            evaluateCondition({QStringLiteral("[RESPONSE_TIME] < 50"), true}, httpAnswer(200, {}));
        QVERIFY(!result.success);
        QVERIFY(result.warning);
    }
};

QTEST_GUILESS_MAIN(TestConditions)
#include "test_conditions.moc"
