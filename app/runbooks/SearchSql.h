#pragma once

namespace ic::runbooks::search_sql {

// The statements behind RunbookLibrary::search, shared with the benchmark so that it
// measures the same queries through the SQLite C API.

// Every row's length in runbooks_fts and in runbooks_titles, for ic_rank (RankFunction.h).
inline constexpr char lengths[] = "SELECT lengths, title_lengths FROM runbook_rank WHERE id = 1";

// bm25 saturates term frequency over the whole row, so column weights alone cannot keep a
// runbook that says "redis" five times in its body above one titled "Redis outage". Rows
// whose title, aliases or their CamelCase parts match the whole query therefore come first,
// ranked by ic_rank (bm25 with weights for title, aliases, parts) in the small title index.
// Only the page's rows are joined to runbooks.
// Parameters: 1 the expression, 2 the limit.
inline constexpr char titleRanked[] =
    "SELECT r.num, r.id, r.path, r.title, s.score FROM (SELECT rowid AS num, "
    "ic_rank(runbooks_titles, 10.0, 8.0, 4.0) AS score FROM runbooks_titles "
    "WHERE runbooks_titles MATCH ?1 ORDER BY score DESC LIMIT ?2) AS s "
    "JOIN runbooks r ON r.num = s.num ORDER BY s.score DESC";

// Only for what the title tier leaves of the page: every column of the full index, bm25 with
// weights (title, aliases, tags, file name, description, body, CamelCase parts, and the
// body's words again when they occur twice, and again when four times: a word's frequency
// in the body counts 1, 2 or 4); the title tier's rows are excluded from ic_rank (they score
// -1). Section pages count half.
// Parameters: 1 the expression, 2 the limit.
inline constexpr char bodyRanked[] =
    "SELECT r.num, r.id, r.path, r.title, s.score FROM (SELECT rowid AS num, "
    "ic_rank(runbooks_fts, 10.0, 8.0, 4.0, 5.0, 2.0, 1.0, 1.0, 1.0, 2.0) AS score "
    "FROM runbooks_fts "
    "WHERE runbooks_fts MATCH ?1 ORDER BY score DESC LIMIT ?2) AS s "
    "JOIN runbooks r ON r.num = s.num WHERE s.score >= 0 ORDER BY s.score DESC";

// The text snippets are made from (Snippet.h), for the shown rows only: the body in
// context, else the description. Parameter: 1 the row.
inline constexpr char snippetText[] = "SELECT body, description FROM runbook_text WHERE num = ?1";

// The typo-tolerant fallback's candidates: rows sharing three-letter pieces with the query
// words, those sharing most (bm25 over the pieces) first. Parameter: 1 the pieces, OR-ed.
inline constexpr char fuzzyCandidates[] =
    "SELECT r.id, r.path, r.title, t.words FROM (SELECT rowid AS num, words, "
    "bm25(runbooks_trigram) AS score FROM runbooks_trigram WHERE runbooks_trigram MATCH ?1 "
    "ORDER BY score LIMIT 200) AS t JOIN runbooks r ON r.num = t.num ORDER BY t.score";

// The floor a ranked query cannot go below: FTS5's own bm25 order, nothing joined, no
// snippets. Parameter: 1 the full expression.
inline constexpr char floor[] =
    "SELECT rowid FROM runbooks_fts WHERE runbooks_fts MATCH ? ORDER BY rank LIMIT 20";

} // namespace ic::runbooks::search_sql
