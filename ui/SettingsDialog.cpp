#include "SettingsDialog.h"

#include "TeamSettings.h"
#include "comms/SlackWebhook.h"
#include "comms/WebhookSecret.h"
#include "core/Settings.h"
#include "incidents/Actor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

namespace ic::ui {

SettingsDialog::SettingsDialog(Settings &settings, QString dataDir, QWidget *parent,
                               const QString &databasePath)
    : QDialog(parent), m_settings(settings), m_dataDir(std::move(dataDir)),
      m_runbookFolders(new QListWidget(this)), m_severityScheme(new QComboBox(this)),
      m_commander(new QLineEdit(this)), m_healthConfig(new QLineEdit(this)),
      m_webhook(new QLineEdit(this)), m_webhookWhere(new QLabel(this)),
      m_theme(new QComboBox(this)), m_notifications(new QCheckBox(this)),
      m_problem(new QLabel(this))
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));

    m_runbookFolders->setObjectName(QStringLiteral("settingsRunbookFolders"));
    m_runbookFolders->setAccessibleName(tr("Extra runbook folders"));
    m_runbookFolders->setMaximumHeight(90);
    auto *addFolder = new QPushButton(tr("Add…"), this);
    auto *removeFolder = new QPushButton(tr("Remove"), this);
    connect(addFolder, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Runbook folder"));
        if (!dir.isEmpty())
            m_runbookFolders->addItem(dir);
    });
    connect(removeFolder, &QPushButton::clicked, this,
            [this] { delete m_runbookFolders->currentItem(); });
    auto *folderButtons = new QVBoxLayout;
    folderButtons->addWidget(addFolder);
    folderButtons->addWidget(removeFolder);
    folderButtons->addStretch();
    auto *folders = new QHBoxLayout;
    folders->addWidget(m_runbookFolders, 1);
    folders->addLayout(folderButtons);

    m_severityScheme->setObjectName(QStringLiteral("settingsSeverityScheme"));
    m_severityScheme->addItem(tr("SEV-1 … SEV-4"), QStringLiteral("sev"));
    m_severityScheme->addItem(tr("P0 … P3"), QStringLiteral("p0"));
    m_severityScheme->addItem(tr("P1 … P4"), QStringLiteral("p1"));
    m_commander->setObjectName(QStringLiteral("settingsCommander"));
    m_commander->setPlaceholderText(tr("Your name, used as commander and for ticks"));
    m_healthConfig->setObjectName(QStringLiteral("settingsHealthConfig"));
    m_healthConfig->setPlaceholderText(tr("health.yaml in the data dir"));
    m_webhook->setObjectName(QStringLiteral("settingsWebhook"));
    m_webhook->setEchoMode(QLineEdit::PasswordEchoOnEdit);
    m_webhook->setPlaceholderText(QStringLiteral("https://hooks.slack.com/services/…"));
    m_webhookWhere->setObjectName(QStringLiteral("settingsWebhookStorage"));
    m_webhookWhere->setWordWrap(true);
    m_theme->setObjectName(QStringLiteral("settingsTheme"));
    m_theme->addItem(tr("Follow the system"), QStringLiteral("system"));
    m_theme->addItem(tr("Light"), QStringLiteral("light"));
    m_theme->addItem(tr("Dark"), QStringLiteral("dark"));
    m_notifications->setObjectName(QStringLiteral("settingsNotifications"));
    m_notifications->setText(tr("Desktop notifications for overdue items, due updates and "
                                "failing checks"));
    m_problem->setObjectName(QStringLiteral("settingsProblem"));
    m_problem->setWordWrap(true);
    m_problem->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("Runbook folders:"), folders);
    form->addRow(tr("Severity scheme:"), m_severityScheme);
    form->addRow(tr("Commander name:"), m_commander);
    form->addRow(tr("Health config:"), m_healthConfig);
    form->addRow(tr("Slack webhook:"), m_webhook);
    form->addRow(QString(), m_webhookWhere);
    form->addRow(tr("Theme:"), m_theme);
    form->addRow(QString(), m_notifications);
    if (!databasePath.isEmpty())
        form->addRow(
            tr("Team server:"),
            new TeamSettings(databasePath, m_dataDir,
                             incidents::resolveActor({}, m_settings.get(settings::commanderName)),
                             this));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (save())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    load();
}

void SettingsDialog::load()
{
    m_runbookFolders->addItems(m_settings.get(settings::runbookFolders));
    m_severityScheme->setCurrentIndex(
        qMax(0, m_severityScheme->findData(m_settings.get(settings::severityScheme))));
    m_commander->setText(m_settings.get(settings::commanderName));
    m_healthConfig->setText(m_settings.get(settings::healthConfigPath));
    const comms::WebhookSecret secret(m_dataDir);
    m_webhook->setText(secret.load().toString());
    m_webhookWhere->setText(tr("Kept as a secret in the %1, never in the database, logs or "
                               "exports.")
                                .arg(secret.storageDescription()));
    m_theme->setCurrentIndex(qMax(0, m_theme->findData(m_settings.get(settings::theme))));
    m_notifications->setChecked(m_settings.get(settings::notifications));
}

bool SettingsDialog::save()
{
    const QString webhookText = m_webhook->text().trimmed();
    QString why;
    if (!webhookText.isEmpty() && !comms::SlackWebhook::isAcceptableUrl(QUrl(webhookText), &why)) {
        m_problem->setText(tr("Slack webhook: %1.").arg(why));
        m_problem->show();
        m_webhook->setFocus();
        return false;
    }
    const comms::WebhookSecret secret(m_dataDir);
    const QString secretProblem =
        webhookText.isEmpty() ? secret.clear() : secret.store(QUrl(webhookText));
    if (!secretProblem.isEmpty()) {
        m_problem->setText(secretProblem);
        m_problem->show();
        return false;
    }
    QStringList folders;
    for (int i = 0; i < m_runbookFolders->count(); ++i)
        folders << m_runbookFolders->item(i)->text();
    const QString oldTheme = m_settings.get(settings::theme);
    m_settings.set(settings::runbookFolders, folders);
    m_settings.set(settings::severityScheme, m_severityScheme->currentData().toString());
    m_settings.set(settings::commanderName, m_commander->text().trimmed());
    m_settings.set(settings::healthConfigPath, m_healthConfig->text().trimmed());
    m_settings.set(settings::theme, m_theme->currentData().toString());
    m_settings.set(settings::notifications, m_notifications->isChecked());
    if (!m_settings.sync()) {
        m_problem->setText(tr("Cannot write %1.").arg(m_settings.fileName()));
        m_problem->show();
        return false;
    }
    if (oldTheme != m_theme->currentData().toString())
        Q_EMIT themeChanged(m_theme->currentData().toString());
    return true;
}

} // namespace ic::ui
