#include "TeamPassword.h"

#include "core/ConsoleSecrets.h"
#include "core/PrivateFiles.h"

#include <QDir>
#include <QFile>

namespace ic::team {

TeamPassword::TeamPassword(const QString &dataDir)
    : m_path(QDir(dataDir).filePath(teamPasswordFileName))
{}

QString TeamPassword::load() const
{
    if (!qEnvironmentVariableIsEmpty("PGPASSWORD"))
        return {};
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll()).trimmed();
}

QString TeamPassword::store(const QString &password) const
{
    return writeSecretFile(m_path, password.toUtf8());
}

QString TeamPassword::clear() const
{
    if (QFile::exists(m_path) && !QFile::remove(m_path))
        return QStringLiteral("cannot remove %1").arg(m_path);
    return {};
}

} // namespace ic::team
