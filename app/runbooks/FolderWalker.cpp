#include "FolderWalker.h"

#include "RunbookFile.h"

#include <QDir>
#include <QFileInfo>
#include <QSet>

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
};

} // namespace

WalkResult walkRunbookFolders(const QStringList &roots, const QStringList &privateDirs)
{
    WalkResult result;
    for (const QString &root : roots)
        Walker(result, privateDirs).walkRoot(root);
    return result;
}

} // namespace ic::runbooks
