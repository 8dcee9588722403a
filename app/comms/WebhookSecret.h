#pragma once

#include <QString>
#include <QUrl>

namespace ic::comms {

// Where the Slack webhook URL lives: INCIDENT_CONSOLE_SLACK_WEBHOOK when set, else the file
// slack-webhook.secret (0600) in the data dir. Never in console.db, logs or exports.
class WebhookSecret
{
public:
    explicit WebhookSecret(const QString &dataDir);

    QUrl load() const;
    // Returns an empty string, or why the secret could not be stored.
    QString store(const QUrl &url) const;
    QString clear() const;
    // For the settings page: where the secret is kept, in words.
    QString storageDescription() const;

private:
    QString m_path;
};

} // namespace ic::comms
