#include "BackupCommand.h"
#include "CommandLine.h"
#include "IncidentCommand.h"

namespace ic::cli {

const std::vector<Subcommand> &subcommands()
{
    static const std::vector<Subcommand> all{
        {QStringLiteral("backup"), QStringLiteral("Write a consistent copy of console.db."),
         runBackup},
        {QStringLiteral("incident"),
         QStringLiteral("Declare, list, show and work incidents (new, list, show, status, tick, "
                        "note…)."),
         runIncident},
    };
    return all;
}

} // namespace ic::cli
