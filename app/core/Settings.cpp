#include "Settings.h"

#include <QDir>

namespace ic {

const std::vector<SettingSample> &allSettings()
{
    static const std::vector<SettingSample> all{
        {settings::runbookFolders.key,
         QStringList{QStringLiteral("/srv/runbooks"), QStringLiteral("/home/me/notes")}},
        {settings::severityScheme.key, QStringLiteral("p0")},
        {settings::commanderName.key, QStringLiteral("Ana Lima")},
        {settings::nameAsked.key, true},
        {settings::healthConfigPath.key, QStringLiteral("/etc/incident-console/health.yaml")},
        {settings::theme.key, QStringLiteral("dark")},
        {settings::notifications.key, false},
        {settings::healthBoardView.key, QStringLiteral("tiles")},
    };
    return all;
}

Settings::Settings(const QString &dataDir)
    : m_store(std::make_unique<QSettings>(QDir(dataDir).filePath(QStringLiteral("settings.ini")),
                                          QSettings::IniFormat))
{}

void Settings::setRaw(const char *key, const QVariant &value)
{
    m_store->setValue(QString::fromLatin1(key), value);
}

bool Settings::sync()
{
    m_store->sync();
    return m_store->status() == QSettings::NoError;
}

} // namespace ic
