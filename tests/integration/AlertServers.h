#pragma once

// Real Alertmanager and Prometheus (Debian's prometheus-alertmanager and prometheus) on free
// 127.0.0.1 ports with temp storage, and plain HTTP to talk to them, for the alert suites.

#include "HealthTestSupport.h"
#include "TestSupport.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTemporaryDir>
#include <QTimer>

namespace ic::test {

struct HttpResult
{
    int status = 0;
    QByteArray body;
};

// One request, waited for (at most 10 s).
inline HttpResult http(const QByteArray &method, const QUrl &url, const QByteArray &body = {})
{
    QNetworkAccessManager nam;
    QNetworkRequest request(url);
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    QNetworkReply *reply = body.isEmpty() ? nam.sendCustomRequest(request, method)
                                          : nam.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    loop.exec();
    HttpResult result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    reply->abort();
    reply->deleteLater();
    return result;
}

inline bool waitReady(const QString &base, int timeoutMs = 30000)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        if (http("GET", QUrl(base + QStringLiteral("/-/ready"))).status == 200)
            return true;
        QTest::qWait(200);
    }
    return false;
}

inline void stopServer(QProcess &server)
{
    if (server.state() == QProcess::NotRunning)
        return;
    server.terminate();
    if (!server.waitForFinished(10000)) {
        server.kill();
        server.waitForFinished();
    }
}

// Alertmanager without clustering and without receivers; returns its port, 0 on failure.
inline int startAlertmanager(QProcess &server, const QTemporaryDir &dir)
{
    const QString program = QStringLiteral("/usr/bin/prometheus-alertmanager");
    if (!QFileInfo::exists(program))
        return 0;
    const QString config = dir.filePath(QStringLiteral("alertmanager.yml"));
    writeFile(config, "route: { receiver: none, group_wait: 1s }\nreceivers: [{ name: none }]\n");
    const int port = freePort();
    server.setStandardErrorFile(dir.filePath(QStringLiteral("alertmanager.log")));
    server.start(program,
                 {QStringLiteral("--config.file=") + config,
                  QStringLiteral("--storage.path=") + dir.filePath(QStringLiteral("am-data")),
                  QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(port),
                  QStringLiteral("--cluster.listen-address=")});
    if (!server.waitForStarted() || !waitReady(QStringLiteral("http://127.0.0.1:%1").arg(port)))
        return 0;
    return port;
}

// Prometheus evaluating rules (a rule file's text) every second; returns its port.
inline int startPrometheus(QProcess &server, const QTemporaryDir &dir, const QByteArray &rules)
{
    const QString program = QStringLiteral("/usr/bin/prometheus");
    if (!QFileInfo::exists(program))
        return 0;
    const QString config = dir.filePath(QStringLiteral("prometheus.yml"));
    writeFile(dir.filePath(QStringLiteral("rules.yml")), rules);
    writeFile(config, "global: { evaluation_interval: 1s, scrape_interval: 1h }\n"
                      "rule_files: [rules.yml]\n");
    const int port = freePort();
    server.setStandardErrorFile(dir.filePath(QStringLiteral("prometheus.log")));
    server.start(program,
                 {QStringLiteral("--config.file=") + config,
                  QStringLiteral("--storage.tsdb.path=") + dir.filePath(QStringLiteral("tsdb")),
                  QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(port)});
    if (!server.waitForStarted() || !waitReady(QStringLiteral("http://127.0.0.1:%1").arg(port)))
        return 0;
    return port;
}

// An alert as Alertmanager's POST /api/v2/alerts takes it; endsAt in the past resolves it.
inline QJsonObject alertmanagerAlert(const QJsonObject &labels, const QJsonObject &annotations,
                                     bool resolved = false)
{
    QJsonObject alert{{QStringLiteral("labels"), labels},
                      {QStringLiteral("annotations"), annotations}};
    if (resolved)
        alert.insert(QStringLiteral("endsAt"),
                     QDateTime::currentDateTimeUtc().addSecs(-1).toString(Qt::ISODateWithMs));
    return alert;
}

inline bool postAlerts(int port, const QJsonArray &alerts)
{
    return http("POST", QUrl(QStringLiteral("http://127.0.0.1:%1/api/v2/alerts").arg(port)),
                QJsonDocument(alerts).toJson(QJsonDocument::Compact))
               .status == 200;
}

inline QJsonObject crashLoopingLabels(const QString &pod = QStringLiteral("api-1"))
{
    return {{QStringLiteral("alertname"), QStringLiteral("KubePodCrashLooping")},
            {QStringLiteral("severity"), QStringLiteral("critical")},
            {QStringLiteral("namespace"), QStringLiteral("prod")},
            {QStringLiteral("pod"), pod}};
}

inline QJsonObject crashLoopingAnnotations(const QString &pod = QStringLiteral("api-1"))
{
    return {{QStringLiteral("summary"), QStringLiteral("Pod prod/%1 is crash looping").arg(pod)},
            {QStringLiteral("description"),
             QStringLiteral("Pod prod/%1 is restarting 3 times / 10 minutes.").arg(pod)},
            {QStringLiteral("runbook_url"),
             QStringLiteral("https://runbooks.prometheus-operator.dev/runbooks/kubernetes/"
                            "kubepodcrashlooping")}};
}

} // namespace ic::test
