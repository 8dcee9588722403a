#include "WebhookSecret.h"

#include "core/ConsoleSecrets.h"

#include <QDir>
#include <QFile>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

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
    // Created 0600 before the first byte is written, whatever the process umask, then renamed
    // over the old secret so a crash never leaves half a URL.
    const QString temporary = m_path + QStringLiteral(".new");
    const QByteArray bytes = url.toString().toUtf8();
    const int fd = ::open(QFile::encodeName(temporary).constData(),
                          O_CREAT | O_TRUNC | O_WRONLY | O_CLOEXEC, 0600);
    const bool written =
        fd >= 0 && ::write(fd, bytes.constData(), size_t(bytes.size())) == ssize_t(bytes.size()) &&
        ::fsync(fd) == 0;
    if (fd >= 0)
        ::close(fd);
    if (!written || ::rename(QFile::encodeName(temporary).constData(),
                             QFile::encodeName(m_path).constData()) != 0) {
        QFile::remove(temporary);
        return QStringLiteral("cannot write %1: %2")
            .arg(m_path, QString::fromLocal8Bit(strerror(errno)));
    }
    return {};
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
