#pragma once

#include "core/Result.h"

#include <QSqlDatabase>
#include <QStringList>
#include <QVariantMap>
#include <map>
#include <optional>

namespace ic::team {

// The tables team mode replicates, each row keyed by its UUID `id`: incidents, their checklist
// items, timeline events and drafts. Everything else (runbook index, health history) stays
// local. Column names are fixed here and checked against the schema by a test, so an event
// from the server can only ever name these.
struct ReplicatedTable
{
    QString name;
    QStringList columns; // "id" first
    // Inserted once and never changed again: only new rows are journaled (a timeline of
    // 300,000 events is never compared).
    bool appendOnly = false;
    // Columns this console keeps for itself and never sends (an item's claimed number).
    QStringList localColumns = {};
};

const std::vector<ReplicatedTable> &replicatedTables();
const ReplicatedTable *replicatedTable(const QString &name);

// A row's values by column.
using Row = QVariantMap;
// Rows by "table/id".
using RowSet = std::map<QString, Row>;

QString rowKey(const QString &table, const QString &id);

// The row of table with id, or nothing when there is none.
Result<std::optional<Row>> readRow(const QSqlDatabase &db, const ReplicatedTable &table,
                                   const QString &id);
// Writes every column of row (inserting it, or updating the one with its id).
Result<void> writeRow(const QSqlDatabase &db, const ReplicatedTable &table, const Row &row);
Result<void> deleteRow(const QSqlDatabase &db, const ReplicatedTable &table, const QString &id);

// What a change can touch of one incident: its row and its items, plus the timeline events
// and drafts added after the rowids given (0 for all of them). No rows for an empty id; the
// newest rowids of the timeline and drafts are read either way.
struct IncidentRows
{
    RowSet rows;
    qint64 newestTimelineRow = 0;
    qint64 newestDraftRow = 0;
};
Result<IncidentRows> readIncidentRows(const QSqlDatabase &db, const QString &incidentId,
                                      qint64 timelineAfter, qint64 draftsAfter);

} // namespace ic::team
