#pragma once

#include <QSettings>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <memory>
#include <vector>

namespace ic {

// One typed preference: its key in settings.ini and its default. Declared once below, so a
// misspelt key or a wrong type is a compile error rather than a silent default.
template <typename T> struct SettingKey
{
    const char *key;
    T defaultValue;
};

namespace settings {
inline const SettingKey<QStringList> runbookFolders{"runbooks/folders", {}};
inline const SettingKey<QString> severityScheme{"incidents/severity_scheme", QStringLiteral("sev")};
inline const SettingKey<QString> commanderName{"incidents/commander_name", {}};
// Whether the first run's "who are you?" was answered or put off: it is asked once.
inline const SettingKey<bool> nameAsked{"incidents/name_asked", false};
inline const SettingKey<QString> healthConfigPath{"health/config_path", {}};
inline const SettingKey<QString> theme{"ui/theme", QStringLiteral("system")}; // system|light|dark
inline const SettingKey<bool> notifications{"ui/notifications", true};
// The health board's view as the user last chose it: "grid", "tiles", or "" (by the number of
// checks).
inline const SettingKey<QString> healthBoardView{"ui/health_board_view", {}};
} // namespace settings

// Every key with a sample non-default value, so a test can prove each one round-trips.
struct SettingSample
{
    const char *key;
    QVariant sample;
};
const std::vector<SettingSample> &allSettings();

// The preferences of one data dir, in <data dir>/settings.ini (0600 under the app's umask).
// The Slack webhook is not here: it is a secret (see comms/WebhookSecret).
class Settings
{
public:
    explicit Settings(const QString &dataDir);

    template <typename T> T get(const SettingKey<T> &setting) const
    {
        const QVariant value = m_store->value(QString::fromLatin1(setting.key));
        if (!value.isValid() || !value.canConvert<T>())
            return setting.defaultValue;
        return value.value<T>();
    }

    template <typename T> void set(const SettingKey<T> &setting, const T &value)
    {
        m_store->setValue(QString::fromLatin1(setting.key), QVariant::fromValue(value));
    }

    QVariant raw(const char *key) const { return m_store->value(QString::fromLatin1(key)); }
    void setRaw(const char *key, const QVariant &value);
    // Writes pending changes; returns false when the file cannot be written.
    bool sync();
    QString fileName() const { return m_store->fileName(); }

private:
    std::unique_ptr<QSettings> m_store;
};

} // namespace ic
