#include "Migrations.h"

namespace ic {

// Incident, checklist and timeline tables stay portable SQL (TEXT UUID keys, ISO-8601 UTC
// timestamps, no AUTOINCREMENT) so that team mode can later sync them through PostgreSQL.
const std::vector<Migration> &schemaMigrations()
{
    static const std::vector<Migration> migrations{
        {1,
         "bookkeeping",
         {
             "CREATE TABLE app_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
         }},
        {2,
         "incidents, checklist, timeline, drafts",
         {
             "CREATE TABLE incidents ("
             " id TEXT PRIMARY KEY,"
             " title TEXT NOT NULL,"
             " severity TEXT NOT NULL,"
             " status TEXT NOT NULL,"
             " services TEXT NOT NULL DEFAULT '',"
             " impact TEXT NOT NULL DEFAULT '',"
             " commander TEXT NOT NULL DEFAULT '',"
             " deputy TEXT NOT NULL DEFAULT '',"
             " scribe TEXT NOT NULL DEFAULT '',"
             " is_drill INTEGER NOT NULL DEFAULT 0,"
             " started_at TEXT NOT NULL,"
             " detected_at TEXT,"
             " acknowledged_at TEXT,"
             " mitigated_at TEXT,"
             " resolved_at TEXT,"
             " created_at TEXT NOT NULL,"
             " updated_at TEXT NOT NULL)",
             "CREATE TABLE checklist_items ("
             " id TEXT PRIMARY KEY,"
             " incident_id TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,"
             " phase TEXT NOT NULL,"
             " phase_position INTEGER NOT NULL DEFAULT 0,"
             " position INTEGER NOT NULL,"
             " text TEXT NOT NULL,"
             " due_offset_seconds INTEGER,"
             " due_rule TEXT NOT NULL DEFAULT '',"
             " checked_at TEXT,"
             " checked_by TEXT,"
             " note TEXT NOT NULL DEFAULT '',"
             " source TEXT NOT NULL DEFAULT 'template',"
             " assignee TEXT NOT NULL DEFAULT '',"
             " timebox_until TEXT,"
             " milestone TEXT NOT NULL DEFAULT '')",
             "CREATE INDEX checklist_items_by_incident ON checklist_items(incident_id, "
             "phase_position, position)",
             "CREATE TABLE timeline_events ("
             " id TEXT PRIMARY KEY,"
             " incident_id TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,"
             " at TEXT NOT NULL,"
             " kind TEXT NOT NULL,"
             " text TEXT NOT NULL,"
             " actor TEXT NOT NULL DEFAULT '',"
             " data TEXT NOT NULL DEFAULT '{}',"
             " supersedes TEXT)",
             "CREATE INDEX timeline_events_by_incident ON timeline_events(incident_id, at)",
             "CREATE TABLE drafts ("
             " id TEXT PRIMARY KEY,"
             " incident_id TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,"
             " template TEXT NOT NULL,"
             " body TEXT NOT NULL,"
             " created_at TEXT NOT NULL,"
             " copied_at TEXT,"
             " posted_at TEXT)",
         }},
    };
    return migrations;
}

int latestSchemaVersion()
{
    return schemaMigrations().back().version;
}

} // namespace ic
