#include "BackupCommand.h"
#include "CommandLine.h"

namespace ic::cli {

const std::vector<Subcommand> &subcommands()
{
    static const std::vector<Subcommand> all{
        {QStringLiteral("backup"), QStringLiteral("Write a consistent copy of console.db."),
         runBackup},
    };
    return all;
}

} // namespace ic::cli
