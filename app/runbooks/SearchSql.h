#pragma once

namespace ic::runbooks::search_sql {

// The two statements behind RunbookLibrary::search, shared with the benchmark so that it
// measures the same FTS5 queries through the SQLite C API.
//
// bm25 saturates term frequency over the whole row, so column weights alone cannot keep a
// runbook that says "redis" five times in its body above one titled "Redis outage".
// Whole-query matches in the title or aliases therefore come first, by a fixed bonus; bm25
// with column weights (title, aliases, tags, file name, description, body, CamelCase parts)
// orders within each tier. Section pages (folder indexes) count half.
// Parameters: 1 the title-and-aliases expression, 2 the full expression, 3 the limit.
inline constexpr char ranked[] =
    "SELECT r.num, r.id, r.path, r.title, -bm25(runbooks_fts, 10.0, 8.0, 4.0, 5.0, 2.0, 1.0, "
    "1.0) * CASE r.is_section WHEN 1 THEN 0.5 ELSE 1.0 END + CASE WHEN runbooks_fts.rowid IN "
    "(SELECT rowid FROM runbooks_fts WHERE runbooks_fts MATCH ?1) THEN 100.0 ELSE 0.0 END AS "
    "score FROM runbooks_fts JOIN runbooks r ON r.num = runbooks_fts.rowid "
    "WHERE runbooks_fts MATCH ?2 ORDER BY score DESC LIMIT ?3";

// Snippets cost far more than ranking, so they are made for the shown rows only: the body
// in context, else the description (the generated CamelCase column is no text to show).
// Parameters: 1 the full expression, 2 the row.
inline constexpr char snippets[] =
    "SELECT snippet(runbooks_fts, 5, char(2), char(3), '…', 16), "
    "snippet(runbooks_fts, 4, char(2), char(3), '…', 16) FROM runbooks_fts "
    "WHERE runbooks_fts MATCH ?1 AND rowid = ?2";

} // namespace ic::runbooks::search_sql
