#pragma once

#include "core/Result.h"

#include <QString>

namespace ic {

// Where the console keeps console.db, health.yaml and its logs.
struct DataDirChoice
{
    QString path;
    QString origin; // "--data-dir", "INCIDENT_CONSOLE_DATA_DIR" or "default"
};

// --data-dir wins, then the environment variable, then QStandardPaths::AppDataLocation.
DataDirChoice resolveDataDir(const QString &commandLineValue);

// Creates the directory (0700) when it does not exist yet. An existing one is made private
// (see makePrivate() in PrivateFiles.h) with console.db, its WAL files, secrets, backups
// and logs, or refused when another account owns it. The error names the directory or file
// and the reason.
Result<void> ensureDataDir(const QString &path);

} // namespace ic
