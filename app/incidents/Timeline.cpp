#include "Timeline.h"

#include "ChecklistStore.h"
#include "Incident.h"
#include "core/Ids.h"
#include "storage/Sql.h"

#include <QJsonDocument>
#include <QSet>
#include <algorithm>

namespace ic::incidents {
namespace {

const QString followUpPrefix = QStringLiteral("TODO:");

// "TODO: call the vendor" asks for a follow-up item "call the vendor"; empty when the note
// asks for none (a bare "TODO:" included).
QString followUpTask(const QString &note)
{
    return note.startsWith(followUpPrefix, Qt::CaseInsensitive)
               ? note.mid(followUpPrefix.size()).trimmed()
               : QString();
}

// Inside the caller's transaction: the follow-up item follows its note when the note is
// replaced by newText (empty: deleted). It takes the new task, is added when the edit makes
// the note a TODO, and goes when the note no longer asks for it (unless already done).
// Returns the follow-up item the new text has, empty for none.
Result<QString> moveFollowUp(const QSqlDatabase &db, const TimelineEvent &original,
                             const QString &newText)
{
    const QString item = original.data.value(QStringLiteral("follow_up")).toString();
    const QString task = followUpTask(newText);
    if (task.isEmpty()) {
        if (item.isEmpty())
            return QString();
        if (const Result<void> removed = ChecklistStore::removeOpenFollowUp(db, item); !removed)
            return removed.failed();
        return QString();
    }
    if (item.isEmpty())
        return ChecklistStore::insertFollowUp(db, original.incidentId, task);
    if (const Result<void> renamed = ChecklistStore::renameFollowUp(db, item, task); !renamed)
        return renamed.failed();
    return item;
}

const QString selectEvents =
    QStringLiteral("SELECT id, incident_id, at, kind, text, actor, data, supersedes "
                   "FROM timeline_events ");

TimelineEvent eventFrom(const QSqlQuery &query)
{
    TimelineEvent event;
    event.id = query.value(0).toString();
    event.incidentId = query.value(1).toString();
    event.at = fromStoredTime(query.value(2).toString());
    event.kind = query.value(3).toString();
    event.text = query.value(4).toString();
    event.actor = query.value(5).toString();
    event.data = QJsonDocument::fromJson(query.value(6).toString().toUtf8()).object();
    event.supersedes = query.value(7).toString();
    return event;
}

} // namespace

Result<QString> Timeline::append(const QSqlDatabase &db, const QString &incidentId,
                                 const QString &kind, const QString &text, const QString &actor,
                                 const QJsonObject &data, const QString &supersedes)
{
    TimelineEvent event;
    event.id = newId();
    event.incidentId = incidentId;
    event.at = QDateTime::currentDateTimeUtc();
    event.kind = kind;
    event.text = text;
    event.actor = actor;
    event.data = data;
    event.supersedes = supersedes;
    if (const Result<void> inserted = insertExact(db, event); !inserted)
        return inserted.failed();
    return event.id;
}

Result<void> Timeline::insertExact(const QSqlDatabase &db, const TimelineEvent &event)
{
    return sql::run(db,
                    QStringLiteral("INSERT INTO timeline_events (id, incident_id, at, kind, text, "
                                   "actor, data, supersedes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                    {event.id, event.incidentId, toStoredTime(event.at), event.kind,
                     notNull(event.text), notNull(event.actor),
                     QString::fromUtf8(QJsonDocument(event.data).toJson(QJsonDocument::Compact)),
                     event.supersedes.isEmpty() ? QVariant() : QVariant(event.supersedes)});
}

std::vector<TimelineEvent> Timeline::eventsOfKinds(const QStringList &kinds) const
{
    std::vector<TimelineEvent> result;
    if (kinds.isEmpty())
        return result;
    // One bound list ",a,b," instead of a statement built for each count of kinds.
    const QString list = QLatin1Char(',') + kinds.join(QLatin1Char(',')) + QLatin1Char(',');
    auto query = sql::exec(
        m_db,
        selectEvents + QStringLiteral("WHERE instr(?, ',' || kind || ',') > 0 ORDER BY rowid"),
        {list});
    while (query && query->next())
        result.push_back(eventFrom(*query));
    return result;
}

std::vector<TimelineEvent> Timeline::events(const QString &incidentId) const
{
    std::vector<TimelineEvent> result;
    // rowid breaks ties between events stored in the same millisecond.
    auto query =
        sql::exec(m_db, selectEvents + QStringLiteral("WHERE incident_id = ? ORDER BY at, rowid"),
                  {incidentId});
    if (!query)
        return result;
    QSet<QString> replaced;
    while (query->next()) {
        result.push_back(eventFrom(*query));
        if (!result.back().supersedes.isEmpty())
            replaced.insert(result.back().supersedes);
    }
    for (TimelineEvent &event : result)
        event.superseded = replaced.contains(event.id);
    return result;
}

namespace {

// The columns of selectEvents and whether a later event replaced this one, found through
// timeline_events_by_supersedes.
const QString selectPageEvents =
    QStringLiteral("SELECT id, incident_id, at, kind, text, actor, data, supersedes, EXISTS "
                   "(SELECT 1 FROM timeline_events AS later WHERE later.supersedes = "
                   "timeline_events.id) FROM timeline_events ");

// Pages are read newest first through timeline_events_by_incident (rowid breaks ties as in
// events()); one row past the limit tells whether older ones exist.
TimelinePage pageFrom(std::optional<QSqlQuery> query, int limit)
{
    TimelinePage page;
    while (query && query->next()) {
        if (int(page.events.size()) == limit) {
            page.hasOlder = true;
            break;
        }
        page.events.push_back(eventFrom(*query));
        page.events.back().superseded = query->value(8).toBool();
    }
    std::reverse(page.events.begin(), page.events.end());
    return page;
}

} // namespace

TimelinePage Timeline::newestEvents(const QString &incidentId, int limit) const
{
    return pageFrom(sql::exec(m_db,
                              selectPageEvents + QStringLiteral("WHERE incident_id = ? ORDER BY "
                                                                "at DESC, rowid DESC LIMIT ?"),
                              {incidentId, limit + 1}),
                    limit);
}

TimelinePage Timeline::eventsBefore(const QString &olderThan, int limit) const
{
    return pageFrom(
        sql::exec(m_db,
                  selectPageEvents +
                      QStringLiteral("WHERE incident_id = (SELECT incident_id FROM "
                                     "timeline_events WHERE id = ?) AND (at, rowid) < (SELECT "
                                     "at, rowid FROM timeline_events WHERE id = ?) ORDER BY at "
                                     "DESC, rowid DESC LIMIT ?"),
                  {olderThan, olderThan, limit + 1}),
        limit);
}

std::optional<TimelineEvent> Timeline::event(const QString &eventId) const
{
    auto query = sql::exec(m_db, selectEvents + QStringLiteral("WHERE id = ?"), {eventId});
    if (!query || !query->next())
        return std::nullopt;
    TimelineEvent event = eventFrom(*query);
    event.superseded = sql::scalar(m_db,
                                   QStringLiteral("SELECT count(*) FROM timeline_events WHERE "
                                                  "supersedes = ?"),
                                   {eventId})
                           .toInt() > 0;
    return event;
}

QDateTime Timeline::latestOf(const QString &incidentId, const QString &kind) const
{
    return fromStoredTime(sql::scalar(m_db,
                                      QStringLiteral("SELECT max(at) FROM timeline_events WHERE "
                                                     "incident_id = ? AND kind = ?"),
                                      {incidentId, kind})
                              .toString());
}

std::optional<TimelineEvent> Timeline::latestOfEither(const QString &incidentId,
                                                      const QString &kind,
                                                      const QString &otherKind) const
{
    auto query = sql::exec(m_db,
                           selectEvents + QStringLiteral("WHERE incident_id = ? AND kind IN (?, ?) "
                                                         "ORDER BY at DESC, rowid DESC LIMIT 1"),
                           {incidentId, kind, otherKind});
    if (!query || !query->next())
        return std::nullopt;
    return eventFrom(*query);
}

Result<Change> Timeline::addNote(const QString &incidentId, const QString &text,
                                 const QString &actor)
{
    const QString note = text.trimmed();
    if (note.isEmpty())
        return refusal(QStringLiteral("a note needs some text"));
    const QString task = followUpTask(note);
    Change change{incidentId, {}};
    const Result<void> added = sql::inWriteTransaction(m_db, [&]() -> Result<void> {
        QJsonObject data;
        if (!task.isEmpty()) {
            const Result<QString> itemId = ChecklistStore::insertFollowUp(m_db, incidentId, task);
            if (!itemId)
                return itemId.failed();
            data.insert(QStringLiteral("follow_up"), *itemId);
        }
        const Result<QString> event = append(m_db, incidentId, EventKind::Note, note, actor, data);
        if (!event)
            return event.failed();
        change.eventId = *event;
        return {};
    });
    return committed(added, change);
}

Result<Change> Timeline::editNote(const QString &noteId, const QString &text, const QString &actor)
{
    if (text.trimmed().isEmpty())
        return refusal(QStringLiteral("a note needs some text; delete it instead"));
    return supersedeNote(noteId, EventKind::NoteEdited, text.trimmed(), actor);
}

Result<Change> Timeline::deleteNote(const QString &noteId, const QString &actor)
{
    return supersedeNote(noteId, EventKind::NoteDeleted, QStringLiteral("Note deleted"), actor);
}

Result<Change> Timeline::retimeNote(const QString &noteId, const QDateTime &at,
                                    const QString &reason, const QString &actor)
{
    if (!at.isValid())
        return refusal(QStringLiteral("the corrected time is not a time"));
    // A minute of slack for a clock a little ahead of the one that wrote the note.
    if (at > QDateTime::currentDateTimeUtc().addSecs(60))
        return refusal(QStringLiteral("%1 is in the future; a note can only move to when it "
                                      "happened")
                           .arg(at.toUTC().toString(Qt::ISODate)));
    const auto original = event(noteId);
    if (original) {
        const QDateTime declared = fromStoredTime(
            sql::scalar(m_db, QStringLiteral("SELECT created_at FROM incidents WHERE id = ?"),
                        {original->incidentId})
                .toString());
        if (declared.isValid() && at < declared.addDays(-7))
            return refusal(
                QStringLiteral("%1 is more than a week before the incident was "
                               "declared (%2)")
                    .arg(at.toUTC().toString(Qt::ISODate), declared.toUTC().toString(Qt::ISODate)));
    }
    QJsonObject extra{{QStringLiteral("previous_at"), toStoredTime(original ? original->at : at)}};
    if (!reason.trimmed().isEmpty())
        extra.insert(QStringLiteral("reason"), reason.trimmed());
    return supersedeNote(noteId, EventKind::NoteRetimed, original ? original->text : QString(),
                         actor, at, extra);
}

bool isCurrentNote(const TimelineEvent &event)
{
    return !event.superseded &&
           (event.kind == EventKind::Note || event.kind == EventKind::NoteEdited ||
            event.kind == EventKind::NoteRetimed);
}

namespace {

// Set on a note moved in time and on every edit of it, which keeps that time.
const QString timeCorrected = QStringLiteral("time_corrected");

} // namespace

Result<Change> Timeline::supersedeNote(const QString &noteId, const QString &kind,
                                       const QString &text, const QString &actor,
                                       const QDateTime &at, const QJsonObject &extra)
{
    Change change;
    const Result<void> superseded = sql::inWriteTransaction(m_db, [&]() -> Result<void> {
        const auto original = event(noteId);
        if (!original || !isCurrentNote(*original))
            return refusal(QStringLiteral("%1 is not a current manual note; only notes can be "
                                          "edited, deleted or moved in time, automatic events "
                                          "are permanent")
                               .arg(noteId));
        TimelineEvent replacement;
        replacement.id = newId();
        replacement.incidentId = original->incidentId;
        replacement.at = at.isValid() ? at.toUTC() : QDateTime::currentDateTimeUtc();
        replacement.kind = kind;
        replacement.text = text;
        replacement.actor = actor;
        replacement.supersedes = noteId;
        replacement.data = extra;
        replacement.data.insert(QStringLiteral("previous"), original->text);
        const bool keepsTime = kind != EventKind::NoteDeleted;
        if (kind == EventKind::NoteRetimed ||
            (keepsTime && original->data.value(timeCorrected).toBool())) {
            replacement.data.insert(timeCorrected, true);
            if (!at.isValid())
                replacement.at = original->at;
        }
        const Result<QString> followUp =
            moveFollowUp(m_db, *original, kind == EventKind::NoteDeleted ? QString() : text);
        if (!followUp)
            return followUp.failed();
        if (!followUp->isEmpty())
            replacement.data.insert(QStringLiteral("follow_up"), *followUp);
        if (const Result<void> added = insertExact(m_db, replacement); !added)
            return added.failed();
        change = {original->incidentId, replacement.id};
        return {};
    });
    return committed(superseded, change);
}

} // namespace ic::incidents
