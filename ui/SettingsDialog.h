#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;

namespace ic {
class Settings;
}

namespace ic::ui {

// The preferences of the data dir in one form. The Slack webhook is kept apart, as a
// secret (see comms/WebhookSecret); the form says where.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    // With a writable databasePath, the form also joins and leaves a team.
    SettingsDialog(Settings &settings, QString dataDir, QWidget *parent = nullptr,
                   const QString &databasePath = {});

    // Validates and writes everything; false (with the reason shown) when something is off.
    bool save();

Q_SIGNALS:
    void themeChanged(const QString &theme);

private:
    void load();

    Settings &m_settings;
    QString m_dataDir;
    QListWidget *m_runbookFolders;
    QComboBox *m_severityScheme;
    QLineEdit *m_commander;
    QLineEdit *m_healthConfig;
    QLineEdit *m_webhook;
    QLabel *m_webhookWhere;
    QComboBox *m_theme;
    QCheckBox *m_notifications;
    QLabel *m_problem;
};

} // namespace ic::ui
