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
        {3,
         "runbook index, full-text and trigram search, problems",
         {
             // num keeps FTS rowids stable: a TEXT primary key's implicit rowid may change
             // on VACUUM. Lists are JSON arrays.
             "CREATE TABLE runbooks ("
             " num INTEGER PRIMARY KEY,"
             " id TEXT NOT NULL UNIQUE,"
             " path TEXT NOT NULL UNIQUE,"
             " root TEXT NOT NULL,"
             " rel_path TEXT NOT NULL,"
             " size INTEGER NOT NULL,"
             " modified_ms INTEGER NOT NULL,"
             " hash TEXT NOT NULL,"
             " title TEXT NOT NULL,"
             " description TEXT NOT NULL DEFAULT '',"
             " tags TEXT NOT NULL DEFAULT '[]',"
             " severity TEXT NOT NULL DEFAULT '',"
             " owner TEXT NOT NULL DEFAULT '',"
             " last_reviewed TEXT,"
             " review_every_seconds INTEGER,"
             " services TEXT NOT NULL DEFAULT '[]',"
             " checks TEXT NOT NULL DEFAULT '[]',"
             " aliases TEXT NOT NULL DEFAULT '[]',"
             " extra TEXT NOT NULL DEFAULT '{}',"
             " is_section INTEGER NOT NULL DEFAULT 0,"
             " truncated INTEGER NOT NULL DEFAULT 0,"
             " indexed_at TEXT NOT NULL)",
             "CREATE VIRTUAL TABLE runbooks_fts USING fts5(title, aliases, tags, file_name, "
             "description, body, terms, tokenize = 'unicode61 remove_diacritics 2', "
             "prefix = '2 3')",
             "CREATE VIRTUAL TABLE runbooks_trigram USING fts5(words, tokenize = 'trigram')",
             "CREATE TABLE runbook_problems ("
             " path TEXT PRIMARY KEY,"
             " reason TEXT NOT NULL,"
             " indexed INTEGER NOT NULL,"
             " seen_at TEXT NOT NULL)",
         }},
        {4,
         "health check history: raw-result ring, rollups, observer gaps",
         {
             // Health history stays SQLite-local: a bounded ring of raw results per check
             // (slot = seq % ring size) and rollups per minute, hour and day.
             "CREATE TABLE health_results ("
             " check_name TEXT NOT NULL,"
             " slot INTEGER NOT NULL,"
             " seq INTEGER NOT NULL,"
             " checked_at TEXT NOT NULL,"
             " state TEXT NOT NULL,"
             " latency_ms INTEGER NOT NULL,"
             " message TEXT NOT NULL,"
             " conditions TEXT NOT NULL,"
             " PRIMARY KEY (check_name, slot)) WITHOUT ROWID",
             "CREATE TABLE health_rollups ("
             " check_name TEXT NOT NULL,"
             " resolution TEXT NOT NULL,"
             " bucket_start TEXT NOT NULL,"
             " total INTEGER NOT NULL,"
             " ok INTEGER NOT NULL,"
             " warn INTEGER NOT NULL,"
             " crit INTEGER NOT NULL,"
             " unknown INTEGER NOT NULL,"
             " latency_sum INTEGER NOT NULL,"
             " latency_max INTEGER NOT NULL,"
             " PRIMARY KEY (check_name, resolution, bucket_start)) WITHOUT ROWID",
             "CREATE TABLE health_gaps ("
             " started_at TEXT NOT NULL,"
             " ended_at TEXT NOT NULL,"
             " reason TEXT NOT NULL)",
         }},
        {5,
         "health latency histograms in the rollups",
         {
             // Counts per log-spaced latency bucket (health/LatencyHistogram.h), so the
             // rollups merge into p50/p95/p99 for any window. Older rows keep zeros: their
             // results count in uptime, not in the percentiles.
             "ALTER TABLE health_rollups ADD COLUMN latency_b00 INTEGER NOT NULL DEFAULT 0",
             "ALTER TABLE health_rollups ADD COLUMN latency_b01 INTEGER NOT NULL DEFAULT 0",
             "ALTER TABLE health_rollups ADD COLUMN latency_b02 INTEGER NOT NULL DEFAULT 0",
             "ALTER TABLE health_rollups ADD COLUMN latency_b03 INTEGER NOT NULL DEFAULT 0",
             "ALTER TABLE health_rollups ADD COLUMN latency_b04 INTEGER NOT NULL DEFAULT 0",
             "ALTER TABLE health_rollups ADD COLUMN latency_b05 INTEGER NOT NULL DEFAULT 0",
             "ALTER TABLE health_rollups ADD COLUMN latency_b06 INTEGER NOT NULL DEFAULT 0",
             "ALTER TABLE health_rollups ADD COLUMN latency_b07 INTEGER NOT NULL DEFAULT 0",
             "ALTER TABLE health_rollups ADD COLUMN latency_b08 INTEGER NOT NULL DEFAULT 0",
             "ALTER TABLE health_rollups ADD COLUMN latency_b09 INTEGER NOT NULL DEFAULT 0",
             "ALTER TABLE health_rollups ADD COLUMN latency_b10 INTEGER NOT NULL DEFAULT 0",
             "ALTER TABLE health_rollups ADD COLUMN latency_b11 INTEGER NOT NULL DEFAULT 0",
             "ALTER TABLE health_rollups ADD COLUMN latency_b12 INTEGER NOT NULL DEFAULT 0",
             "ALTER TABLE health_rollups ADD COLUMN latency_b13 INTEGER NOT NULL DEFAULT 0",
             "ALTER TABLE health_rollups ADD COLUMN latency_b14 INTEGER NOT NULL DEFAULT 0",
             "ALTER TABLE health_rollups ADD COLUMN latency_b15 INTEGER NOT NULL DEFAULT 0",
             "ALTER TABLE health_rollups ADD COLUMN latency_b16 INTEGER NOT NULL DEFAULT 0",
             "ALTER TABLE health_rollups ADD COLUMN latency_b17 INTEGER NOT NULL DEFAULT 0",
             "ALTER TABLE health_rollups ADD COLUMN latency_b18 INTEGER NOT NULL DEFAULT 0",
             "ALTER TABLE health_rollups ADD COLUMN latency_b19 INTEGER NOT NULL DEFAULT 0",
             "ALTER TABLE health_rollups ADD COLUMN latency_b20 INTEGER NOT NULL DEFAULT 0",
             "ALTER TABLE health_rollups ADD COLUMN latency_b21 INTEGER NOT NULL DEFAULT 0",
             "ALTER TABLE health_rollups ADD COLUMN latency_b22 INTEGER NOT NULL DEFAULT 0",
             "ALTER TABLE health_rollups ADD COLUMN latency_b23 INTEGER NOT NULL DEFAULT 0",
             "ALTER TABLE health_rollups ADD COLUMN latency_b24 INTEGER NOT NULL DEFAULT 0",
             "ALTER TABLE health_rollups ADD COLUMN latency_b25 INTEGER NOT NULL DEFAULT 0",
         }},
        {6,
         "incident time zone and channel, stable checklist item numbers",
         {
             // The zone the incident was declared in: its times read the same everywhere.
             // Incidents from before were declared in a zone nobody recorded; UTC is honest.
             "ALTER TABLE incidents ADD COLUMN time_zone TEXT NOT NULL DEFAULT 'UTC'",
             // Fixed at declaration, so every console and every reader names the same channel.
             "ALTER TABLE incidents ADD COLUMN channel TEXT NOT NULL DEFAULT ''",
             "UPDATE incidents SET channel = '#incident-' || strftime('%Y-%m-%d-%H%M', "
             "started_at)",
             // The number an item keeps for the life of the incident, whatever is added later.
             "ALTER TABLE checklist_items ADD COLUMN number INTEGER",
             "UPDATE checklist_items SET number = (SELECT count(*) FROM checklist_items AS c "
             "WHERE c.incident_id = checklist_items.incident_id AND (c.phase_position < "
             "checklist_items.phase_position OR (c.phase_position = "
             "checklist_items.phase_position AND c.position <= checklist_items.position)))",
             "CREATE UNIQUE INDEX checklist_items_by_number ON checklist_items(incident_id, "
             "number)",
         }},
        {7,
         "timeline indexes for incidents with long timelines",
         {
             // Whether a note was replaced, for each event the window shows, without reading
             // the rest of a timeline of hundreds of thousands of events.
             "CREATE INDEX timeline_events_by_supersedes ON timeline_events(supersedes) "
             "WHERE supersedes IS NOT NULL",
             // The latest event of a kind (the last update sent, for the next-update countdown).
             "CREATE INDEX timeline_events_by_kind ON timeline_events(incident_id, kind, at)",
         }},
        {8,
         "runbook search: positions dropped, title index, lengths for ranking",
         {
             // Ranking reads which columns hold a word, never where: without positions the
             // posting lists are several times shorter, and so is every query over them.
             // Contentless, because FTS5 re-tokenizes a detail=column row's stored text
             // whenever a function such as bm25() asks for positions; the text lives in
             // runbook_text (snippets are made from it, runbooks/Snippet.h, and removing a
             // row from the index needs it). How often a word occurs in the body survives as
             // columns: body_repeated holds the body's words that occur at least twice,
             // body_frequent those that occur four times or more.
             "DROP TABLE runbooks_fts",
             "CREATE VIRTUAL TABLE runbooks_fts USING fts5(title, aliases, tags, file_name, "
             "description, body, terms, body_repeated, body_frequent, content = '', "
             "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3', detail = column)",
             "CREATE TABLE runbook_text ("
             " num INTEGER PRIMARY KEY,"
             " title TEXT NOT NULL,"
             " aliases TEXT NOT NULL,"
             " tags TEXT NOT NULL,"
             " file_name TEXT NOT NULL,"
             " description TEXT NOT NULL,"
             " body TEXT NOT NULL,"
             " terms TEXT NOT NULL,"
             " body_repeated TEXT NOT NULL,"
             " body_frequent TEXT NOT NULL)",
             // Title, aliases and their CamelCase parts: the small index ranked first, so a
             // query its matches fill never walks the bodies' posting lists.
             "CREATE VIRTUAL TABLE runbooks_titles USING fts5(title, aliases, parts, "
             "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3', detail = column)",
             // Tokens of the row in runbooks_fts (its first seven columns) and in
             // runbooks_titles, for bm25's length normalisation.
             "ALTER TABLE runbooks ADD COLUMN tokens INTEGER NOT NULL DEFAULT 0",
             "ALTER TABLE runbooks ADD COLUMN title_tokens INTEGER NOT NULL DEFAULT 0",
             // Every row's lengths (and whether it is a folder page) in one blob per index,
             // read by a search in one step instead of one lookup per matching row.
             "CREATE TABLE runbook_rank ("
             " id INTEGER PRIMARY KEY CHECK (id = 1),"
             " lengths BLOB NOT NULL,"
             " title_lengths BLOB NOT NULL)",
             // Ids and metadata stay; the next scan parses every file again (its size no
             // longer matches) and fills the new tables.
             "UPDATE runbooks SET size = -1, hash = ''",
         }},
        {9,
         "runbook folders as last listed",
         {
             // Every folder a scan listed, with a stamp of its inode and times: a command that
             // searches the index checks these instead of every file (RunbookLibrary::refresh).
             // Stamp 0: list it again. The roots of that scan are app_meta 'runbook_roots'.
             "CREATE TABLE runbook_folders ("
             " path TEXT PRIMARY KEY,"
             " root TEXT NOT NULL,"
             " canonical TEXT NOT NULL,"
             " stamp INTEGER NOT NULL)",
         }},
        {10,
         "team mode: the journal of changes and the clocks of replicated fields",
         {
             // Every change to an incident as the event that replicates it (team/TeamEvent.h):
             // this console's own (origin 'local', pushed once the server has it) and those
             // pulled from the server ('server'). The id makes applying an event idempotent.
             "CREATE TABLE team_events ("
             " seq INTEGER PRIMARY KEY AUTOINCREMENT,"
             " id TEXT NOT NULL UNIQUE,"
             " incident_id TEXT NOT NULL,"
             " hlc TEXT NOT NULL,"
             " origin TEXT NOT NULL,"
             " pushed INTEGER NOT NULL DEFAULT 0,"
             " payload TEXT NOT NULL)",
             "CREATE INDEX team_events_waiting ON team_events(seq) WHERE pushed = 0",
             // The hybrid logical clock of the write that holds each replicated field, and the
             // timeline event of that write: the last-writer-wins registers of the merge.
             "CREATE TABLE team_clocks ("
             " tbl TEXT NOT NULL,"
             " row_id TEXT NOT NULL,"
             " col TEXT NOT NULL,"
             " hlc TEXT NOT NULL,"
             " event_id TEXT NOT NULL,"
             " PRIMARY KEY (tbl, row_id, col)) WITHOUT ROWID",
             // Every write of a replicated field, kept or not, with the write its author had
             // seen (base): whether one write was made without knowing of another is a
             // property of the events alone, so every console marks the same losers.
             "CREATE TABLE team_writes ("
             " tbl TEXT NOT NULL,"
             " row_id TEXT NOT NULL,"
             " col TEXT NOT NULL,"
             " hlc TEXT NOT NULL,"
             " base TEXT NOT NULL,"
             " value TEXT,"
             " event_id TEXT NOT NULL,"
             " PRIMARY KEY (tbl, row_id, col, hlc)) WITHOUT ROWID",
             // Events from the server this console refused, with why (team status lists them).
             "CREATE TABLE team_refused ("
             " server_seq INTEGER PRIMARY KEY,"
             " event_id TEXT NOT NULL,"
             " reason TEXT NOT NULL,"
             " seen_at TEXT NOT NULL)",
         }},
        {11,
         "incident roles: communications lead and experts",
         {
             // Beside commander, deputy and scribe: one communications lead and any number of
             // subject-matter experts (comma separated, like services).
             "ALTER TABLE incidents ADD COLUMN communications TEXT NOT NULL DEFAULT ''",
             "ALTER TABLE incidents ADD COLUMN experts TEXT NOT NULL DEFAULT ''",
         }},
        {12,
         "the number each checklist item was created with",
         {
             // In a team, items added at once on several consoles may claim the same number;
             // every console derives the final numbers from the claims and the creation clocks
             // (team/ItemNumbers.h). Local only: never replicated.
             "ALTER TABLE checklist_items ADD COLUMN claimed_number INTEGER",
             "UPDATE checklist_items SET claimed_number = number",
             "CREATE TRIGGER checklist_items_claim AFTER INSERT ON checklist_items WHEN "
             "NEW.claimed_number IS NULL BEGIN UPDATE checklist_items SET claimed_number = "
             "NEW.number WHERE id = NEW.id; END",
         }},
    };
    return migrations;
}

int latestSchemaVersion()
{
    return schemaMigrations().back().version;
}

} // namespace ic
