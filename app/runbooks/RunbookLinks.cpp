#include "RunbookLinks.h"

#include "RunbookFile.h"

#include <QDir>
#include <QFileInfo>

namespace ic::runbooks {
namespace {

QString existingRunbook(const QString &path)
{
    const QFileInfo info(path);
    if (info.isFile())
        return isRunbookFileName(info.fileName()) ? info.absoluteFilePath() : QString();
    if (info.isDir()) {
        for (const char *name : {"_index.md", "README.md", "index.md"}) {
            const QString candidate = QDir(path).filePath(QLatin1String(name));
            if (QFileInfo(candidate).isFile())
                return QFileInfo(candidate).absoluteFilePath();
        }
        return {};
    }
    for (const char *extension : {".md", ".markdown"}) {
        const QString candidate = path % QLatin1String(extension);
        if (QFileInfo(candidate).isFile())
            return QFileInfo(candidate).absoluteFilePath();
    }
    return {};
}

} // namespace

LinkTarget resolveLink(const QUrl &href, const QString &fromPath)
{
    LinkTarget target;
    const QString scheme = href.scheme().toLower();
    if (scheme == QLatin1String("copy")) {
        bool ok = false;
        target.codeBlock = href.path().toInt(&ok);
        target.kind =
            ok && target.codeBlock >= 0 ? LinkTarget::Kind::CopyCode : LinkTarget::Kind::Blocked;
        return target;
    }
    if (scheme == QLatin1String("http") || scheme == QLatin1String("https") ||
        scheme == QLatin1String("mailto")) {
        target.kind = LinkTarget::Kind::External;
        target.url = href;
        return target;
    }
    if (!scheme.isEmpty() && scheme != QLatin1String("file"))
        return target;
    target.anchor = href.fragment();
    const QString linkPath = href.path();
    if (linkPath.isEmpty()) {
        target.kind = href.hasFragment() ? LinkTarget::Kind::Anchor : LinkTarget::Kind::Blocked;
        return target;
    }
    const QString absolute = QDir::isAbsolutePath(linkPath)
                                 ? QDir::cleanPath(linkPath)
                                 : QDir::cleanPath(QFileInfo(fromPath).dir().filePath(linkPath));
    const QString runbook = existingRunbook(absolute);
    if (!runbook.isEmpty()) {
        target.kind = LinkTarget::Kind::Runbook;
        target.path = runbook;
    } else if (!QFileInfo::exists(absolute)) {
        target.kind = LinkTarget::Kind::Missing;
        target.path = absolute;
    }
    return target;
}

QString resolveImage(const QUrl &href, const QString &fromPath, const QString &root)
{
    if (!href.scheme().isEmpty() && href.scheme() != QLatin1String("file"))
        return {};
    const QString linkPath = href.path();
    if (linkPath.isEmpty())
        return {};
    const QFileInfo image(
        QDir::isAbsolutePath(linkPath) ? linkPath : QFileInfo(fromPath).dir().filePath(linkPath));
    const QString canonicalRoot = QFileInfo(root).canonicalFilePath();
    const QString canonicalImage = image.canonicalFilePath();
    if (canonicalRoot.isEmpty() || canonicalImage.isEmpty() || !image.isFile() ||
        !canonicalImage.startsWith(canonicalRoot + QLatin1Char('/')))
        return {};
    return canonicalImage;
}

} // namespace ic::runbooks
