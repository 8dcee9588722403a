#include "ReplicatedRows.h"

#include "storage/Sql.h"

#include <QSqlRecord>

namespace ic::team {
namespace {

enum TableIndex
{
    Incidents,
    ChecklistItems,
    TimelineEvents,
    Drafts
};

int indexOf(const ReplicatedTable &table)
{
    return int(&table - replicatedTables().data());
}

Row rowFrom(const QSqlQuery &query, const ReplicatedTable &table)
{
    Row row;
    const QSqlRecord record = query.record();
    for (const QString &column : table.columns)
        row.insert(column, record.value(column));
    return row;
}

} // namespace

const std::vector<ReplicatedTable> &replicatedTables()
{
    static const std::vector<ReplicatedTable> tables{
        {QStringLiteral("incidents"),
         {QStringLiteral("id"),
          QStringLiteral("title"),
          QStringLiteral("severity"),
          QStringLiteral("status"),
          QStringLiteral("services"),
          QStringLiteral("impact"),
          QStringLiteral("commander"),
          QStringLiteral("deputy"),
          QStringLiteral("scribe"),
          QStringLiteral("is_drill"),
          QStringLiteral("started_at"),
          QStringLiteral("detected_at"),
          QStringLiteral("acknowledged_at"),
          QStringLiteral("mitigated_at"),
          QStringLiteral("resolved_at"),
          QStringLiteral("created_at"),
          QStringLiteral("updated_at"),
          QStringLiteral("time_zone"),
          QStringLiteral("channel"),
          QStringLiteral("communications"),
          QStringLiteral("experts")},
         false},
        {QStringLiteral("checklist_items"),
         {QStringLiteral("id"), QStringLiteral("incident_id"), QStringLiteral("phase"),
          QStringLiteral("phase_position"), QStringLiteral("position"), QStringLiteral("text"),
          QStringLiteral("due_offset_seconds"), QStringLiteral("due_rule"),
          QStringLiteral("checked_at"), QStringLiteral("checked_by"), QStringLiteral("note"),
          QStringLiteral("source"), QStringLiteral("assignee"), QStringLiteral("timebox_until"),
          QStringLiteral("milestone"), QStringLiteral("number")},
         false,
         {QStringLiteral("claimed_number")}},
        {QStringLiteral("timeline_events"),
         {QStringLiteral("id"), QStringLiteral("incident_id"), QStringLiteral("at"),
          QStringLiteral("kind"), QStringLiteral("text"), QStringLiteral("actor"),
          QStringLiteral("data"), QStringLiteral("supersedes")},
         true},
        {QStringLiteral("drafts"),
         {QStringLiteral("id"), QStringLiteral("incident_id"), QStringLiteral("template"),
          QStringLiteral("body"), QStringLiteral("created_at"), QStringLiteral("copied_at"),
          QStringLiteral("posted_at")},
         true},
    };
    return tables;
}

const ReplicatedTable *replicatedTable(const QString &name)
{
    for (const ReplicatedTable &table : replicatedTables())
        if (table.name == name)
            return &table;
    return nullptr;
}

QString rowKey(const QString &table, const QString &id)
{
    return table + QLatin1Char('/') + id;
}

Result<std::optional<Row>> readRow(const QSqlDatabase &db, const ReplicatedTable &table,
                                   const QString &id)
{
    // One literal statement per table: the SQL text never carries a name from an event.
    static const QString statements[] = {
        QStringLiteral("SELECT * FROM incidents WHERE id = ?"),
        QStringLiteral("SELECT * FROM checklist_items WHERE id = ?"),
        QStringLiteral("SELECT * FROM timeline_events WHERE id = ?"),
        QStringLiteral("SELECT * FROM drafts WHERE id = ?"),
    };
    QString error;
    auto query = sql::exec(db, statements[indexOf(table)], {id}, &error);
    if (!query)
        return failure(error);
    if (!query->next())
        return std::optional<Row>();
    return std::optional<Row>(rowFrom(*query, table));
}

Result<void> writeRow(const QSqlDatabase &db, const ReplicatedTable &table, const Row &row)
{
    static const QString statements[] = {
        QStringLiteral(
            "INSERT INTO incidents (id, title, severity, status, services, impact, commander, "
            "deputy, scribe, is_drill, started_at, detected_at, acknowledged_at, mitigated_at, "
            "resolved_at, created_at, updated_at, time_zone, channel, communications, experts) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT "
            "(id) DO UPDATE SET "
            "title = excluded.title, severity = excluded.severity, status = excluded.status, "
            "services = excluded.services, impact = excluded.impact, "
            "commander = excluded.commander, deputy = excluded.deputy, "
            "scribe = excluded.scribe, is_drill = excluded.is_drill, "
            "started_at = excluded.started_at, detected_at = excluded.detected_at, "
            "acknowledged_at = excluded.acknowledged_at, mitigated_at = excluded.mitigated_at, "
            "resolved_at = excluded.resolved_at, created_at = excluded.created_at, "
            "updated_at = excluded.updated_at, time_zone = excluded.time_zone, "
            "channel = excluded.channel, communications = excluded.communications, "
            "experts = excluded.experts"),
        QStringLiteral(
            "INSERT INTO checklist_items (id, incident_id, phase, phase_position, position, "
            "text, due_offset_seconds, due_rule, checked_at, checked_by, note, source, "
            "assignee, timebox_until, milestone, number) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            "?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET phase = excluded.phase, "
            "phase_position = excluded.phase_position, position = excluded.position, "
            "text = excluded.text, due_offset_seconds = excluded.due_offset_seconds, "
            "due_rule = excluded.due_rule, checked_at = excluded.checked_at, "
            "checked_by = excluded.checked_by, note = excluded.note, source = excluded.source, "
            "assignee = excluded.assignee, timebox_until = excluded.timebox_until, "
            "milestone = excluded.milestone, number = excluded.number"),
        QStringLiteral(
            "INSERT INTO timeline_events (id, incident_id, at, kind, text, actor, data, "
            "supersedes) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
            "at = excluded.at, kind = excluded.kind, text = excluded.text, "
            "actor = excluded.actor, data = excluded.data, supersedes = excluded.supersedes"),
        QStringLiteral("INSERT INTO drafts (id, incident_id, template, body, created_at, "
                       "copied_at, posted_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO "
                       "UPDATE SET template = excluded.template, body = excluded.body, "
                       "created_at = excluded.created_at, copied_at = excluded.copied_at, "
                       "posted_at = excluded.posted_at"),
    };
    QVariantList values;
    for (const QString &column : table.columns)
        values.append(row.value(column));
    QString error;
    if (!sql::exec(db, statements[indexOf(table)], values, &error))
        return failure(error);
    return {};
}

Result<void> deleteRow(const QSqlDatabase &db, const ReplicatedTable &table, const QString &id)
{
    static const QString statements[] = {
        QStringLiteral("DELETE FROM incidents WHERE id = ?"),
        QStringLiteral("DELETE FROM checklist_items WHERE id = ?"),
        QStringLiteral("DELETE FROM timeline_events WHERE id = ?"),
        QStringLiteral("DELETE FROM drafts WHERE id = ?"),
    };
    QString error;
    if (!sql::exec(db, statements[indexOf(table)], {id}, &error))
        return failure(error);
    return {};
}

Result<IncidentRows> readIncidentRows(const QSqlDatabase &db, const QString &incidentId,
                                      qint64 timelineAfter, qint64 draftsAfter)
{
    IncidentRows result;
    struct Part
    {
        TableIndex table;
        QString sql;
        QVariantList params;
    };
    const Part parts[] = {
        {Incidents, QStringLiteral("SELECT * FROM incidents WHERE id = ?"), {incidentId}},
        {ChecklistItems,
         QStringLiteral("SELECT * FROM checklist_items WHERE incident_id = ?"),
         {incidentId}},
        {TimelineEvents,
         QStringLiteral("SELECT * FROM timeline_events WHERE rowid > ? AND incident_id = ?"),
         {timelineAfter, incidentId}},
        {Drafts,
         QStringLiteral("SELECT * FROM drafts WHERE rowid > ? AND incident_id = ?"),
         {draftsAfter, incidentId}},
    };
    for (const Part &part : parts) {
        if (incidentId.isEmpty())
            break;
        const ReplicatedTable &table = replicatedTables()[part.table];
        QString error;
        auto query = sql::exec(db, part.sql, part.params, &error);
        if (!query)
            return failure(error);
        while (query->next()) {
            Row row = rowFrom(*query, table);
            result.rows.emplace(rowKey(table.name, row.value(QStringLiteral("id")).toString()),
                                std::move(row));
        }
    }
    // The newest rowids of the whole tables, not only of this incident's rows: a change can
    // only add rows after them.
    result.newestTimelineRow =
        sql::scalar(db, QStringLiteral("SELECT coalesce(max(rowid), 0) FROM timeline_events"))
            .toLongLong();
    result.newestDraftRow =
        sql::scalar(db, QStringLiteral("SELECT coalesce(max(rowid), 0) FROM drafts")).toLongLong();
    return result;
}

} // namespace ic::team
