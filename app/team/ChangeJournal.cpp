#include "ChangeJournal.h"

#include "ConcurrentWrites.h"
#include "TeamState.h"
#include "core/Ids.h"
#include "storage/Sql.h"

namespace ic::team {
namespace {

// Timeline rows per share event: an incident with 300,000 events goes up in chunks the
// server and the other consoles take in one piece each.
constexpr int shareChunkRows = 500;

QString columnClock(const QSqlDatabase &db, const QString &table, const QString &id,
                    const QString &column)
{
    // A column's own clock, else the row's from its creation ('*').
    return sql::scalar(db,
                       QStringLiteral("SELECT hlc FROM team_clocks WHERE tbl = ? AND row_id = ? "
                                      "AND col IN (?, '*') ORDER BY col = '*' LIMIT 1"),
                       {table, id, column})
        .toString();
}

// A share has no timeline event of its own: stored as '' (the column is NOT NULL).
QString notNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

RowChange inserted(const QString &table, const Row &row)
{
    return RowChange{
        table, row.value(QStringLiteral("id")).toString(), RowChange::Op::Insert, row, {}};
}

} // namespace

ChangeJournal::ChangeJournal(QSqlDatabase db) : m_db(std::move(db)) {}

Result<ChangeJournal::Before> ChangeJournal::before(const QString &incidentId) const
{
    Result<IncidentRows> rows = readIncidentRows(m_db, incidentId, INT64_MAX, INT64_MAX);
    if (!rows)
        return Error{rows.error()};
    return Before{incidentId, std::move(rows.value())};
}

Result<void> ChangeJournal::record(const Before &before, const QString &incidentId,
                                   const QString &timelineEventId, const QString &actor) const
{
    const Result<IncidentRows> after = readIncidentRows(
        m_db, incidentId, before.rows.newestTimelineRow, before.rows.newestDraftRow);
    if (!after)
        return Error{after.error()};
    const RowSet &old = before.incidentId == incidentId ? before.rows.rows : RowSet{};

    TeamEvent event;
    event.incidentId = incidentId;
    event.actor = actor;
    event.timelineEventId = timelineEventId;
    event.kind = QStringLiteral("change");
    for (const ReplicatedTable &table : replicatedTables()) {
        const QString prefix = table.name + QLatin1Char('/');
        for (auto it = after->rows.lower_bound(prefix);
             it != after->rows.end() && it->first.startsWith(prefix); ++it) {
            const Row &row = it->second;
            const auto previous = old.find(it->first);
            if (previous == old.end()) {
                event.rows.push_back(inserted(table.name, row));
                continue;
            }
            RowChange change{table.name,
                             row.value(QStringLiteral("id")).toString(),
                             RowChange::Op::Update,
                             {},
                             {}};
            for (const QString &column : table.columns) {
                const QVariant value = row.value(column);
                if (value == previous->second.value(column) &&
                    value.isNull() == previous->second.value(column).isNull())
                    continue;
                change.values.insert(column, value);
                change.base.insert(column, columnClock(m_db, table.name, change.id, column));
            }
            if (!change.values.isEmpty())
                event.rows.push_back(std::move(change));
        }
        for (auto it = old.lower_bound(prefix); it != old.end() && it->first.startsWith(prefix);
             ++it)
            if (!after->rows.count(it->first))
                event.rows.push_back(RowChange{table.name,
                                               it->second.value(QStringLiteral("id")).toString(),
                                               RowChange::Op::Delete,
                                               {},
                                               {}});
    }
    if (event.rows.empty())
        return {};
    const auto timelineRow =
        after->rows.find(rowKey(QStringLiteral("timeline_events"), timelineEventId));
    if (timelineRow != after->rows.end())
        event.kind = timelineRow->second.value(QStringLiteral("kind")).toString();
    return append(std::move(event));
}

Result<int> ChangeJournal::shareUnjournaledIncidents(const QString &actor) const
{
    QString error;
    auto unshared = sql::exec(m_db,
                              QStringLiteral("SELECT id FROM incidents WHERE id NOT IN (SELECT "
                                             "incident_id FROM team_events) ORDER BY created_at"),
                              {}, &error);
    if (!unshared)
        return failure(error);
    QStringList ids;
    while (unshared->next())
        ids.append(unshared->value(0).toString());
    for (const QString &id : ids) {
        // Items and drafts with the incident; its timeline after, in chunks.
        Result<IncidentRows> rows = readIncidentRows(m_db, id, INT64_MAX, 0);
        if (!rows)
            return Error{rows.error()};
        TeamEvent first{{}, id, {}, actor, QStringLiteral("share"), {}, {}, {}};
        for (const auto &[key, row] : rows->rows)
            first.rows.push_back(inserted(key.section(QLatin1Char('/'), 0, 0), row));
        // The incident row first: every other row refers to it.
        std::stable_partition(first.rows.begin(), first.rows.end(), [](const RowChange &change) {
            return change.table == QLatin1String("incidents");
        });
        if (const Result<void> appended = append(std::move(first)); !appended)
            return Error{appended.error()};
        qint64 after = 0;
        for (;;) {
            auto chunk = sql::exec(m_db,
                                   QStringLiteral("SELECT rowid, * FROM timeline_events WHERE "
                                                  "incident_id = ? AND rowid > ? ORDER BY rowid "
                                                  "LIMIT ?"),
                                   {id, after, shareChunkRows}, &error);
            if (!chunk)
                return failure(error);
            TeamEvent event{{}, id, {}, actor, QStringLiteral("share"), {}, {}, {}};
            const ReplicatedTable &timeline = *replicatedTable(QStringLiteral("timeline_events"));
            while (chunk->next()) {
                after = chunk->value(0).toLongLong();
                Row row;
                for (const QString &column : timeline.columns)
                    row.insert(column, chunk->value(column));
                event.rows.push_back(inserted(timeline.name, row));
            }
            if (event.rows.empty())
                break;
            if (const Result<void> appended = append(std::move(event)); !appended)
                return Error{appended.error()};
        }
    }
    return int(ids.size());
}

Result<void> ChangeJournal::append(TeamEvent event) const
{
    const Result<QString> console = consoleId(m_db);
    if (!console)
        return Error{console.error()};
    const Result<Hlc> hlc = stampNextEvent(m_db, *console);
    if (!hlc)
        return Error{hlc.error()};
    event.id = newId();
    event.console = *console;
    event.hlc = *hlc;
    QString error;
    for (const RowChange &change : event.rows) {
        if (replicatedTable(change.table)->appendOnly)
            continue;
        // A new row's columns all hold its creation's clock ('*'); a changed column its own.
        const QStringList columns = change.op == RowChange::Op::Insert
                                        ? QStringList{QStringLiteral("*")}
                                        : change.values.keys();
        for (const QString &column : columns) {
            if (change.op == RowChange::Op::Update && column != QLatin1String("updated_at"))
                if (const Result<void> recorded = recordFieldWrite(
                        m_db, FieldWrite{change.table, change.id, column, event.hlc.toString(),
                                         change.base.value(column), change.values.value(column),
                                         event.timelineEventId});
                    !recorded)
                    return recorded;
            if (!sql::exec(m_db,
                           QStringLiteral("INSERT OR REPLACE INTO team_clocks (tbl, row_id, col, "
                                          "hlc, event_id) VALUES (?, ?, ?, ?, ?)"),
                           {change.table, change.id, column, event.hlc.toString(),
                            notNull(event.timelineEventId)},
                           &error))
                return failure(error);
        }
    }
    if (!sql::exec(m_db,
                   QStringLiteral("INSERT INTO team_events (id, incident_id, hlc, origin, pushed, "
                                  "payload) VALUES (?, ?, ?, 'local', 0, ?)"),
                   {event.id, event.incidentId, event.hlc.toString(),
                    QString::fromUtf8(encodeEvent(event))},
                   &error))
        return failure(error);
    return {};
}

} // namespace ic::team
