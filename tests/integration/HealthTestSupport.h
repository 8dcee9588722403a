#pragma once

// Helpers for the health-check integration suites: checks from YAML, free ports, servers.

#include "TestSupport.h"
#include "health/CheckRunner.h"
#include "health/HealthConfig.h"

#include <QProcess>
#include <QTcpServer>
#include <QtTest>

namespace ic::test {

// One check from a YAML flow map such as "{name: a, type: tcp, host: 127.0.0.1, port: 1}".
inline health::CheckDefinition checkFrom(const QString &yaml)
{
    const health::HealthConfig config = health::parseHealthConfig(
        (QStringLiteral("checks:\n  - ") + yaml + QLatin1Char('\n')).toUtf8(),
        QStringLiteral("test"));
    if (!config.problems.isEmpty())
        qWarning("%s", qPrintable(config.problems.first().toString()));
    return config.checks.value(0);
}

inline health::CheckResult runOnce(const health::CheckDefinition &check)
{
    health::CheckRunner runner;
    return runner.runAndWait({check}).value(0);
}

inline QString describe(const health::CheckResult &result)
{
    QString text = health::stateName(result.state) + QStringLiteral(": ") + result.message;
    for (const auto &condition : result.conditions)
        text += QStringLiteral("\n  ") + condition.resolved + QStringLiteral(" ") +
                (condition.success ? QStringLiteral("ok")
                                   : QStringLiteral("FAILED ") + condition.reason);
    return text;
}

// Starts health_server.py (HTTPS when certificate and key are given); returns its port.
inline int startHealthServer(QProcess &server, const QString &script,
                             const QStringList &tlsFiles = {})
{
    server.start(QStringLiteral("python3"), QStringList{script} + tlsFiles);
    if (!server.waitForStarted() || !server.waitForReadyRead(10000))
        return 0;
    return server.readLine().trimmed().toInt();
}

} // namespace ic::test
