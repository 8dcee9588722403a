#include "BackupCommand.h"

#include "storage/Backups.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>

namespace ic::cli {

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
    if (output.isEmpty()) {
        const QDir backups(QDir(context.dataDir().path).filePath(QStringLiteral("backups")));
        backups.mkpath(QStringLiteral("."));
        output = backups.filePath(
            QStringLiteral("console-manual-%1.db")
                .arg(QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"))));
    }
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
    context.out() << output << Qt::endl;
    return Success;
}

} // namespace ic::cli
