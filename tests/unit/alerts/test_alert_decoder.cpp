#include "alerts/AlertDecoder.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace ic::alerts;

namespace {

// As Alertmanager 0.25 answers GET /api/v2/alerts.
const QByteArray crashLooping =
    R"([{"annotations":{"description":"Pod is restarting 3 times / 10 minutes","runbook_url":"https://runbooks.prometheus-operator.dev/runbooks/kubernetes/kubepodcrashlooping","summary":"Pod prod/api-1 is crash looping"},"endsAt":"2026-12-04T21:38:07.526Z","fingerprint":"9f5acf3bffd528ce","receivers":[{"name":"none"}],"startsAt":"2026-12-04T21:33:07.526Z","status":{"inhibitedBy":[],"silencedBy":[],"state":"active"},"updatedAt":"2026-12-04T21:33:07.526Z","labels":{"alertname":"KubePodCrashLooping","namespace":"prod","pod":"api-1","severity":"critical"}}])";

QByteArray manyAlerts(int count)
{
    QByteArray body = "[";
    for (int i = 0; i < count; ++i) {
        if (i > 0)
            body += ',';
        body += R"({"labels":{"alertname":"Flood","i":")" + QByteArray::number(i) +
                R"("},"annotations":{},"status":{"state":"active"}})";
    }
    return body + ']';
}

} // namespace

class TestAlertDecoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsAlertmanagersAnswer()
    {
        const auto decoded = decodeAlertmanagerAlerts(crashLooping, QStringLiteral("prod"));
        QVERIFY2(decoded, qPrintable(decoded.error()));
        QCOMPARE(decoded->alerts.size(), 1);
        const Alert &alert = decoded->alerts.first();
        QCOMPARE(alert.fingerprint, QStringLiteral("9f5acf3bffd528ce"));
        QCOMPARE(alert.source, QStringLiteral("prod"));
        QCOMPARE(alert.alertname(), QStringLiteral("KubePodCrashLooping"));
        QCOMPARE(alert.severity(), QStringLiteral("critical"));
        QCOMPARE(alert.summary(), QStringLiteral("Pod prod/api-1 is crash looping"));
        QCOMPARE(alert.state, AlertState::Firing);
        QCOMPARE(alert.startsAt, QDateTime(QDate(2026, 12, 4), QTime(21, 33, 7, 526), Qt::UTC));
        QCOMPARE(alert.labelText(), QStringLiteral("namespace=prod, pod=api-1, severity=critical"));
        QVERIFY(decoded->note().isEmpty());
    }

    void fingerprintIsAlertmanagers()
    {
        // The value Alertmanager gave the alert above, computed from its labels alone.
        const QMap<QString, QString> labels{
            {QStringLiteral("alertname"), QStringLiteral("KubePodCrashLooping")},
            {QStringLiteral("severity"), QStringLiteral("critical")},
            {QStringLiteral("namespace"), QStringLiteral("prod")},
            {QStringLiteral("pod"), QStringLiteral("api-1")}};
        QCOMPARE(labelFingerprint(labels), QStringLiteral("9f5acf3bffd528ce"));
        QByteArray withoutFingerprint = crashLooping;
        withoutFingerprint.replace(R"("fingerprint":"9f5acf3bffd528ce",)", "");
        const auto decoded = decodeAlertmanagerAlerts(withoutFingerprint, QStringLiteral("prod"));
        QCOMPARE(decoded->alerts.first().fingerprint, QStringLiteral("9f5acf3bffd528ce"));
    }

    void silencedAndInhibitedApart()
    {
        const QByteArray body =
            "[{\"fingerprint\":\"01\",\"labels\":{\"alertname\":\"A\"},\"status\":{\"state\":"
            "\"suppressed\",\"silencedBy\":[\"6b4f167f-5b78\"],\"inhibitedBy\":[]}},\n"
            "                "
            "{\"fingerprint\":\"02\",\"labels\":{\"alertname\":\"B\"},\"status\":{\"state\":"
            "\"suppressed\",\"silencedBy\":[],\"inhibitedBy\":[\"03\"]}}]";
        const auto decoded = decodeAlertmanagerAlerts(body, QStringLiteral("prod"));
        QVERIFY2(decoded, qPrintable(decoded.error()));
        QCOMPARE(decoded->alerts.at(0).state, AlertState::Silenced);
        QCOMPARE(decoded->alerts.at(0).silencedBy, QStringList{QStringLiteral("6b4f167f-5b78")});
        QCOMPARE(decoded->alerts.at(1).state, AlertState::Inhibited);
        QCOMPARE(alertStateId(decoded->alerts.at(1).state), QStringLiteral("inhibited"));
    }

    void garbageIsAReasonNotACrash_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("expected");
        QTest::newRow("html") << QByteArray("<html><body>502 Bad Gateway</body></html>")
                              << QStringLiteral("not JSON");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("not JSON");
        QTest::newRow("object") << QByteArray(R"({"status":"success"})")
                                << QStringLiteral("expected a JSON array");
        QTest::newRow("cut off") << crashLooping.left(120) << QStringLiteral("not JSON");
    }
    void garbageIsAReasonNotACrash()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, expected);
        const auto decoded = decodeAlertmanagerAlerts(body, QStringLiteral("prod"));
        QVERIFY(!decoded);
        QVERIFY2(decoded.error().contains(expected), qPrintable(decoded.error()));
    }

    void entriesThatAreNoAlertsAreSkipped()
    {
        const QByteArray body =
            R"([1, "x", {"labels":{"alertname":5}}, {"labels":{}}, {"labels":{"alertname":"Ok"}}])";
        const auto decoded = decodeAlertmanagerAlerts(body, QStringLiteral("prod"));
        QVERIFY2(decoded, qPrintable(decoded.error()));
        QCOMPARE(decoded->alerts.size(), 1);
        QCOMPARE(decoded->skipped, 4);
        QVERIFY(decoded->note().contains(QStringLiteral("4 entries were not alerts")));
    }

    void fiftyThousandAlertsAreCutToTheCap()
    {
        const QByteArray body = manyAlerts(50000);
        QElapsedTimer timer;
        timer.start();
        const auto decoded = decodeAlertmanagerAlerts(body, QStringLiteral("flood"));
        QVERIFY2(decoded, qPrintable(decoded.error()));
        QCOMPARE(decoded->alerts.size(), DecodeLimits::maxAlerts);
        QCOMPARE(decoded->dropped, 50000 - int(DecodeLimits::maxAlerts));
        QCOMPARE(decoded->note(), QStringLiteral("50000 alerts; only the first 20000 are kept"));
        QVERIFY2(timer.elapsed() < 10000, qPrintable(QString::number(timer.elapsed())));
    }

    void longValuesAndManyLabelsAreCut()
    {
        QJsonObject labels{{QStringLiteral("alertname"), QStringLiteral("Big")}};
        for (int i = 0; i < 500; ++i)
            labels.insert(QStringLiteral("l%1").arg(i, 3, 10, QLatin1Char('0')),
                          QStringLiteral("v"));
        const QJsonObject annotations{
            {QStringLiteral("description"), QString(100000, QLatin1Char('x'))}};
        const QJsonArray array{QJsonObject{{QStringLiteral("labels"), labels},
                                           {QStringLiteral("annotations"), annotations}}};
        const auto decoded =
            decodeAlertmanagerAlerts(QJsonDocument(array).toJson(), QStringLiteral("prod"));
        QVERIFY2(decoded, qPrintable(decoded.error()));
        const Alert &alert = decoded->alerts.first();
        QCOMPARE(alert.labels.size(), DecodeLimits::maxPairs);
        QCOMPARE(alert.description().size(), DecodeLimits::maxValueChars + 1);
        QVERIFY(alert.description().endsWith(QChar(0x2026)));
    }

    void prometheusFiringAlertsOnly()
    {
        const QByteArray body =
            "{\"status\":\"success\",\"data\":{\"alerts\":[\n"
            "            "
            "{\"labels\":{\"alertname\":\"KubePodCrashLooping\",\"severity\":\"critical\","
            "\"namespace\":\"prod\",\"pod\":\"api-1\"},\n"
            "             \"annotations\":{\"summary\":\"crash looping\"},\"state\":\"firing\",\n"
            "             \"activeAt\":\"2026-12-04T21:33:07.526363454Z\",\"value\":\"1e+00\"},\n"
            "            "
            "{\"labels\":{\"alertname\":\"Soon\"},\"annotations\":{},\"state\":\"pending\",\n"
            "             \"activeAt\":\"2026-12-04T21:40:00Z\",\"value\":\"1e+00\"}]}}";
        const auto decoded = decodePrometheusAlerts(body, QStringLiteral("prom"));
        QVERIFY2(decoded, qPrintable(decoded.error()));
        QCOMPARE(decoded->alerts.size(), 1);
        QCOMPARE(decoded->pending, 1);
        const Alert &alert = decoded->alerts.first();
        // The same key Alertmanager gives the alert when Prometheus sends it there.
        QCOMPARE(alert.fingerprint, QStringLiteral("9f5acf3bffd528ce"));
        QCOMPARE(alert.startsAt, QDateTime(QDate(2026, 12, 4), QTime(21, 33, 7, 526), Qt::UTC));
    }

    void prometheusErrorsAreReasons()
    {
        const auto error = decodePrometheusAlerts(
            R"({"status":"error","errorType":"unavailable","error":"rule manager stopped"})",
            QStringLiteral("prom"));
        QVERIFY(!error);
        QVERIFY2(error.error().contains(QStringLiteral("rule manager stopped")),
                 qPrintable(error.error()));
        QVERIFY(!decodePrometheusAlerts("[]", QStringLiteral("prom")));
        QVERIFY(
            !decodePrometheusAlerts(R"({"status":"success","data":{}})", QStringLiteral("prom")));
    }
};

QTEST_GUILESS_MAIN(TestAlertDecoder)
#include "test_alert_decoder.moc"
