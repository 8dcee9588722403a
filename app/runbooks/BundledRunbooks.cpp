#include "BundledRunbooks.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace ic::runbooks {

QString bundledRunbookDir()
{
    QStringList candidates;
    if (QCoreApplication::instance())
        candidates << QDir(QCoreApplication::applicationDirPath())
                          .filePath(QStringLiteral("../share/incident-console/runbooks"));
    // An installed binary finds its own copy above; the source tree is what a build runs.
    candidates << QStringLiteral(INCIDENT_CONSOLE_SOURCE_DIR "/runbooks")
               << QStringLiteral(INCIDENT_CONSOLE_DATA_INSTALL_DIR "/runbooks");
    for (const QString &candidate : candidates) {
        if (QFileInfo(candidate).isDir())
            return QDir::cleanPath(QFileInfo(candidate).absoluteFilePath());
    }
    return {};
}

} // namespace ic::runbooks
