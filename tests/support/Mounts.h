#pragma once

// Real mounts for tests that need a read-only or a full file system: the suite runs as
// root, so file permissions alone stop no write. Each mount is undone when its ScopedMount
// goes away, lazily if still busy, so no test leaves one behind.

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <fcntl.h>
#include <memory>
#include <unistd.h>

namespace ic::test {

class ScopedMount
{
public:
    // Mounts source again at target, read-only. Returns nothing with *why set when the
    // machine does not allow mounting (the caller then skips).
    static std::unique_ptr<ScopedMount> readOnlyBind(const QString &source, const QString &target,
                                                     QString *why)
    {
        QDir().mkpath(target);
        if (!run({QStringLiteral("--bind"), source, target}, why))
            return nullptr;
        std::unique_ptr<ScopedMount> mount(new ScopedMount(target));
        if (!run({QStringLiteral("-o"), QStringLiteral("remount,bind,ro"), target}, why))
            return nullptr;
        return mount;
    }

    // A tmpfs of size (e.g. "1m") at target, to fill up.
    static std::unique_ptr<ScopedMount> tmpfs(const QString &target, const QString &size,
                                              QString *why)
    {
        QDir().mkpath(target);
        if (!run({QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                  QStringLiteral("size=") + size + QStringLiteral(",mode=0700"),
                  QStringLiteral("tmpfs"), target},
                 why))
            return nullptr;
        return std::unique_ptr<ScopedMount>(new ScopedMount(target));
    }

    ~ScopedMount()
    {
        if (QProcess::execute(QStringLiteral("umount"), {m_target}) != 0)
            QProcess::execute(QStringLiteral("umount"), {QStringLiteral("-l"), m_target});
    }
    ScopedMount(const ScopedMount &) = delete;
    ScopedMount &operator=(const ScopedMount &) = delete;

    QString path() const { return m_target; }

private:
    explicit ScopedMount(QString target) : m_target(std::move(target)) {}

    static bool run(const QStringList &args, QString *why)
    {
        QProcess mount;
        mount.start(QStringLiteral("mount"), args);
        if (mount.waitForFinished(30000) && mount.exitStatus() == QProcess::NormalExit &&
            mount.exitCode() == 0)
            return true;
        *why = QStringLiteral("mounting is not permitted here (mount %1: %2)")
                   .arg(args.join(QLatin1Char(' ')),
                        QString::fromLocal8Bit(mount.readAllStandardError()).trimmed());
        return false;
    }

    QString m_target;
};

// Writes zeros to path until the file system refuses more; returns the bytes written.
inline qint64 fillDisk(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_CREAT | O_WRONLY, 0600);
    if (fd < 0)
        return -1;
    const QByteArray chunk(4096, '\0');
    qint64 total = 0;
    ssize_t written = 0;
    while ((written = ::write(fd, chunk.constData(), size_t(chunk.size()))) > 0)
        total += written;
    ::close(fd);
    return total;
}

} // namespace ic::test
