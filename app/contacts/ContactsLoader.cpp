#include "ContactsLoader.h"

#include "ContactsFile.h"
#include "DirectoryMerge.h"
#include "core/PrivateFiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace ic::contacts {
namespace {

constexpr qint64 maxContactsBytes = 1024 * 1024;

const QString fileName = QStringLiteral("contacts.yaml");

// The contents of a file the console may act on, or a problem saying why not.
std::optional<QByteArray> readTrusted(const QString &path, qint64 maxBytes,
                                      QList<Problem> *problems)
{
    if (const QString why = whyNotTrusted(path); !why.isEmpty()) {
        problems->append(
            {path, 0, {}, why.startsWith(path) ? why.mid(path.size()).trimmed() : why});
        return std::nullopt;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        problems->append({path, 0, {}, QStringLiteral("cannot read: %1").arg(file.errorString())});
        return std::nullopt;
    }
    if (file.size() > maxBytes) {
        problems->append(
            {path, 0, {}, QStringLiteral("larger than %1 KiB; not read").arg(maxBytes / 1024)});
        return std::nullopt;
    }
    return file.read(maxBytes);
}

} // namespace

QString contactsPath(const QString &dataDir)
{
    return QDir(dataDir).filePath(fileName);
}

QString ensureDefaultContacts(const QString &dataDir)
{
    const QString target = contactsPath(dataDir);
    if (QFileInfo::exists(target))
        return {};
    QFile source(QStringLiteral(":/contacts/contacts.yaml"));
    if (!source.open(QIODevice::ReadOnly))
        return QStringLiteral("the built-in default contacts.yaml is missing from this build");
    const QByteArray bytes = source.readAll();
    // 0600 from the first byte, whatever the umask; O_EXCL never overwrites a file another
    // instance wrote a moment ago.
    const int fd = ::open(QFile::encodeName(target).constData(),
                          O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
    if (fd < 0)
        return errno == EEXIST ? QString()
                               : QStringLiteral("cannot write %1: %2")
                                     .arg(target, QString::fromLocal8Bit(std::strerror(errno)));
    const bool written =
        ::write(fd, bytes.constData(), size_t(bytes.size())) == ssize_t(bytes.size());
    const int error = errno;
    ::close(fd);
    if (!written)
        return QStringLiteral("cannot write %1: %2")
            .arg(target, QString::fromLocal8Bit(std::strerror(error)));
    return {};
}

QStringList contactsFiles(const QString &dataDir, const QStringList &runbookFolders)
{
    QStringList files;
    for (const QString &folder : runbookFolders) {
        const QString path = QDir::cleanPath(QDir(folder).absoluteFilePath(fileName));
        if (QFileInfo(path).isFile() && !files.contains(path))
            files << path;
    }
    const QString own = contactsPath(dataDir);
    if (QFileInfo(own).isFile() && !files.contains(own))
        files << own;
    return files;
}

Directory loadDirectory(const QString &dataDir, const QStringList &runbookFolders,
                        const QDateTime &around)
{
    DirectoryMerge merge(around);
    for (const QString &path : contactsFiles(dataDir, runbookFolders)) {
        QList<Problem> problems;
        const auto bytes = readTrusted(path, maxContactsBytes, &problems);
        if (!bytes) {
            merge.addProblems(problems);
            continue;
        }
        merge.add(parseContactsFile(*bytes, path, QFileInfo(path).absolutePath()));
    }
    return merge.finish([](const QString &ics, qint64 maxBytes, QList<Problem> *problems) {
        return readTrusted(ics, maxBytes, problems);
    });
}

} // namespace ic::contacts
