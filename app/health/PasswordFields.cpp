#include "PasswordFields.h"

#include "core/ConsoleSecrets.h"

namespace ic::health {

bool readLogin(TargetFields &fields, CheckDefinition *check, bool requireUser)
{
    check->user = fields.text("user").value_or(QString());
    check->password = fields.text("password").value_or(QString());
    check->passwordEnv = fields.text("password_env").value_or(QString());
    if (const QString why = whyNotAPasswordVariable(check->passwordEnv); !why.isEmpty()) {
        fields.problem("password_env", why);
        return false;
    }
    if (const QString path = fields.text("password_file").value_or(QString()); !path.isEmpty())
        check->passwordFile = fields.relativeToConfig(path);
    if (const QString why = whyNotAPasswordFile(check->passwordFile);
        !check->passwordFile.isEmpty() && !why.isEmpty()) {
        fields.problem("password_file", why);
        return false;
    }
    if (int(!check->passwordEnv.isEmpty()) + int(!check->passwordFile.isEmpty()) +
            int(!check->password.isEmpty()) >
        1) {
        fields.problem(fields.has("password_file") ? "password_file" : "password_env",
                       QStringLiteral("give one of password, password_env or password_file"));
        return false;
    }
    if (requireUser && check->hasPasswordSource() && check->user.isEmpty()) {
        fields.problem("user",
                       QStringLiteral("missing; a password is only used to log in as a user"));
        return false;
    }
    return true;
}

} // namespace ic::health
