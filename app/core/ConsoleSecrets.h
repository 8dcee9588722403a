#pragma once

#include <QString>

namespace ic {

// The file in the data dir that holds the Slack webhook URL (comms/WebhookSecret).
inline const QString webhookSecretFileName = QStringLiteral("slack-webhook.secret");
// The file in the data dir that holds the team server's password (team/TeamPassword).
inline const QString teamPasswordFileName = QStringLiteral("team-password.secret");

// A health check sends its password to the server it checks, and libpq sends what a team
// URI's passfile gives to the team server. These say why a check's password_env or
// password_file, or a URI's passfile, may not name one of the console's own secrets, which
// would then go to that server; empty when it may.
// Refused: every INCIDENT_CONSOLE_* variable (INCIDENT_CONSOLE_SLACK_WEBHOOK among them).
QString whyNotAPasswordVariable(const QString &name);
// Refused, also through a symbolic link: the webhook and team secret files (and the temporary
// files they are written through) and console.db with its WAL files.
QString whyNotAPasswordFile(const QString &path);

} // namespace ic
