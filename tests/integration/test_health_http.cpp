#include "HealthTestSupport.h"

#include <QTemporaryDir>

using namespace ic;
using namespace ic::health;
using ic::test::checkFrom;
using ic::test::describe;
using ic::test::runOnce;

// HTTP, HTTPS, TCP, TLS and Prometheus probes against a real server on 127.0.0.1.
class TestHealthHttp : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QProcess m_http;
    QProcess m_https;
    int m_port = 0;
    int m_tlsPort = 0;

    QString url(const QString &path) const
    {
        return QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path);
    }
    CheckDefinition http(const QString &path, const QString &more = {}) const
    {
        return checkFrom(
            QStringLiteral("{name: web, type: http, url: \"%1\"%2}")
                .arg(url(path), more.isEmpty() ? QString() : QStringLiteral(", ") + more));
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_port = test::startHealthServer(m_http, QFINDTESTDATA("health_server.py"));
        QVERIFY(m_port > 0);
        const QString cert = m_dir.filePath(QStringLiteral("cert.pem"));
        const QString key = m_dir.filePath(QStringLiteral("key.pem"));
        const int openssl = QProcess::execute(
            QStringLiteral("openssl"),
            {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
             QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"), key,
             QStringLiteral("-out"), cert, QStringLiteral("-days"), QStringLiteral("30"),
             QStringLiteral("-subj"), QStringLiteral("/CN=localhost")});
        if (openssl != 0)
            QSKIP("openssl could not create a test certificate (scripts/setup installs it)");
        m_tlsPort =
            test::startHealthServer(m_https, QFINDTESTDATA("health_server.py"), {cert, key});
        QVERIFY(m_tlsPort > 0);
    }

    void cleanupTestCase()
    {
        for (QProcess *server : {&m_http, &m_https}) {
            server->kill();
            server->waitForFinished();
        }
    }

    void jsonAnswerPassesEveryCondition()
    {
        const CheckResult result = runOnce(
            http(QStringLiteral("/json"),
                 QStringLiteral("conditions: [\"[STATUS] == 200\", \"[BODY].status == UP\", "
                                "\"[BODY].items[0].id == 1\", \"len([BODY].items) > 0\", "
                                "\"[BODY].ratio > 0\", \"[RESPONSE_TIME] < 5s\"]")));
        QVERIFY2(result.state == State::Ok, qPrintable(describe(result)));
        QCOMPARE(result.conditions.at(0).resolved, QStringLiteral("[STATUS] (200) == 200"));
        QCOMPARE(result.conditions.at(4).resolved, QStringLiteral("[BODY].ratio (0.5) > 0"));
    }

    void serverErrorIsCritWithTheResolvedStatus()
    {
        const CheckResult result =
            runOnce(http(QStringLiteral("/error"), QStringLiteral("expected_status: 200")));
        QVERIFY2(result.state == State::Crit, qPrintable(describe(result)));
        QCOMPARE(result.conditions.at(0).resolved, QStringLiteral("[STATUS] (500) == 200"));
        QVERIFY(result.message.contains(QStringLiteral("HTTP 500")));
    }

    void slowAnswerTripsAWarningCondition()
    {
        const CheckResult result = runOnce(
            http(QStringLiteral("/slow?ms=400"),
                 QStringLiteral("conditions: [\"[STATUS] == 200\", {condition: \"[RESPONSE_TIME] < "
                                "200ms\", level: warning}]")));
        QVERIFY2(result.state == State::Warn, qPrintable(describe(result)));
        QVERIFY(result.latencyMs >= 400);
    }

    void hangingServerTimesOut()
    {
        const CheckResult result =
            runOnce(http(QStringLiteral("/hang"), QStringLiteral("timeout: 1s")));
        QVERIFY2(result.state == State::Crit, qPrintable(describe(result)));
        QVERIFY2(result.message.contains(QStringLiteral("no complete answer within 1s")),
                 qPrintable(result.message));
    }

    void garbageIsNotAnAnswer()
    {
        const CheckResult result = runOnce(http(QStringLiteral("/garbage")));
        QVERIFY2(result.state == State::Crit, qPrintable(describe(result)));
        QVERIFY(result.conditions.at(0).reason.contains(QStringLiteral("[STATUS] has no value")));
    }

    void hugeBodyIsCappedAtOneMegabyte()
    {
        const CheckResult result = runOnce(
            http(QStringLiteral("/huge"), QStringLiteral("conditions: [\"[STATUS] == 200\", "
                                                         "\"len([BODY]) == 1048576\"]")));
        QVERIFY2(result.state == State::Ok, qPrintable(describe(result)));
        QVERIFY(result.message.contains(QStringLiteral("1 MB")));
    }

    void redirectLoopStopsAtTheLimit()
    {
        const CheckResult result =
            runOnce(http(QStringLiteral("/loop"), QStringLiteral("max_redirects: 3")));
        QVERIFY2(result.state == State::Crit, qPrintable(describe(result)));
        QVERIFY2(result.message.contains(QStringLiteral("redirect"), Qt::CaseInsensitive),
                 qPrintable(result.message));
    }

    void postSendsHeadersAndBody()
    {
        const CheckResult result = runOnce(
            http(QStringLiteral("/echo"),
                 QStringLiteral("method: POST, body: ping, headers: {X-Token: abc}, conditions: "
                                "[\"[BODY].echo == ping\", \"[BODY].token == abc\"]")));
        QVERIFY2(result.state == State::Ok, qPrintable(describe(result)));
    }

    void keywordAndRegexOnTheBody()
    {
        QVERIFY(runOnce(http(QStringLiteral("/json"), QStringLiteral("keyword: api-eu"))).state ==
                State::Ok);
        QVERIFY(runOnce(http(QStringLiteral("/json"), QStringLiteral("keyword: api-us"))).state ==
                State::Crit);
        QVERIFY(
            runOnce(http(QStringLiteral("/json"), QStringLiteral("body_regex: '\"id\": [0-9]+'")))
                .state == State::Ok);
    }

    void refusedConnection()
    {
        const int port = test::freePort();
        const CheckResult httpResult = runOnce(checkFrom(
            QStringLiteral("{name: gone, type: http, url: \"http://127.0.0.1:%1/\"}").arg(port)));
        QVERIFY2(httpResult.state == State::Crit, qPrintable(describe(httpResult)));
        QVERIFY(httpResult.message.contains(QStringLiteral("refused"), Qt::CaseInsensitive));
        const CheckResult tcp = runOnce(checkFrom(
            QStringLiteral("{name: port, type: tcp, host: 127.0.0.1, port: %1}").arg(port)));
        QVERIFY2(tcp.state == State::Crit, qPrintable(describe(tcp)));
        QCOMPARE(tcp.conditions.at(0).resolved, QStringLiteral("[CONNECTED] (false) == true"));
    }

    void openTcpPort()
    {
        const CheckResult tcp = runOnce(checkFrom(
            QStringLiteral("{name: port, type: tcp, host: 127.0.0.1, port: %1}").arg(m_port)));
        QVERIFY2(tcp.state == State::Ok, qPrintable(describe(tcp)));
    }

    // [IP] is the address the probe reached; for http by name, the first address the name
    // resolves to (Qt does not say which address its connection used).
    void addressOfTheTarget()
    {
        const CheckResult web = runOnce(
            http(QStringLiteral("/json"), QStringLiteral("conditions: [\"[IP] == 127.0.0.1\"]")));
        QVERIFY2(web.state == State::Ok, qPrintable(describe(web)));
        QCOMPARE(web.conditions.at(0).resolved, QStringLiteral("[IP] (127.0.0.1) == 127.0.0.1"));
        const CheckResult named = runOnce(checkFrom(
            QStringLiteral("{name: n, type: http, url: \"http://localhost:%1/json\", conditions: "
                           "[\"[STATUS] == 200\", \"[IP] == any(127.0.0.1, ::1)\"]}")
                .arg(m_port)));
        QVERIFY2(named.state == State::Ok, qPrintable(describe(named)));
        const CheckResult tcp = runOnce(checkFrom(
            QStringLiteral("{name: port, type: tcp, host: localhost, port: %1, conditions: "
                           "[\"[IP] == pat(127.*)\"]}")
                .arg(m_port)));
        QVERIFY2(tcp.state == State::Ok, qPrintable(describe(tcp)));
        const CheckResult tls = runOnce(checkFrom(
            QStringLiteral("{name: cert, type: tls, host: 127.0.0.1, port: %1, tls_verify: false, "
                           "conditions: [\"[IP] == 127.0.0.1\"]}")
                .arg(m_tlsPort)));
        QVERIFY2(tls.state == State::Ok, qPrintable(describe(tls)));
        const CheckResult refused = runOnce(checkFrom(
            QStringLiteral("{name: gone, type: tcp, host: 127.0.0.1, port: %1, conditions: "
                           "[\"[IP] == 127.0.0.1\"]}")
                .arg(test::freePort())));
        QVERIFY2(refused.state == State::Crit, qPrintable(describe(refused)));
        QCOMPARE(refused.conditions.at(0).resolved, QStringLiteral("[IP] (n/a) == 127.0.0.1"));
    }

    void selfSignedCertificate()
    {
        const QString tls = QStringLiteral("{name: cert, type: tls, host: 127.0.0.1, port: %1, "
                                           "tls_verify: %2, conditions: [\"[CONNECTED] == true\", "
                                           "\"[CERTIFICATE_EXPIRATION] > 48h\", "
                                           "\"[CERTIFICATE_EXPIRATION] < 31d\"]}");
        const CheckResult unverified =
            runOnce(checkFrom(tls.arg(m_tlsPort).arg(QStringLiteral("false"))));
        QVERIFY2(unverified.state == State::Ok, qPrintable(describe(unverified)));
        const CheckResult verified =
            runOnce(checkFrom(tls.arg(m_tlsPort).arg(QStringLiteral("true"))));
        QVERIFY2(verified.state == State::Crit, qPrintable(describe(verified)));
        QVERIFY2(verified.message.contains(QStringLiteral("self signed"), Qt::CaseInsensitive) ||
                     verified.message.contains(QStringLiteral("self-signed"), Qt::CaseInsensitive),
                 qPrintable(verified.message));
        // The expiry is still read when verification fails, so the condition can be judged.
        QVERIFY(verified.conditions.at(1).success);
        const CheckResult https = runOnce(checkFrom(
            QStringLiteral("{name: s, type: http, url: \"https://127.0.0.1:%1/json\", tls_verify: "
                           "false, conditions: [\"[STATUS] == 200\", \"[CERTIFICATE_EXPIRATION] > "
                           "24h\"]}")
                .arg(m_tlsPort)));
        QVERIFY2(https.state == State::Ok, qPrintable(describe(https)));
    }

    void prometheusQueries_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("condition");
        QTest::addColumn<int>("state");
        QTest::addColumn<QString>("message");
        QTest::newRow("up") << "up"
                            << "[VALUE] == 1" << int(State::Ok) << "value 1";
        QTest::newRow("ratio too high") << "ratio"
                                        << "[VALUE] < 0.05" << int(State::Crit) << "0.5";
        QTest::newRow("scalar") << "scalar"
                                << "[VALUE] < 0.05" << int(State::Ok) << "0.01";
        QTest::newRow("empty") << "empty"
                               << "[VALUE] < 0.05" << int(State::Unknown) << "no samples";
        QTest::newRow("nan") << "nan"
                             << "[VALUE] < 0.05" << int(State::Unknown) << "NaN";
        QTest::newRow("error") << "sum("
                               << "[VALUE] < 0.05" << int(State::Unknown) << "bad_data";
    }
    void prometheusQueries()
    {
        QFETCH(QString, query);
        QFETCH(QString, condition);
        QFETCH(int, state);
        QFETCH(QString, message);
        const CheckResult result = runOnce(checkFrom(
            QStringLiteral("{name: p, type: prometheus, url: \"http://127.0.0.1:%1\", query: "
                           "\"%2\", conditions: [\"%3\"]}")
                .arg(m_port)
                .arg(query, condition)));
        QVERIFY2(int(result.state) == state, qPrintable(describe(result)));
        QVERIFY2(result.message.contains(message), qPrintable(result.message));
    }

    void unreachablePrometheusIsUnknownNotDown()
    {
        const CheckResult result = runOnce(checkFrom(
            QStringLiteral("{name: p, type: prometheus, url: \"http://127.0.0.1:%1\", query: up}")
                .arg(test::freePort())));
        QVERIFY2(result.state == State::Unknown, qPrintable(describe(result)));
    }
};

QTEST_GUILESS_MAIN(TestHealthHttp)
#include "test_health_http.moc"
