#include "WriteAccess.h"

#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QStorageInfo>
#include <cerrno>
#include <cstring>
#include <unistd.h>

namespace ic {
namespace {

QString accessProblem(const QString &path)
{
    if (::access(QFile::encodeName(path).constData(), W_OK) == 0)
        return {};
    return QString::fromLocal8Bit(std::strerror(errno));
}

} // namespace

QString whyNotWritable(const QString &path)
{
    const QString dir = QFileInfo(path).absolutePath();
    // SQLite creates -wal and -shm next to the database, so the directory must be writable.
    if (const QString problem = accessProblem(dir); !problem.isEmpty())
        return QStringLiteral("the data dir %1 cannot be written (%2)").arg(dir, problem);
    if (QFileInfo::exists(path)) {
        if (const QString problem = accessProblem(path); !problem.isEmpty())
            return QStringLiteral("%1 cannot be written (%2)").arg(path, problem);
    }
    return {};
}

QString whyNoRoomToOpen(const QString &path)
{
    // QStorageInfo asks statvfs(2): bytesAvailable() is what this user may still write, so a
    // quota or the root reserve counts.
    const QStorageInfo storage(QFileInfo(path).absolutePath());
    if (!storage.isValid() || storage.bytesAvailable() >= minimumFreeBytesToOpen)
        return {};
    const QLocale c = QLocale::c();
    return QStringLiteral("no space left on %1: %2 free, and opening %3 for writing needs at "
                          "least %4")
        .arg(storage.rootPath(), c.formattedDataSize(storage.bytesAvailable()), path,
             c.formattedDataSize(minimumFreeBytesToOpen));
}

QString describeWriteError(const QString &path, const QString &driverError)
{
    QString reason = driverError;
    if (driverError.contains(QLatin1String("disk is full")))
        reason = QStringLiteral("disk full");
    else if (driverError.contains(QLatin1String("readonly")) ||
             driverError.contains(QLatin1String("read-only")))
        reason = QStringLiteral("read-only");
    else if (driverError.contains(QLatin1String("disk I/O error")))
        reason = QStringLiteral("disk I/O error");
    return QStringLiteral("could not save to %1: %2 (%3)").arg(path, reason, driverError);
}

} // namespace ic
