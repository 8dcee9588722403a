#pragma once

#include "core/ConfigProblem.h"

#include <QList>
#include <QPair>
#include <QStringList>
#include <QUrl>
#include <chrono>

namespace ic::alerts {

// A secret named in alerts.yaml, never written there: an environment variable or a file
// whose first line is the secret, read each time it is used.
struct SecretRef
{
    QString env;
    QString file; // absolute
    bool isSet() const { return !env.isEmpty() || !file.isEmpty(); }
};

struct AlertSource
{
    enum class Type
    {
        Alertmanager,
        Prometheus
    };
    QString name;
    Type type = Type::Alertmanager;
    QUrl url; // the server's base URL; the API path is added
    std::chrono::milliseconds interval{15000};
    std::chrono::milliseconds timeout{5000};
    // Alertmanager only: matchers such as severity=~"critical|warning", and which alerts
    // to list besides the active ones.
    QStringList filter;
    bool silenced = true;
    bool inhibited = true;
    QList<QPair<QString, QString>> headers;
    SecretRef bearerToken;
    QString basicAuthUser;
    SecretRef basicAuthPassword;
    bool tlsVerify = true;
    int line = 0;

    QString typeId() const;
    // The request that lists the source's alerts.
    QUrl alertsUrl() const;
};

struct AlertsConfig
{
    QList<AlertSource> sources;
    // Alert severity label (lower case) → severity level id. Empty: by rank (critical is the
    // scheme's first level, error the second, warning the third, info the fourth).
    QList<QPair<QString, QString>> severityMap;
    QStringList serviceLabels{QStringLiteral("service"), QStringLiteral("job"),
                              QStringLiteral("namespace")};
    QList<ConfigProblem> problems;
};

AlertsConfig parseAlertsConfig(const QByteArray &yaml, const QString &fileName);
// A file another account can change is refused, as health.yaml is: it names secrets.
AlertsConfig loadAlertsConfig(const QString &path);

// <dataDir>/alerts.yaml
QString alertsConfigPath(const QString &dataDir);
// Writes the commented default alerts.yaml into dataDir unless one exists. Returns an empty
// string, or why it could not be written.
QString ensureDefaultAlertsConfig(const QString &dataDir);

// The secret's value; nothing with *problem set when it cannot be read.
std::optional<QString> readSecret(const SecretRef &secret, QString *problem);

} // namespace ic::alerts
