#include "BundledRunbooks.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace ic::runbooks {

QString bundledRunbookDir()
{
    // Lets tests (and packagers checking a build) name the set, or an empty folder for none.
    if (qEnvironmentVariableIsSet("INCIDENT_CONSOLE_BUNDLED_RUNBOOKS")) {
        const QFileInfo chosen(qEnvironmentVariable("INCIDENT_CONSOLE_BUNDLED_RUNBOOKS"));
        return chosen.isDir() ? QDir::cleanPath(chosen.absoluteFilePath()) : QString();
    }
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
