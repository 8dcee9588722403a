#include "BackupCommand.h"
#include "CommandLine.h"
#include "RunbooksCommand.h"

namespace ic::cli {

const std::vector<Subcommand> &subcommands()
{
    static const std::vector<Subcommand> all{
        {QStringLiteral("backup"), QStringLiteral("Write a consistent copy of console.db."),
         runBackup},
        {QStringLiteral("runbooks"),
         QStringLiteral("List, search, show or reindex runbooks (list|search|show|reindex)."),
         runRunbooks},
    };
    return all;
}

} // namespace ic::cli
