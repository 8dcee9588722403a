#include "CheckPassword.h"

#include <QFile>

namespace ic::health {

std::optional<QString> checkPassword(const CheckDefinition &check, QString *problem)
{
    if (!check.passwordEnv.isEmpty()) {
        const QByteArray name = check.passwordEnv.toLocal8Bit();
        if (!qEnvironmentVariableIsSet(name.constData())) {
            *problem = QStringLiteral("password_env: environment variable %1 is not set")
                           .arg(check.passwordEnv);
            return std::nullopt;
        }
        return qEnvironmentVariable(name.constData());
    }
    if (check.passwordFile.isEmpty())
        return check.password;
    QFile file(check.passwordFile);
    if (!file.open(QIODevice::ReadOnly)) {
        *problem = QStringLiteral("password_file: cannot read %1: %2")
                       .arg(check.passwordFile, file.errorString());
        return std::nullopt;
    }
    // The first line, as a .pgpass-style or Docker secret file has it.
    return QString::fromUtf8(file.readLine(64 * 1024))
        .remove(QLatin1Char('\n'))
        .remove(QLatin1Char('\r'));
}

} // namespace ic::health
