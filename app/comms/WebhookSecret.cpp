#include "WebhookSecret.h"

#include "core/ConsoleSecrets.h"
#include "core/PrivateFiles.h"

#include <QDir>
#include <QFile>

namespace ic::comms {

WebhookSecret::WebhookSecret(const QString &dataDir)
    : m_path(QDir(dataDir).filePath(webhookSecretFileName))
{}

QUrl WebhookSecret::load() const
{
    const QString fromEnv = qEnvironmentVariable("INCIDENT_CONSOLE_SLACK_WEBHOOK");
    if (!fromEnv.isEmpty())
        return QUrl(fromEnv.trimmed());
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QUrl(QString::fromUtf8(file.readAll()).trimmed());
}

QString WebhookSecret::store(const QUrl &url) const
{
    return writeSecretFile(m_path, url.toString().toUtf8());
}

QString WebhookSecret::clear() const
{
    if (QFile::exists(m_path) && !QFile::remove(m_path))
        return QStringLiteral("cannot remove %1").arg(m_path);
    return {};
}

QString WebhookSecret::storageDescription() const
{
    if (!qEnvironmentVariableIsEmpty("INCIDENT_CONSOLE_SLACK_WEBHOOK"))
        return QStringLiteral("environment variable INCIDENT_CONSOLE_SLACK_WEBHOOK");
    return QStringLiteral("file %1 (readable by you only)").arg(m_path);
}

} // namespace ic::comms
