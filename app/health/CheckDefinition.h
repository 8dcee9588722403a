#pragma once

#include "Conditions.h"

#include <QMap>
#include <QStringList>
#include <chrono>

namespace ic::health {

// One check of health.yaml after defaults are applied and its fields validated.
struct CheckDefinition
{
    QString name;
    QString group;
    QString type; // a registered CheckType's name (CheckTypes.h)
    QString runbook;
    bool enabled = true;
    std::chrono::milliseconds interval{15000};
    std::chrono::milliseconds timeout{5000};
    int failureThreshold = 3;
    int successThreshold = 1;
    // What decides the state; defaults for the type when health.yaml gives none.
    QList<ConditionSpec> conditions;

    // Target fields; which ones apply depends on the type (types/<Name>.cpp).
    QString url;
    QString method = QStringLiteral("GET");
    QMap<QString, QString> headers;
    QString requestBody;
    int maxRedirects = 5;
    bool tlsVerify = true;
    QString host;
    int port = 0;
    QString recordType = QStringLiteral("A");
    QString nameserver;
    QString user;
    QString password;
    // Where a postgres or redis check finds its password outside health.yaml: an environment
    // variable's name or a file's absolute path, read at each run (see CheckPassword.h).
    QString passwordEnv;
    QString passwordFile;
    bool hasPasswordSource() const { return !passwordEnv.isEmpty() || !passwordFile.isEmpty(); }
    QString database;
    QString query;
    QStringList command;
    QString metric;
    QString path;

    // Silenced: still probed and shown, but its failures alert nobody until then.
    QString silenceReason;
    QDateTime silencedUntil;
    bool isSilenced(const QDateTime &now) const
    {
        return silencedUntil.isValid() && now < silencedUntil;
    }

    QString file;
    int line = 0; // where the check starts in its file, for messages
};

} // namespace ic::health
