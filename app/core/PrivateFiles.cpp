#include "PrivateFiles.h"

#include <QFile>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ic {
namespace {

QString modeText(mode_t mode)
{
    return QStringLiteral("%1").arg(uint(mode & 07777), 4, 8, QLatin1Char('0'));
}

QString ownerName(uid_t uid)
{
    const passwd *entry = ::getpwuid(uid);
    return entry ? QString::fromLocal8Bit(entry->pw_name) : QString::number(uid);
}

// The owner is this account, or root, who can change everything anyway.
bool ownerIsTrusted(uid_t owner)
{
    return owner == ::geteuid() || owner == 0;
}

} // namespace

QString makePrivate(const QString &path)
{
    struct stat info
    {};
    const QByteArray name = QFile::encodeName(path);
    if (::stat(name.constData(), &info) != 0)
        return {};
    const bool directory = S_ISDIR(info.st_mode);
    if ((info.st_mode & 077) == 0 && ownerIsTrusted(info.st_uid))
        return {};
    if (info.st_uid != ::geteuid())
        return QStringLiteral("%1 belongs to %2 and has mode %3: another account can change or "
                              "read it, so it is not used; use a data dir of your own "
                              "(--data-dir)")
            .arg(path, ownerName(info.st_uid), modeText(info.st_mode));
    const mode_t privateMode = directory ? S_IRWXU : S_IRUSR | S_IWUSR;
    // On a read-only file system nobody can change the file; the console then opens the
    // data dir read-only and says so.
    if (::chmod(name.constData(), (info.st_mode & S_IRWXU) | privateMode) != 0 && errno != EROFS)
        return QStringLiteral("%1 has mode %2, open to other accounts, and cannot be made "
                              "private: %3")
            .arg(path, modeText(info.st_mode), QString::fromLocal8Bit(std::strerror(errno)));
    return {};
}

QString whyNotTrusted(const QString &path)
{
    struct stat info
    {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return {};
    if (!ownerIsTrusted(info.st_uid))
        return QStringLiteral("%1 belongs to %2 (mode %3), so another account can change it; "
                              "not used")
            .arg(path, ownerName(info.st_uid), modeText(info.st_mode));
    if (info.st_mode & (S_IWGRP | S_IWOTH))
        return QStringLiteral("%1 has mode %2, so other accounts can change it; not used until "
                              "you check it and run chmod go-w on it")
            .arg(path, modeText(info.st_mode));
    return {};
}

QString writeSecretFile(const QString &path, const QByteArray &bytes)
{
    const QString temporary = path + QStringLiteral(".new");
    const int fd = ::open(QFile::encodeName(temporary).constData(),
                          O_CREAT | O_TRUNC | O_WRONLY | O_CLOEXEC, 0600);
    const bool written =
        fd >= 0 && ::write(fd, bytes.constData(), size_t(bytes.size())) == ssize_t(bytes.size()) &&
        ::fsync(fd) == 0;
    if (fd >= 0)
        ::close(fd);
    if (!written || ::rename(QFile::encodeName(temporary).constData(),
                             QFile::encodeName(path).constData()) != 0) {
        const QString reason = QString::fromLocal8Bit(strerror(errno));
        QFile::remove(temporary);
        return QStringLiteral("cannot write %1: %2").arg(path, reason);
    }
    return {};
}

} // namespace ic
