#include "DataDir.h"

#include "PrivateFiles.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <cerrno>
#include <cstring>
#include <sys/stat.h>

namespace ic {

DataDirChoice resolveDataDir(const QString &commandLineValue)
{
    if (!commandLineValue.isEmpty())
        return {QDir(commandLineValue).absolutePath(), QStringLiteral("--data-dir")};
    const QString fromEnv = qEnvironmentVariable("INCIDENT_CONSOLE_DATA_DIR");
    if (!fromEnv.isEmpty())
        return {QDir(fromEnv).absolutePath(), QStringLiteral("INCIDENT_CONSOLE_DATA_DIR")};
    return {QStandardPaths::writableLocation(QStandardPaths::AppDataLocation),
            QStringLiteral("default")};
}

namespace {

// The data dir and what in it holds incident data, personal data or secrets: the database
// with its WAL files, the webhook secret, contacts.yaml and calendar exports, backups and
// logs. health.yaml and templates are not here: they are checked where they are read, and
// not used when others could have changed them.
QStringList privatePaths(const QString &dataDir)
{
    const QDir dir(dataDir);
    QStringList paths{dataDir};
    for (const QString &name :
         dir.entryList({QStringLiteral("console.db*"), QStringLiteral("*.secret"),
                        QStringLiteral("contacts.yaml"), QStringLiteral("*.ics")},
                       QDir::Files | QDir::Hidden | QDir::System))
        paths << dir.filePath(name);
    for (const QString &folder : {QStringLiteral("backups"), QStringLiteral("logs")}) {
        if (!dir.exists(folder))
            continue;
        paths << dir.filePath(folder);
        const QDir inner(dir.filePath(folder));
        for (const QString &name : inner.entryList(QDir::Files | QDir::Hidden | QDir::System))
            paths << inner.filePath(name);
    }
    return paths;
}

} // namespace

Result<void> ensureDataDir(const QString &path)
{
    const QFileInfo info(path);
    if (info.exists()) {
        if (!info.isDir())
            return refusal(QStringLiteral("data dir %1 exists but is not a directory").arg(path));
        for (const QString &privatePath : privatePaths(path)) {
            if (const QString problem = makePrivate(privatePath); !problem.isEmpty())
                return refusal(problem);
        }
        return {};
    }
    const QFileInfo parent(info.absolutePath());
    if (!parent.exists() && !QDir().mkpath(parent.absoluteFilePath()))
        return failure(
            QStringLiteral("cannot create data dir parent %1").arg(parent.absoluteFilePath()));
    // mkdir with 0700 directly: incident notes and webhook secrets live here, so the
    // directory is never world-readable, not even for an instant.
    if (::mkdir(QFile::encodeName(path).constData(), S_IRWXU) != 0 && errno != EEXIST)
        return failure(QStringLiteral("cannot create data dir %1: %2")
                           .arg(path, QString::fromLocal8Bit(std::strerror(errno))));
    return {};
}

} // namespace ic
