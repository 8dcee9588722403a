#include "FolderWalker.h"

#include "RunbookFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSet>
#include <sys/stat.h>

namespace ic::runbooks {
namespace {

bool isInside(const QString &path, const QString &folder)
{
    return path == folder ||
           path.startsWith(folder.endsWith(QLatin1Char('/')) ? folder : folder + QLatin1Char('/'));
}

class Walker
{
public:
    Walker(WalkResult &result, const QStringList &privateDirs) : m_result(result)
    {
        for (const QString &dir : privateDirs) {
            const QString canonical = QFileInfo(dir).canonicalFilePath();
            if (!canonical.isEmpty())
                m_privateDirs << canonical;
        }
    }

    // Folders not to enter (they are rescanned on their own, or unchanged) and, for the
    // loop check, already visited.
    void setKnown(const std::vector<KnownFolder> &known)
    {
        for (const KnownFolder &folder : known) {
            m_known.insert(folder.path);
            m_visited.insert(folder.canonical);
        }
    }

    // The folder's own entries, by the rules of walk().
    void rescan(const QString &directory, const QString &root)
    {
        const QFileInfo rootInfo(root);
        m_root = QDir::cleanPath(rootInfo.absoluteFilePath());
        m_canonicalRoot = rootInfo.canonicalFilePath();
        m_visited.remove(QFileInfo(directory).canonicalFilePath());
        walk(directory);
    }

    void walkRoot(const QString &root)
    {
        const QFileInfo info(root);
        if (!info.exists()) {
            m_result.problems.push_back({root, QStringLiteral("runbook folder not found")});
            return;
        }
        if (!info.isDir()) {
            m_result.problems.push_back({root, QStringLiteral("not a folder")});
            return;
        }
        m_root = QDir::cleanPath(info.absoluteFilePath());
        m_canonicalRoot = info.canonicalFilePath();
        if (m_privateDirs.contains(m_canonicalRoot)) {
            m_result.problems.push_back(
                {root, QStringLiteral("is the console's data dir, which is never indexed")});
            return;
        }
        walk(m_root);
    }

private:
    // A root chosen inside the data dir (its own runbooks folder) is the user's choice; from
    // any other root, nothing in the data dir is reached.
    QString whyPrivate(const QString &canonical) const
    {
        for (const QString &dir : m_privateDirs) {
            if (isInside(canonical, dir) && !isInside(m_canonicalRoot, dir))
                return QStringLiteral("inside the console's data dir %1, which is never indexed")
                    .arg(dir);
        }
        return {};
    }

    // Why the link entry must not be followed, or an empty string when it stays inside.
    QString whyNotFollowed(const QFileInfo &entry) const
    {
        const QString target = entry.canonicalFilePath();
        if (!isInside(target, m_canonicalRoot))
            return QStringLiteral("symbolic link to %1 leads outside the runbook folder %2; "
                                  "not followed")
                .arg(target, m_canonicalRoot);
        if (target.endsWith(QLatin1String(".secret")))
            return QStringLiteral("symbolic link to the secret file %1; not followed").arg(target);
        return {};
    }

    void walk(const QString &directory)
    {
        const QFileInfo info(directory);
        const QString canonical = info.canonicalFilePath();
        if (!info.isDir()) {
            // Gone between being listed and being entered, or replaced by a file.
            return;
        }
        if (m_visited.contains(canonical)) {
            m_result.problems.push_back(
                {directory, QStringLiteral("symbolic link loop: leads back to %1, not followed")
                                .arg(canonical)});
            return;
        }
        if (!info.isReadable() || !info.isExecutable()) {
            m_result.problems.push_back(
                {directory, QStringLiteral("cannot open folder: permission denied")});
            return;
        }
        m_visited.insert(canonical);
        m_result.directories << directory;
        m_result.canonicalDirectories << canonical;
        const QDir dir(directory);
        const QFileInfoList entries = dir.entryInfoList(
            QDir::Dirs | QDir::Files | QDir::NoDotAndDotDot | QDir::System, QDir::Name);
        for (const QFileInfo &entry : entries) {
            if (entry.fileName().startsWith(QLatin1Char('.')))
                continue;
            if (entry.isSymLink() && !entry.exists()) {
                if (entry.isDir() || isRunbookFileName(entry.fileName()))
                    m_result.problems.push_back(
                        {entry.absoluteFilePath(),
                         QStringLiteral("broken symbolic link to %1").arg(entry.symLinkTarget())});
                continue;
            }
            if (entry.isDir() || isRunbookFileName(entry.fileName())) {
                QString why = entry.isSymLink() ? whyNotFollowed(entry) : QString();
                if (why.isEmpty())
                    why = whyPrivate(entry.canonicalFilePath());
                if (!why.isEmpty()) {
                    m_result.problems.push_back({entry.absoluteFilePath(), why});
                    continue;
                }
            }
            if (entry.isDir()) {
                if (!m_known.contains(entry.absoluteFilePath()))
                    walk(entry.absoluteFilePath());
            } else if (entry.isFile() && isRunbookFileName(entry.fileName())) {
                const QString path = entry.absoluteFilePath();
                // Every entry is reached through m_root, so its path starts with it.
                const qsizetype prefix =
                    m_root.size() + (m_root.endsWith(QLatin1Char('/')) ? 0 : 1);
                m_result.files.push_back({path, m_root, path.mid(prefix), entry.size(),
                                          entry.lastModified().toMSecsSinceEpoch()});
            }
        }
    }

    WalkResult &m_result;
    QStringList m_privateDirs;
    QString m_root;
    QString m_canonicalRoot;
    QSet<QString> m_visited;
    QSet<QString> m_known;
};

} // namespace

WalkResult walkRunbookFolders(const QStringList &roots, const QStringList &privateDirs)
{
    WalkResult result;
    for (const QString &root : roots)
        Walker(result, privateDirs).walkRoot(root);
    return result;
}

WalkResult rescanRunbookFolders(const std::vector<FolderToRescan> &folders,
                                const std::vector<KnownFolder> &known,
                                const QStringList &privateDirs)
{
    WalkResult result;
    Walker walker(result, privateDirs);
    walker.setKnown(known);
    for (const FolderToRescan &folder : folders)
        walker.rescan(folder.path, folder.root);
    return result;
}

qint64 folderStamp(const QString &path, qint64 nowMs, qint64 racyMs)
{
    struct stat info;
    if (::stat(QFile::encodeName(path).constData(), &info) != 0 || !S_ISDIR(info.st_mode))
        return 0;
    const qint64 modifiedNs = qint64(info.st_mtim.tv_sec) * 1000000000 + info.st_mtim.tv_nsec;
    const qint64 changedNs = qint64(info.st_ctim.tv_sec) * 1000000000 + info.st_ctim.tv_nsec;
    if (std::max(modifiedNs, changedNs) / 1000000 > nowMs - racyMs)
        return 0;
    // One number from the three; 0 is kept for "list it again".
    const quint64 stamp = quint64(info.st_ino) * 0x9E3779B97F4A7C15ULL ^
                          quint64(modifiedNs) * 0xC2B2AE3D27D4EB4FULL ^ quint64(changedNs);
    return stamp == 0 ? 1 : qint64(stamp);
}

} // namespace ic::runbooks
