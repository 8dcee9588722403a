#include "ChecklistStore.h"

#include "Incident.h"
#include "Timeline.h"
#include "core/Ids.h"
#include "storage/Sql.h"

#include <QJsonObject>

namespace ic::incidents {
namespace {

const QString selectItems = QStringLiteral(
    "SELECT c.id, c.incident_id, c.phase, c.phase_position, c.position, c.text, "
    "c.due_offset_seconds, c.checked_at, c.checked_by, c.note, c.source, c.assignee, "
    "c.timebox_until, c.milestone, c.due_rule, i.started_at, c.number "
    "FROM checklist_items c JOIN incidents i ON i.id = c.incident_id ");

ChecklistItem itemFrom(const QSqlQuery &query)
{
    ChecklistItem item;
    item.id = query.value(0).toString();
    item.incidentId = query.value(1).toString();
    item.phase = query.value(2).toString();
    item.phasePosition = query.value(3).toInt();
    item.position = query.value(4).toInt();
    item.text = query.value(5).toString();
    if (!query.value(6).isNull()) {
        item.dueOffsetSeconds = query.value(6).toLongLong();
        item.dueAt = fromStoredTime(query.value(15).toString()).addSecs(*item.dueOffsetSeconds);
    }
    item.checkedAt = fromStoredTime(query.value(7).toString());
    item.checkedBy = query.value(8).toString();
    item.note = query.value(9).toString();
    item.source = query.value(10).toString();
    item.assignee = query.value(11).toString();
    item.timeboxUntil = fromStoredTime(query.value(12).toString());
    item.milestone = query.value(13).toString();
    item.dueRule = query.value(14).toString();
    item.number = query.value(16).toInt();
    return item;
}

const QString responseTargetRule = QStringLiteral("response_target");

// The next free item number of the incident: items added later never renumber earlier ones.
int nextNumber(const QSqlDatabase &db, const QString &incidentId)
{
    return sql::scalar(db,
                       QStringLiteral("SELECT coalesce(max(number), 0) + 1 FROM checklist_items "
                                      "WHERE incident_id = ?"),
                       {incidentId})
        .toInt();
}

std::optional<qint64> offsetFor(const DueRule &due, const SeverityLevel &level)
{
    switch (due.kind) {
    case DueRule::Kind::Offset:
        return due.offsetSeconds;
    case DueRule::Kind::ResponseTarget:
        return level.responseTargetSeconds;
    case DueRule::Kind::None:
        break;
    }
    return std::nullopt;
}

// Where a new item of phase goes: after that phase's items, or in a new last phase.
std::pair<int, int> placeFor(const QSqlDatabase &db, const QString &incidentId,
                             const QString &phase)
{
    const QVariant existing = sql::scalar(
        db,
        QStringLiteral("SELECT phase_position FROM checklist_items WHERE incident_id = ? AND "
                       "phase = ? LIMIT 1"),
        {incidentId, phase});
    const int phasePosition =
        existing.isValid() ? existing.toInt()
                           : sql::scalar(db,
                                         QStringLiteral("SELECT coalesce(max(phase_position), -1) "
                                                        "+ 1 FROM checklist_items WHERE "
                                                        "incident_id = ?"),
                                         {incidentId})
                                 .toInt();
    const int position =
        sql::scalar(db,
                    QStringLiteral("SELECT coalesce(max(position), -1) + 1 FROM checklist_items "
                                   "WHERE incident_id = ? AND phase_position = ?"),
                    {incidentId, phasePosition})
            .toInt();
    return {phasePosition, position};
}

} // namespace

std::vector<ChecklistItem> ChecklistStore::items(const QString &incidentId) const
{
    std::vector<ChecklistItem> result;
    auto query = sql::exec(m_db,
                           selectItems + QStringLiteral("WHERE c.incident_id = ? ORDER BY "
                                                        "c.phase_position, c.position"),
                           {incidentId});
    while (query && query->next())
        result.push_back(itemFrom(*query));
    return result;
}

std::optional<ChecklistItem> ChecklistStore::item(const QString &itemId) const
{
    // Read in every change of an item (a tick): its statement is kept, and its row taken at once.
    static const QString byId = selectItems + QStringLiteral("WHERE c.id = ?");
    QSqlQuery *query = sql::execKept(m_db, byId, {itemId});
    if (!query || !query->next())
        return std::nullopt;
    ChecklistItem found = itemFrom(*query);
    query->finish();
    return found;
}

Result<QString> ChecklistStore::resolveItem(const QString &incidentId,
                                            const QString &idOrNumber) const
{
    const auto all = items(incidentId);
    bool isNumber = false;
    const int number = idOrNumber.toInt(&isNumber);
    for (const ChecklistItem &candidate : all) {
        if ((isNumber && candidate.number == number) || candidate.id == idOrNumber)
            return candidate.id;
    }
    const auto highest = std::max_element(
        all.begin(), all.end(), [](const auto &a, const auto &b) { return a.number < b.number; });
    return refusal(QStringLiteral("no checklist item '%1'; use a number from 1 to %2 or an item "
                                  "id (see 'incident show')")
                       .arg(idOrNumber)
                       .arg(highest == all.end() ? 0 : highest->number));
}

Result<void> ChecklistStore::recordMilestone(const ChecklistItem &item, Milestone milestone,
                                             QJsonObject &data, QString &eventText)
{
    // Ticking "acknowledge" records the acknowledged milestone once, not on later re-ticks;
    // the tick's own event says so (with the time, for an untick to take back), so one change
    // stays one event.
    const QString now = storedNow();
    const Result<int> updated = sql::changedRows(
        m_db,
        // security-check: allow the column is a milestone id from code, never input
        QStringLiteral("UPDATE incidents SET %1_at = ? WHERE id = ? AND %1_at IS NULL")
            .arg(milestoneId(milestone)),
        {now, item.incidentId});
    if (!updated)
        return updated.failed();
    if (*updated > 0) {
        data.insert(QStringLiteral("milestone"), item.milestone);
        data.insert(QStringLiteral("milestone_at"), now);
        eventText += QStringLiteral(" (milestone %1 recorded)").arg(item.milestone);
    }
    return {};
}

Result<void> ChecklistStore::withdrawMilestone(const ChecklistItem &item, Milestone milestone,
                                               QJsonObject &data, QString &eventText)
{
    // Unticking takes back the milestone that ticking recorded (a false MTTA otherwise), but
    // never one somebody entered or corrected since: only while it still holds the tick's time.
    QString readError;
    const QVariant recordedAt = sql::scalar(
        m_db,
        QStringLiteral("SELECT json_extract(data, '$.milestone_at') FROM timeline_events WHERE "
                       "incident_id = ? AND kind = ? AND json_extract(data, '$.item') = ? AND "
                       "json_extract(data, '$.milestone_at') IS NOT NULL ORDER BY rowid DESC "
                       "LIMIT 1"),
        {item.incidentId, EventKind::Tick, item.id}, &readError);
    if (!readError.isEmpty())
        return failure(readError);
    if (recordedAt.isNull())
        return {};
    const Result<int> updated = sql::changedRows(
        m_db,
        // security-check: allow the column is a milestone id from code, never input
        QStringLiteral("UPDATE incidents SET %1_at = NULL WHERE id = ? AND %1_at = ?")
            .arg(milestoneId(milestone)),
        {item.incidentId, recordedAt});
    if (!updated)
        return updated.failed();
    if (*updated > 0) {
        data.insert(QStringLiteral("milestone_cleared"), item.milestone);
        eventText += QStringLiteral(" (milestone %1 cleared)").arg(item.milestone);
    }
    return {};
}

Result<Change> ChecklistStore::changeItem(const QString &itemId, const QString &sql,
                                          const QVariantList &params, const QString &kind,
                                          const Describe &describe, const QString &actor,
                                          const QJsonObject *extraData)
{
    Change change;
    const Result<void> written = sql::inWriteTransaction(m_db, [&]() -> Result<void> {
        const auto current = item(itemId);
        if (!current)
            return refusal(QStringLiteral("no checklist item %1").arg(itemId));
        // Read and judged inside the transaction, so a concurrent writer cannot slip in between.
        const Result<QString> described = describe(*current);
        if (!described)
            return described.failed();
        QString eventText = *described;
        if (const Result<void> updated = sql::run(m_db, sql, params); !updated)
            return updated;
        QJsonObject data = extraData ? *extraData : QJsonObject();
        data.insert(QStringLiteral("item"), itemId);
        const auto milestone = parseMilestone(current->milestone);
        if (milestone && kind == EventKind::Tick) {
            if (const Result<void> recorded =
                    recordMilestone(*current, *milestone, data, eventText);
                !recorded)
                return recorded;
        }
        if (milestone && kind == EventKind::Untick) {
            if (const Result<void> withdrawn =
                    withdrawMilestone(*current, *milestone, data, eventText);
                !withdrawn)
                return withdrawn;
        }
        const Result<QString> event =
            Timeline::append(m_db, current->incidentId, kind, eventText, actor, data);
        if (!event)
            return event.failed();
        change = {current->incidentId, *event};
        return {};
    });
    return committed(written, change);
}

Result<Change> ChecklistStore::tick(const QString &itemId, const QString &actor,
                                    const TickRequest &request, ChecklistItem *before)
{
    const QString &note = request.note;
    const QString person = request.calledPerson.simplified();
    QJsonObject calledData;
    return changeItem(
        itemId,
        QStringLiteral("UPDATE checklist_items SET checked_at = ?, checked_by = ?, note = CASE "
                       "WHEN ? = '' THEN note ELSE ? END WHERE id = ?"),
        {storedNow(), notNull(actor), notNull(note), notNull(note), itemId}, EventKind::Tick,
        [&](const ChecklistItem &current) -> Result<QString> {
            if (before)
                *before = current;
            if (current.isChecked())
                return unchanged(
                    QStringLiteral("item already ticked by %1").arg(current.checkedBy));
            const QString role = request.roleOf ? request.roleOf(current) : QString();
            if (!person.isEmpty() && role.isEmpty())
                return refusal(QStringLiteral("item %1 calls nobody (its template names no role "
                                              "with 'call'), so nobody can be recorded as called")
                                   .arg(current.number));
            if (!role.isEmpty())
                calledData.insert(QStringLiteral("calls"), role);
            if (!person.isEmpty())
                calledData.insert(QStringLiteral("called"), person);
            QString text = note.isEmpty() ? QStringLiteral("Done: %1").arg(current.text)
                                          : QStringLiteral("Done: %1 (%2)").arg(current.text, note);
            if (!person.isEmpty())
                text += QStringLiteral(" — called %1 (%2)").arg(person, role);
            return text;
        },
        actor, &calledData);
}

Result<Change> ChecklistStore::untick(const QString &itemId, const QString &actor)
{
    return changeItem(
        itemId,
        QStringLiteral("UPDATE checklist_items SET checked_at = NULL, checked_by = "
                       "NULL WHERE id = ?"),
        {itemId}, EventKind::Untick,
        [](const ChecklistItem &current) -> Result<QString> {
            if (!current.isChecked())
                return unchanged(QStringLiteral("item is not ticked"));
            return QStringLiteral("Undone: %1").arg(current.text);
        },
        actor);
}

Result<Change> ChecklistStore::setNote(const QString &itemId, const QString &note,
                                       const QString &actor)
{
    return changeItem(
        itemId, QStringLiteral("UPDATE checklist_items SET note = ? WHERE id = ?"),
        {notNull(note.trimmed()), itemId}, EventKind::ItemNote,
        [&](const ChecklistItem &current) -> Result<QString> {
            return QStringLiteral("Note on \"%1\": %2").arg(current.text, note.trimmed());
        },
        actor);
}

Result<Change> ChecklistStore::assign(const QString &itemId, const QString &person,
                                      const QDateTime &until, const QString &actor)
{
    return changeItem(
        itemId,
        QStringLiteral("UPDATE checklist_items SET assignee = ?, timebox_until = ? WHERE id = ?"),
        {notNull(person), until.isValid() ? QVariant(toStoredTime(until)) : QVariant(), itemId},
        EventKind::ItemAssigned,
        [&](const ChecklistItem &current) -> Result<QString> {
            return QStringLiteral("\"%1\" assigned to %2").arg(current.text, person);
        },
        actor);
}

Result<Change> ChecklistStore::addItem(const QString &incidentId, const QString &phase,
                                       const QString &text, std::optional<qint64> dueOffsetSeconds,
                                       const QString &actor)
{
    if (text.trimmed().isEmpty() || phase.trimmed().isEmpty())
        return refusal(QStringLiteral("an item needs a phase and some text"));
    ChecklistItem added;
    added.id = newId();
    added.incidentId = incidentId;
    added.phase = phase.trimmed();
    added.text = text.trimmed();
    added.dueOffsetSeconds = dueOffsetSeconds;
    added.source = QStringLiteral("ad-hoc");
    Change change{incidentId, {}};
    const Result<void> inserted = sql::inWriteTransaction(m_db, [&]() -> Result<void> {
        // Placed inside the transaction, so two additions cannot take the same position.
        std::tie(added.phasePosition, added.position) = placeFor(m_db, incidentId, added.phase);
        added.number = nextNumber(m_db, incidentId);
        if (const Result<void> stored = insertExact(m_db, added); !stored)
            return stored;
        const Result<QString> event =
            Timeline::append(m_db, incidentId, EventKind::ItemAdded,
                             QStringLiteral("Item added to %1: %2").arg(added.phase, added.text),
                             actor, {{QStringLiteral("item"), added.id}});
        if (!event)
            return event.failed();
        change.eventId = *event;
        return {};
    });
    return committed(inserted, change);
}

Result<Change> ChecklistStore::attachTasks(const QString &incidentId, const QString &sectionTitle,
                                           const std::vector<AttachedTask> &tasks,
                                           const QString &actor)
{
    if (tasks.empty())
        return refusal(QStringLiteral("the runbook has no tasks to attach"));
    Change change{incidentId, {}};
    const Result<void> written = sql::inWriteTransaction(m_db, [&]() -> Result<void> {
        const int phasePosition =
            sql::scalar(m_db,
                        QStringLiteral("SELECT coalesce(max(phase_position), -1) + 1 FROM "
                                       "checklist_items WHERE incident_id = ?"),
                        {incidentId})
                .toInt();
        int position = 0;
        int number = nextNumber(m_db, incidentId);
        for (const AttachedTask &task : tasks) {
            ChecklistItem added;
            added.id = newId();
            added.incidentId = incidentId;
            added.phase = sectionTitle;
            added.phasePosition = phasePosition;
            added.position = position++;
            added.text = task.headingPath.isEmpty()
                             ? task.text
                             : QStringLiteral("%1 (%2)").arg(task.text, task.headingPath);
            added.source = QStringLiteral("runbook");
            added.number = number++;
            if (const Result<void> stored = insertExact(m_db, added); !stored)
                return stored;
        }
        const Result<QString> event =
            Timeline::append(m_db, incidentId, EventKind::TasksAttached,
                             QStringLiteral("Runbook tasks attached: %1 (%2 items)")
                                 .arg(sectionTitle)
                                 .arg(tasks.size()),
                             actor, {{QStringLiteral("section"), sectionTitle}});
        if (!event)
            return event.failed();
        change.eventId = *event;
        return {};
    });
    return committed(written, change);
}

Result<void> ChecklistStore::insertFromTemplate(const QSqlDatabase &db, const QString &incidentId,
                                                const ChecklistTemplate &checklist,
                                                const SeverityLevel &level)
{
    std::vector<TemplateItem> all = checklist.items;
    all.insert(all.end(), level.extraItems.begin(), level.extraItems.end());
    QStringList phases = checklist.phases;
    std::map<QString, int> nextPosition;
    std::vector<ChecklistItem> items;
    for (const TemplateItem &templateItem : all) {
        if (!phases.contains(templateItem.phase))
            phases << templateItem.phase;
        ChecklistItem item;
        item.id = newId();
        item.incidentId = incidentId;
        item.phase = templateItem.phase;
        item.phasePosition = int(phases.indexOf(templateItem.phase));
        item.position = nextPosition[templateItem.phase]++;
        item.text = templateItem.text;
        item.dueOffsetSeconds = offsetFor(templateItem.due, level);
        item.source = &templateItem - all.data() < qsizetype(checklist.items.size())
                          ? QStringLiteral("template")
                          : QStringLiteral("severity");
        item.milestone = templateItem.milestone;
        if (templateItem.due.kind == DueRule::Kind::ResponseTarget)
            item.dueRule = responseTargetRule;
        items.push_back(item);
    }
    // Numbered in the order they are shown, once: later additions take the next numbers.
    std::stable_sort(items.begin(), items.end(), [](const auto &a, const auto &b) {
        return std::pair(a.phasePosition, a.position) < std::pair(b.phasePosition, b.position);
    });
    int number = 0;
    for (ChecklistItem &item : items) {
        item.number = ++number;
        if (const Result<void> stored = insertExact(db, item); !stored)
            return stored;
    }
    return {};
}

Result<void> ChecklistStore::applySeverity(const QSqlDatabase &db, const QString &incidentId,
                                           const SeverityLevel &level)
{
    if (const Result<void> moved =
            sql::run(db,
                     QStringLiteral("UPDATE checklist_items SET due_offset_seconds = ? WHERE "
                                    "incident_id = ? AND due_rule = ?"),
                     {level.responseTargetSeconds, incidentId, responseTargetRule});
        !moved)
        return moved;
    for (const TemplateItem &extra : level.extraItems) {
        const bool present =
            sql::scalar(db,
                        QStringLiteral("SELECT count(*) FROM checklist_items WHERE incident_id = "
                                       "? AND source = 'severity' AND text = ?"),
                        {incidentId, extra.text})
                .toInt() > 0;
        if (present)
            continue;
        ChecklistItem item;
        item.id = newId();
        item.incidentId = incidentId;
        item.phase = extra.phase;
        std::tie(item.phasePosition, item.position) = placeFor(db, incidentId, extra.phase);
        item.number = nextNumber(db, incidentId);
        item.text = extra.text;
        item.dueOffsetSeconds = offsetFor(extra.due, level);
        item.source = QStringLiteral("severity");
        item.milestone = extra.milestone;
        if (extra.due.kind == DueRule::Kind::ResponseTarget)
            item.dueRule = responseTargetRule;
        if (const Result<void> stored = insertExact(db, item); !stored)
            return stored;
    }
    return {};
}

Result<QString> ChecklistStore::insertFollowUp(const QSqlDatabase &db, const QString &incidentId,
                                               const QString &text)
{
    const QVariant lastPhase = sql::scalar(
        db,
        QStringLiteral("SELECT phase FROM checklist_items WHERE incident_id = ? AND source "
                       "IN ('template', 'severity') ORDER BY phase_position DESC LIMIT 1"),
        {incidentId});
    ChecklistItem item;
    item.id = newId();
    item.incidentId = incidentId;
    item.phase = lastPhase.isValid() ? lastPhase.toString() : QStringLiteral("Follow-ups");
    std::tie(item.phasePosition, item.position) = placeFor(db, incidentId, item.phase);
    item.number = nextNumber(db, incidentId);
    item.text = text;
    item.source = QStringLiteral("follow-up");
    if (const Result<void> stored = insertExact(db, item); !stored)
        return stored.failed();
    return item.id;
}

Result<void> ChecklistStore::renameFollowUp(const QSqlDatabase &db, const QString &itemId,
                                            const QString &text)
{
    return sql::run(db,
                    QStringLiteral("UPDATE checklist_items SET text = ? WHERE id = ? AND "
                                   "source = 'follow-up'"),
                    {text, itemId});
}

Result<void> ChecklistStore::removeOpenFollowUp(const QSqlDatabase &db, const QString &itemId)
{
    return sql::run(db,
                    QStringLiteral("DELETE FROM checklist_items WHERE id = ? AND source = "
                                   "'follow-up' AND checked_at IS NULL"),
                    {itemId});
}

Result<void> ChecklistStore::insertExact(const QSqlDatabase &db, const ChecklistItem &item)
{
    const auto time = [](const QDateTime &value) {
        return value.isValid() ? QVariant(toStoredTime(value)) : QVariant();
    };
    return sql::run(db,
                    QStringLiteral("INSERT INTO checklist_items (id, incident_id, phase, "
                                   "phase_position, position, text, due_offset_seconds, "
                                   "due_rule, checked_at, checked_by, note, source, assignee, "
                                   "timebox_until, milestone, number) VALUES "
                                   "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                    {item.id, item.incidentId, notNull(item.phase), item.phasePosition,
                     item.position, notNull(item.text),
                     item.dueOffsetSeconds ? QVariant(*item.dueOffsetSeconds) : QVariant(),
                     notNull(item.dueRule), time(item.checkedAt),
                     item.isChecked() ? QVariant(notNull(item.checkedBy)) : QVariant(),
                     notNull(item.note), notNull(item.source), notNull(item.assignee),
                     time(item.timeboxUntil), notNull(item.milestone), item.number});
}

} // namespace ic::incidents
