#include "AlertsCommand.h"
#include "BackupCommand.h"
#include "CheckCommand.h"
#include "CommandLine.h"
#include "ContactsCommand.h"
#include "DraftCommand.h"
#include "IncidentCommand.h"
#include "RunbooksCommand.h"
#include "TeamCommand.h"

namespace ic::cli {

const std::vector<Subcommand> &subcommands()
{
    static const std::vector<Subcommand> all{
        {QStringLiteral("alerts"),
         QStringLiteral(
             "What is firing at the alert sources; silence, expire, link (silence, expire, link)."),
         runAlerts},
        {QStringLiteral("backup"), QStringLiteral("Write a consistent copy of console.db."),
         runBackup},
        {QStringLiteral("check"),
         QStringLiteral("Run the health checks once and print the results."), runCheck},
        {QStringLiteral("runbooks"),
         QStringLiteral("List, search, show or reindex runbooks (list|search|show|reindex)."),
         runRunbooks},
        {QStringLiteral("draft"),
         QStringLiteral("Print (or post) an announcement filled from an incident."), runDraft},
        {QStringLiteral("export"),
         QStringLiteral("Write an incident as Markdown, HTML, PDF or JSON."), runExport, true},
        {QStringLiteral("incident"),
         QStringLiteral("Declare, list, show, import and work incidents (new, list, show, import, "
                        "status, tick, note…)."),
         runIncident},
        {QStringLiteral("team"),
         QStringLiteral("Share incidents with a team through PostgreSQL (join, status, sync, "
                        "leave)."),
         runTeam},
        {QStringLiteral("contacts"),
         QStringLiteral("List the escalation contacts, or those who can hold a role."),
         runContacts},
        {QStringLiteral("oncall"),
         QStringLiteral("Say who holds each role now (or --at a time) and until when."), runOncall},
    };
    return all;
}

} // namespace ic::cli
