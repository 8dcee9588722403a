#include "EventApply.h"

#include "ConcurrentWrites.h"
#include "ItemNumbers.h"
#include "TeamState.h"
#include "storage/Sql.h"

#include <QDateTime>

namespace ic::team {
namespace {

// A console whose clock runs this far ahead poisons every register it touches: refused.
constexpr qint64 maxClockAheadMs = 24LL * 3600 * 1000;

struct Clock
{
    QString hlc;
    QString eventId;
};

std::optional<Clock> clockOf(const QSqlDatabase &db, const QString &table, const QString &id,
                             const QString &column)
{
    auto query = sql::exec(db,
                           QStringLiteral("SELECT hlc, event_id FROM team_clocks WHERE tbl = ? "
                                          "AND row_id = ? AND col IN (?, '*') ORDER BY col = '*' "
                                          "LIMIT 1"),
                           {table, id, column});
    if (!query || !query->next())
        return std::nullopt;
    return Clock{query->value(0).toString(), query->value(1).toString()};
}

Result<void> setClock(const QSqlDatabase &db, const QString &table, const QString &id,
                      const QString &column, const TeamEvent &event)
{
    QString error;
    if (!sql::exec(db,
                   QStringLiteral("INSERT OR REPLACE INTO team_clocks (tbl, row_id, col, hlc, "
                                  "event_id) VALUES (?, ?, ?, ?, ?)"),
                   {table, id, column, event.hlc.toString(),
                    event.timelineEventId.isNull() ? QStringLiteral("") : event.timelineEventId},
                   &error))
        return failure(error);
    return {};
}

bool sameValue(const QVariant &a, const QVariant &b)
{
    return a.isNull() == b.isNull() && (a.isNull() || a.toString() == b.toString());
}

Result<void> applyRow(const QSqlDatabase &db, const TeamEvent &event, const RowChange &change,
                      std::vector<FieldWrite> &writes)
{
    const ReplicatedTable &table = *replicatedTable(change.table);
    Result<std::optional<Row>> current = readRow(db, table, change.id);
    if (!current)
        return Error{current.error()};
    if (current->has_value() && table.name != QLatin1String("incidents") &&
        (*current)->value(QStringLiteral("incident_id")).toString() != event.incidentId)
        return failure(QStringLiteral("%1 row %2 belongs to another incident here")
                           .arg(table.name, change.id));

    if (change.op == RowChange::Op::Delete) {
        if (!current->has_value())
            return {};
        if (const Result<void> deleted = deleteRow(db, table, change.id); !deleted)
            return deleted;
        QString error;
        if (!sql::exec(db, QStringLiteral("DELETE FROM team_clocks WHERE tbl = ? AND row_id = ?"),
                       {table.name, change.id}, &error))
            return failure(error);
        return {};
    }
    if (!current->has_value()) {
        // An update of a row this console no longer has (a follow-up item deleted here): the
        // deletion stands.
        if (change.op != RowChange::Op::Insert)
            return {};
        Row row = change.values;
        const bool item = table.name == QLatin1String("checklist_items");
        // An item is written under a free number, keeps its creator's number as its claim, and
        // takes its final number once its creation clock is known (ItemNumbers.h).
        const QVariant claim = row.value(QStringLiteral("number"));
        if (item)
            row.insert(QStringLiteral("number"), placeholderNumber(db, event.incidentId));
        if (const Result<void> written = writeRow(db, table, row); !written)
            return written;
        if (table.appendOnly)
            return {};
        if (const Result<void> clocked =
                setClock(db, table.name, change.id, QStringLiteral("*"), event);
            !clocked || !item)
            return clocked;
        if (const Result<void> claimed = sql::run(
                db, QStringLiteral("UPDATE checklist_items SET claimed_number = ? WHERE id = ?"),
                {claim, change.id});
            !claimed)
            return claimed;
        return settleItemNumbers(db, event.incidentId);
    }

    // A timeline event or draft is written once: what a console derived from it since (a
    // "not kept" note) stays.
    if (table.appendOnly)
        return {};
    Row merged = **current;
    bool changed = false;
    for (auto it = change.values.begin(); it != change.values.end(); ++it) {
        const QString &column = it.key();
        // An item's number follows from the claims (ItemNumbers.h), never from a write.
        if (column == QLatin1String("id") ||
            (table.name == QLatin1String("checklist_items") && column == QLatin1String("number")))
            continue;
        const QVariant &value = it.value();
        const QVariant held = merged.value(column);
        const std::optional<Clock> clock = clockOf(db, table.name, change.id, column);
        const bool later = !clock || clock->hlc < event.hlc.toString();
        if (column == QLatin1String("updated_at")) {
            if (value.toString() > held.toString()) {
                merged.insert(column, value);
                changed = true;
            }
            continue;
        }
        bool wins = later;
        // Two times for one milestone set without knowing of each other: the earlier stands.
        if (clock && change.base.value(column) != clock->hlc && keepsEarliest(table.name, column) &&
            !value.isNull() && !held.isNull())
            wins = value.toString() < held.toString();
        if (wins && !sameValue(value, held)) {
            merged.insert(column, value);
            changed = true;
        }
        if (wins)
            if (const Result<void> set = setClock(db, table.name, change.id, column, event); !set)
                return set;
        writes.push_back(FieldWrite{table.name, change.id, column, event.hlc.toString(),
                                    change.base.value(column), value, event.timelineEventId});
    }
    return changed ? writeRow(db, table, merged) : Result<void>();
}

} // namespace

Result<Applied> applyRemoteEvent(const QSqlDatabase &db, const TeamEvent &event,
                                 const QByteArray &payload)
{
    const QVariant origin =
        sql::scalar(db, QStringLiteral("SELECT origin FROM team_events WHERE id = ?"), {event.id});
    if (origin.isValid()) {
        QString error;
        if (!sql::exec(db, QStringLiteral("UPDATE team_events SET pushed = 1 WHERE id = ?"),
                       {event.id}, &error))
            return failure(error);
        return Applied::AlreadyHad;
    }
    if (event.hlc.wallMs > QDateTime::currentMSecsSinceEpoch() + maxClockAheadMs)
        return failure(QStringLiteral("its clock is more than a day ahead of this console's "
                                      "(console %1)")
                           .arg(event.console));
    if (const Result<void> observed = observeClock(db, event.hlc); !observed)
        return Error{observed.error()};

    // Incidents before the rows that refer to them, whatever order the event lists them in.
    std::vector<const RowChange *> ordered;
    for (const ReplicatedTable &table : replicatedTables())
        for (const RowChange &change : event.rows)
            if (change.table == table.name)
                ordered.push_back(&change);
    std::vector<FieldWrite> writes;
    for (const RowChange *change : ordered)
        if (const Result<void> applied = applyRow(db, event, *change, writes); !applied)
            return Error{applied.error()};
    // After the event's own timeline row is in: a loser's note quotes the change that won.
    for (const FieldWrite &write : writes)
        if (const Result<void> recorded = recordFieldWrite(db, write); !recorded)
            return Error{recorded.error()};

    QString error;
    if (!sql::exec(db,
                   QStringLiteral("INSERT INTO team_events (id, incident_id, hlc, origin, pushed, "
                                  "payload) VALUES (?, ?, ?, 'server', 1, ?)"),
                   {event.id, event.incidentId, event.hlc.toString(), QString::fromUtf8(payload)},
                   &error))
        return failure(error);
    return Applied::Folded;
}

} // namespace ic::team
