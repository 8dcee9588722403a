#include "health/Conditions.h"
#include "health/ResultLimits.h"

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

    static Observation withValue(const QString &placeholder, const QString &value)
    {
        Observation observation;
        observation.values.insert(placeholder, value);
        return observation;
    }

    static Observation jsonBody(const QByteArray &body) { return httpAnswer(200, body); }

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

    // Every example of the Conditions table in Gatus's README, passing and failing, with the
    // resolved text we record. [DOMAIN_EXPIRATION] is left out: it needs WHOIS, which no check
    // type here does, so health.yaml refuses it.
    void gatusReadmeExamples_data()
    {
        QTest::addColumn<QString>("condition");
        QTest::addColumn<QString>("placeholder"); // a value the probe saw, besides the body
        QTest::addColumn<QString>("value");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("success");
        QTest::addColumn<QString>("resolved");
        const QString status = QStringLiteral("[STATUS]");
        const QString none;
        QTest::newRow("status == 200") << "[STATUS] == 200" << status << "200" << QByteArray()
                                       << true << "[STATUS] (200) == 200";
        QTest::newRow("status == 200 fails") << "[STATUS] == 200" << status << "404" << QByteArray()
                                             << false << "[STATUS] (404) == 200";
        QTest::newRow("status < 300") << "[STATUS] < 300" << status << "299" << QByteArray() << true
                                      << "[STATUS] (299) < 300";
        QTest::newRow("status < 300 fails") << "[STATUS] < 300" << status << "301" << QByteArray()
                                            << false << "[STATUS] (301) < 300";
        QTest::newRow("status <= 299") << "[STATUS] <= 299" << status << "299" << QByteArray()
                                       << true << "[STATUS] (299) <= 299";
        QTest::newRow("status > 400") << "[STATUS] > 400" << status << "401" << QByteArray() << true
                                      << "[STATUS] (401) > 400";
        QTest::newRow("status > 400 fails") << "[STATUS] > 400" << status << "400" << QByteArray()
                                            << false << "[STATUS] (400) > 400";
        QTest::newRow("status any") << "[STATUS] == any(200, 429)" << status << "429"
                                    << QByteArray() << true << "[STATUS] (429) == any(200, 429)";
        QTest::newRow("status any fails")
            << "[STATUS] == any(200, 429)" << status << "201" << QByteArray() << false
            << "[STATUS] (201) == any(200, 429)";
        QTest::newRow("connected")
            << "[CONNECTED] == true"
            << "[CONNECTED]"
            << "true" << QByteArray() << true << "[CONNECTED] (true) == true";
        QTest::newRow("connected fails")
            << "[CONNECTED] == true"
            << "[CONNECTED]"
            << "false" << QByteArray() << false << "[CONNECTED] (false) == true";
        QTest::newRow("response time")
            << "[RESPONSE_TIME] < 500"
            << "[RESPONSE_TIME]"
            << "300" << QByteArray() << true << "[RESPONSE_TIME] (300) < 500";
        QTest::newRow("response time fails")
            << "[RESPONSE_TIME] < 500"
            << "[RESPONSE_TIME]"
            << "500" << QByteArray() << false << "[RESPONSE_TIME] (500) < 500";
        QTest::newRow("ip") << "[IP] == 127.0.0.1"
                            << "[IP]"
                            << "127.0.0.1" << QByteArray() << true
                            << "[IP] (127.0.0.1) == 127.0.0.1";
        QTest::newRow("ip fails") << "[IP] == 127.0.0.1"
                                  << "[IP]"
                                  << "0.0.0.0" << QByteArray() << false
                                  << "[IP] (0.0.0.0) == 127.0.0.1";
        QTest::newRow("body == 1")
            << "[BODY] == 1" << none << none << QByteArray("1") << true << "[BODY] (1) == 1";
        QTest::newRow("body == 1 fails")
            << "[BODY] == 1" << none << none << QByteArray("{}") << false << "[BODY] ({}) == 1";
        QTest::newRow("json path") << "[BODY].user.name == john" << none << none
                                   << QByteArray("{\"user\":{\"name\":\"john\"}}") << true
                                   << "[BODY].user.name (john) == john";
        QTest::newRow("array index")
            << "[BODY].data[0].id == 1" << none << none << QByteArray("{\"data\":[{\"id\":1}]}")
            << true << "[BODY].data[0].id (1) == 1";
        QTest::newRow("two paths")
            << "[BODY].age == [BODY].id" << none << none << QByteArray("{\"age\":1,\"id\":1}")
            << true << "[BODY].age (1) == [BODY].id (1)";
        QTest::newRow("len of an array")
            << "len([BODY].data) < 5" << none << none << QByteArray("{\"data\":[{\"id\":1}]}")
            << true << "len([BODY].data) (1) < 5";
        QTest::newRow("len of a string")
            << "len([BODY].name) == 8" << none << none << QByteArray("{\"name\":\"john.doe\"}")
            << true << "len([BODY].name) (8) == 8";
        QTest::newRow("len of a string fails")
            << "len([BODY].name) == 8" << none << none << QByteArray("{\"name\":\"bob\"}") << false
            << "len([BODY].name) (3) == 8";
        QTest::newRow("has not") << "has([BODY].errors) == false" << none << none
                                 << QByteArray("{\"name\":\"john.doe\"}") << true
                                 << "has([BODY].errors) (false) == false";
        QTest::newRow("has not fails")
            << "has([BODY].errors) == false" << none << none << QByteArray("{\"errors\":[]}")
            << false << "has([BODY].errors) (true) == false";
        QTest::newRow("has") << "has([BODY].users) == true" << none << none
                             << QByteArray("{\"users\":[]}") << true
                             << "has([BODY].users) (true) == true";
        QTest::newRow("has fails")
            << "has([BODY].users) == true" << none << none << QByteArray("{}") << false
            << "has([BODY].users) (false) == true";
        QTest::newRow("pattern") << "[BODY].name == pat(john*)" << none << none
                                 << QByteArray("{\"name\":\"john.doe\"}") << true
                                 << "[BODY].name (john.doe) == pat(john*)";
        QTest::newRow("pattern fails")
            << "[BODY].name == pat(john*)" << none << none << QByteArray("{\"name\":\"bob\"}")
            << false << "[BODY].name (bob) == pat(john*)";
        QTest::newRow("any in the body")
            << "[BODY].id == any(1, 2)" << none << none << QByteArray("{\"id\":2}") << true
            << "[BODY].id (2) == any(1, 2)";
        QTest::newRow("any in the body fails")
            << "[BODY].id == any(1, 2)" << none << none << QByteArray("{\"id\":3}") << false
            << "[BODY].id (3) == any(1, 2)";
        QTest::newRow("certificate")
            << "[CERTIFICATE_EXPIRATION] > 48h"
            << "[CERTIFICATE_EXPIRATION]" << QString::number(49LL * 3600 * 1000) << QByteArray()
            << true << "[CERTIFICATE_EXPIRATION] (176400000) > 48h";
        QTest::newRow("certificate fails")
            << "[CERTIFICATE_EXPIRATION] > 48h"
            << "[CERTIFICATE_EXPIRATION]" << QString::number(24LL * 3600 * 1000) << QByteArray()
            << false << "[CERTIFICATE_EXPIRATION] (86400000) > 48h";
        // From the Functions table.
        QTest::newRow("len of a name") << "len([BODY].username) > 8" << none << none
                                       << QByteArray("{\"username\":\"alexander.the.great\"}")
                                       << true << "len([BODY].username) (19) > 8";
        QTest::newRow("ip pattern")
            << "[IP] == pat(192.168.*)"
            << "[IP]"
            << "192.168.0.232" << QByteArray() << true << "[IP] (192.168.0.232) == pat(192.168.*)";
        QTest::newRow("any address")
            << "[BODY].ip == any(127.0.0.1, ::1)" << none << none << QByteArray("{\"ip\":\"::1\"}")
            << true << "[BODY].ip (::1) == any(127.0.0.1, ::1)";
        QTest::newRow("dns rcode")
            << "[DNS_RCODE] == NOERROR"
            << "[DNS_RCODE]"
            << "NXDOMAIN" << QByteArray() << false << "[DNS_RCODE] (NXDOMAIN) == NOERROR";
    }
    void gatusReadmeExamples()
    {
        QFETCH(QString, condition);
        QFETCH(QString, placeholder);
        QFETCH(QString, value);
        QFETCH(QByteArray, body);
        QFETCH(bool, success);
        QFETCH(QString, resolved);
        Observation observation;
        if (!placeholder.isEmpty())
            observation.values.insert(placeholder, value);
        if (!body.isNull()) {
            observation.body = body;
            observation.hasBody = true;
        }
        const ConditionResult result = eval(condition, observation);
        QCOMPARE(result.resolved, resolved);
        QVERIFY2(result.success == success, qPrintable(result.reason));
        QVERIFY2(result.reason.isEmpty(), qPrintable(result.reason));
    }

    void anyOnEitherSide()
    {
        const Observation answer = httpAnswer(429, {});
        const ConditionResult left = eval(QStringLiteral("any(200, 429) == [STATUS]"), answer);
        QVERIFY(left.success);
        QCOMPARE(left.resolved, QStringLiteral("any(200, 429) == [STATUS] (429)"));
        QVERIFY(!eval(QStringLiteral("[STATUS] != any(200, 429)"), answer).success);
        QVERIFY(eval(QStringLiteral("[STATUS] != any(200, 204)"), answer).success);
        // Our numbers are numbers: 0x1AD is 429 and 429.0 as well, where Gatus compares text.
        QVERIFY(eval(QStringLiteral("[STATUS] == any(0x1AD)"), answer).success);
        QVERIFY(eval(QStringLiteral("[STATUS] == any(429.0, 500)"), answer).success);
        const ConditionResult ordered = eval(QStringLiteral("[STATUS] < any(500, 503)"), answer);
        QVERIFY(!ordered.success);
        QCOMPARE(ordered.reason, QStringLiteral("any(500, 503) only works with == and !="));
        QVERIFY(!conditionSyntaxError(QStringLiteral("[STATUS] == any(200, )")).isEmpty());
        QVERIFY(!conditionSyntaxError(QStringLiteral("any(1) == pat(1*)")).isEmpty());
    }

    void integersWithGoPrefixes_data()
    {
        QTest::addColumn<QString>("condition");
        QTest::addColumn<bool>("success");
        QTest::newRow("hex") << "[BODY].flags == 0x1F" << true;
        QTest::newRow("hex upper prefix") << "[BODY].flags == 0X1f" << true;
        QTest::newRow("octal") << "[BODY].mode == 0o17" << true;
        QTest::newRow("binary") << "[BODY].mask == 0b101" << true;
        QTest::newRow("hex ordered") << "[BODY].flags > 0x10" << true;
        QTest::newRow("negative hex") << "[BODY].offset == -0x10" << true;
        QTest::newRow("hex in the body") << "[BODY].hex == 31" << true;
        // Go reads 010 as octal eight; a leading zero stays decimal here.
        QTest::newRow("leading zero is decimal") << "[BODY].ten == 010" << true;
        QTest::newRow("leading zero is not octal") << "[BODY].ten == 8" << false;
        QTest::newRow("not a binary digit") << "[BODY].mask == 0b102" << false;
        QTest::newRow("only these prefixes") << "[BODY].flags == 0d31" << false;
    }
    void integersWithGoPrefixes()
    {
        QFETCH(QString, condition);
        QFETCH(bool, success);
        const Observation answer = jsonBody("{\"flags\":31,\"mode\":15,\"mask\":5,\"offset\":-16,"
                                            "\"hex\":\"0x1f\",\"ten\":\"010\"}");
        const ConditionResult result = eval(condition, answer);
        QVERIFY2(result.success == success, qPrintable(result.resolved + result.reason));
    }

    // len() gives what Gatus gives: the elements of an array, the bytes of anything else as
    // Go writes it (a string's UTF-8, a number as %v, an object minified by json.Marshal).
    void lengthCountsAsGatus_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("operand");
        QTest::addColumn<QString>("length");
        QTest::newRow("array") << QByteArray("{\"a\":[1,2,3]}") << "len([BODY].a)"
                               << "3";
        QTest::newRow("empty array") << QByteArray("{\"a\":[]}") << "len([BODY].a)"
                                     << "0";
        QTest::newRow("string bytes") << QByteArray("{\"s\":\"héllo\"}") << "len([BODY].s)"
                                      << "6";
        QTest::newRow("object minified")
            << QByteArray("{\"o\": {\"name\": \"john\", \"id\": 1}}") << "len([BODY].o)"
            << "22"; // {"id":1,"name":"john"}
        QTest::newRow("object html escaped")
            << QByteArray("{\"o\":{\"a\":\"<b>\"}}") << "len([BODY].o)"
            << "21"; // {"a":"\u003cb\u003e"}
        QTest::newRow("object escapes")
            << QByteArray("{\"o\":{\"q\":\"a\\\"b\\n\"}}") << "len([BODY].o)"
            << "14"; // {"q":"a\"b\n"}
        QTest::newRow("object with a big number")
            << QByteArray("{\"o\":{\"n\":1000000}}") << "len([BODY].o)"
            << "13"; // {"n":1000000}
        QTest::newRow("object with a huge number")
            << QByteArray("{\"o\":{\"n\":1e21}}") << "len([BODY].o)"
            << "11"; // {"n":1e+21}
        QTest::newRow("object with a tiny number")
            << QByteArray("{\"o\":{\"n\":0.0000001}}") << "len([BODY].o)"
            << "10"; // {"n":1e-7}
        QTest::newRow("object nested")
            << QByteArray("{\"o\":{\"b\":[true,null],\"a\":{}}}") << "len([BODY].o)"
            << "24"; // {"a":{},"b":[true,null]}
        QTest::newRow("number %v") << QByteArray("{\"n\":1000000}") << "len([BODY].n)"
                                   << "5"; // 1e+06
        QTest::newRow("number below a million") << QByteArray("{\"n\":123456}") << "len([BODY].n)"
                                                << "6";
        QTest::newRow("decimal") << QByteArray("{\"n\":-2.5}") << "len([BODY].n)"
                                 << "4";
        QTest::newRow("small decimal") << QByteArray("{\"n\":0.0001}") << "len([BODY].n)"
                                       << "6"; // 0.0001
        QTest::newRow("smaller decimal") << QByteArray("{\"n\":0.00001}") << "len([BODY].n)"
                                         << "5"; // 1e-05
        QTest::newRow("boolean") << QByteArray("{\"b\":false}") << "len([BODY].b)"
                                 << "5";
        QTest::newRow("whole body array") << QByteArray("[1, 2, 3]") << "len([BODY])"
                                          << "3";
        QTest::newRow("whole body array and newline") << QByteArray("[1,2]\n") << "len([BODY])"
                                                      << "2";
        QTest::newRow("whole body object") << QByteArray("{\"a\": 1}") << "len([BODY])"
                                           << "8";
        QTest::newRow("whole body text") << QByteArray("héllo") << "len([BODY])"
                                         << "6";
        QTest::newRow("root array index") << QByteArray("[{\"ids\":[4,5]}]") << "len([BODY][0].ids)"
                                          << "2";
        QTest::newRow("other placeholder") << QByteArray() << "len([STATUS])"
                                           << "3";
    }
    void lengthCountsAsGatus()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, operand);
        QFETCH(QString, length);
        const ConditionResult result =
            eval(operand + QStringLiteral(" == ") + length, httpAnswer(200, body));
        QCOMPARE(result.resolved, QStringLiteral("%1 (%2) == %2").arg(operand, length));
        QVERIFY2(result.success, qPrintable(result.reason));
    }

    void lengthOfNullFailsWithAReason()
    {
        const ConditionResult result =
            eval(QStringLiteral("len([BODY].x) == 0"), jsonBody("{\"x\":null}"));
        QVERIFY(!result.success);
        QCOMPARE(result.resolved, QStringLiteral("len([BODY].x) (n/a) == 0"));
        QCOMPARE(result.reason, QStringLiteral("[BODY].x is null; len() has nothing to count"));
    }

    void hasIsAsGatus_data()
    {
        QTest::addColumn<QString>("condition");
        QTest::addColumn<QString>("resolved");
        QTest::newRow("null is absent") << "has([BODY].gone) == false"
                                        << "has([BODY].gone) (false) == false";
        QTest::newRow("empty string is there") << "has([BODY].empty) == true"
                                               << "has([BODY].empty) (true) == true";
        QTest::newRow("array element") << "has([BODY].items[1]) == true"
                                       << "has([BODY].items[1]) (true) == true";
        QTest::newRow("past the end") << "has([BODY].items[2]) == false"
                                      << "has([BODY].items[2]) (false) == false";
        QTest::newRow("whole body") << "has([BODY]) == true"
                                    << "has([BODY]) (true) == true";
        QTest::newRow("a value") << "has([STATUS]) == true"
                                 << "has([STATUS]) (true) == true";
        QTest::newRow("no value") << "has([IP]) == false"
                                  << "has([IP]) (false) == false";
    }
    void hasIsAsGatus()
    {
        QFETCH(QString, condition);
        QFETCH(QString, resolved);
        const ConditionResult result =
            eval(condition, jsonBody("{\"gone\":null,\"empty\":\"\",\"items\":[1,2]}"));
        QCOMPARE(result.resolved, resolved);
        QVERIFY2(result.success, qPrintable(result.reason));
        const ConditionResult emptyBody =
            eval(QStringLiteral("has([BODY]) == false"), jsonBody(" \n"));
        QVERIFY(emptyBody.success);
    }

    void patternOnEitherSide()
    {
        const Observation address = withValue(QStringLiteral("[IP]"), QStringLiteral("10.1.2.3"));
        QVERIFY(eval(QStringLiteral("pat(10.*) == [IP]"), address).success);
        QVERIFY(eval(QStringLiteral("[IP] != pat(192.168.*)"), address).success);
        QVERIFY(!eval(QStringLiteral("[IP] == pat(10.1.2.?4)"), address).success);
    }

    // A failing [BODY] condition must not copy a megabyte into every stored result.
    void longValuesAreCutInResolvedAndReason()
    {
        const QByteArray megabyte(1024 * 1024, 'x');
        const ConditionResult keyword =
            eval(QStringLiteral("[BODY] == pat(*NEEDLE*)"), httpAnswer(200, megabyte));
        QVERIFY(!keyword.success);
        // 46 bytes of the body and "…(1048576 bytes)", 64 bytes of UTF-8 together.
        QCOMPARE(keyword.resolved, QStringLiteral("[BODY] (%1…(1048576 bytes)) == pat(*NEEDLE*)")
                                       .arg(QString(46, QLatin1Char('x'))));
        const ConditionResult number =
            eval(QStringLiteral("[BODY] < 5"), httpAnswer(200, megabyte));
        QVERIFY(!number.success);
        QVERIFY2(number.reason.toUtf8().size() <= maxMessageBytes, qPrintable(number.reason));
        QVERIFY(number.reason.endsWith(QStringLiteral("bytes)' is not a number or a duration")));
        // A value is cut at a character, never inside one.
        const QString accents = QLatin1Char('a') + QString(100, QChar(0xE9));
        const QString cut = truncatedText(accents, maxResolvedValueBytes);
        QVERIFY(cut.toUtf8().size() <= maxResolvedValueBytes);
        QCOMPARE(cut, QLatin1Char('a') + QString(24, QChar(0xE9)) + QStringLiteral("…(201 bytes)"));
        QCOMPARE(truncatedText(QStringLiteral("short"), maxResolvedValueBytes),
                 QStringLiteral("short"));
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
