#pragma once

#include <QByteArray>
#include <QSqlDatabase>
#include <QString>
#include <vector>

namespace ic::runbooks {

// ic_rank(table, w0, w1, ...): FTS5's bm25() with the same formula, column weights and IDF,
// where a word's frequency in a column is 1 when the column holds it (which is all a
// detail=column index knows; runbooks_fts keeps how often as columns of its own), and each
// row's length comes from a table handed over in memory (RankInputs::lengths) instead of
// FTS5's docsize table row by row. That lookup is most of what
// bm25() costs once thousands of rows match ("database" in 10,000 runbooks), so the order is
// the same and several times cheaper to get. Higher is better (bm25() is negated); a row in
// RankInputs::excluded scores -1 without any work.
//
// Folder pages (_index.md, README.md) count half.
inline constexpr double sectionFactor = 0.5;

struct RankInputs
{
    // Index: rowid. Value: tokens * 2 + 1 for a section page; 0 when unknown (then FTS5's
    // own length is used for that row).
    const std::vector<quint32> *lengths = nullptr;
    // The mean of the known lengths; 0: FTS5's own average.
    double averageLength = 0;
    // Index: rowid. Non-zero: the row is already on the page.
    const std::vector<char> *excluded = nullptr;
};

// Registers ic_rank on this connection once (later calls do nothing) and returns the
// connection's inputs slot, which a search fills while its statement runs and clears after.
// Nothing when the connection is not SQLite or its FTS5 is missing; *error says why.
RankInputs *rankInputsFor(const QSqlDatabase &db, QString *error);

// True while the connection has a transaction open.
bool inTransaction(const QSqlDatabase &db);

// lengths as stored in runbook_rank.lengths: little-endian 32-bit values, index = rowid.
QByteArray packLengths(const std::vector<quint32> &lengths);
std::vector<quint32> unpackLengths(const QByteArray &blob);

} // namespace ic::runbooks
