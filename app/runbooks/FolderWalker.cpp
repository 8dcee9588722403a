#include "FolderWalker.h"

#include "RunbookFile.h"

#include <QDir>
#include <QFileInfo>
#include <QSet>

namespace ic::runbooks {
namespace {

class Walker
{
public:
    explicit Walker(WalkResult &result) : m_result(result) {}

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
        walk(m_root);
    }

private:
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
    QString m_root;
    QSet<QString> m_visited;
};

} // namespace

WalkResult walkRunbookFolders(const QStringList &roots)
{
    WalkResult result;
    for (const QString &root : roots)
        Walker(result).walkRoot(root);
    return result;
}

} // namespace ic::runbooks
