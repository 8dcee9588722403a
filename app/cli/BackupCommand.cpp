#include "BackupCommand.h"

#include "IncidentCommandSupport.h"
#include "storage/Backups.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonObject>

namespace ic::cli {
namespace {

// backups/console-manual-<UTC second>.db, with -2, -3... when a backup of the same second is
// already there: a second run in the same second is no reason to fail.
QString defaultBackupPath(const QString &folder)
{
    const QDir backups(folder);
    backups.mkpath(QStringLiteral("."));
    const QString stem =
        QStringLiteral("console-manual-") +
        QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString path = backups.filePath(stem + QStringLiteral(".db"));
    for (int n = 2; QFileInfo::exists(path); ++n)
        path = backups.filePath(QStringLiteral("%1-%2.db").arg(stem).arg(n));
    return path;
}

} // namespace

int runBackup(Context &context, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Write a consistent copy of console.db, safe while the console runs."));
    parser.addOption(
        {QStringLiteral("output"),
         QStringLiteral("Backup file (default: backups/console-manual-<UTC time>.db in "
                        "the data dir)."),
         QStringLiteral("FILE")});
    addJsonOption(parser);
    if (const int code = parseSubcommandArguments(parser, QStringLiteral("backup"), args, context);
        code >= 0)
        return code;
    if (!parser.positionalArguments().isEmpty()) {
        context.err() << "incident-console backup: unexpected argument "
                      << parser.positionalArguments().first() << Qt::endl;
        return UsageError;
    }
    auto database = context.openDatabase();
    if (!database)
        return DataError;

    QString output = parser.value(QStringLiteral("output"));
    if (output.isEmpty())
        output =
            defaultBackupPath(QDir(context.dataDir().path).filePath(QStringLiteral("backups")));
    output = QFileInfo(output).absoluteFilePath();
    if (QFileInfo::exists(output)) {
        context.err() << "incident-console backup: " << output
                      << " already exists; choose another --output" << Qt::endl;
        return UsageError;
    }
    QString error;
    if (!Backups::write(database->connection(), output, &error)) {
        context.err() << "incident-console backup: cannot write " << output << ": " << error
                      << Qt::endl;
        return DataError;
    }
    if (parser.isSet(QStringLiteral("json")))
        printJson(context, QJsonObject{{QStringLiteral("path"), output}});
    else
        context.out() << output << Qt::endl;
    return Success;
}

} // namespace ic::cli
