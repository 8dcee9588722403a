#include "ConsoleSecrets.h"

#include <QFileInfo>

namespace ic {
namespace {

bool isConsoleFileName(const QString &fileName)
{
    for (const QString &secret : {webhookSecretFileName, teamPasswordFileName})
        if (fileName == secret || fileName == secret + QStringLiteral(".new"))
            return true;
    return fileName.startsWith(QLatin1String("console.db"));
}

} // namespace

QString whyNotAPasswordVariable(const QString &name)
{
    if (name.startsWith(QLatin1String("INCIDENT_CONSOLE_")))
        return QStringLiteral("%1 is the console's own variable; it would be sent as a "
                              "password to the server named")
            .arg(name);
    return {};
}

QString whyNotAPasswordFile(const QString &path)
{
    const QFileInfo file(path);
    // canonicalFilePath() follows every link, so a link to the secret is refused as well.
    const QString target = file.canonicalFilePath();
    if (isConsoleFileName(file.fileName()) ||
        (!target.isEmpty() && isConsoleFileName(QFileInfo(target).fileName())))
        return QStringLiteral("%1 is one of the console's own files; it would be sent as a "
                              "password to the server named")
            .arg(path);
    return {};
}

} // namespace ic
