#include "Timeline.h"

#include "ChecklistStore.h"
#include "Incident.h"
#include "core/Ids.h"
#include "storage/Sql.h"

#include <QJsonDocument>
#include <QSet>

namespace ic::incidents {
namespace {

const QString followUpPrefix = QStringLiteral("TODO:");

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

QString Timeline::append(const QSqlDatabase &db, const QString &incidentId, const QString &kind,
                         const QString &text, const QString &actor, const QJsonObject &data,
                         const QString &supersedes, QString *error)
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
    return insertExact(db, event, error) ? event.id : QString();
}

bool Timeline::insertExact(const QSqlDatabase &db, const TimelineEvent &event, QString *error)
{
    return sql::exec(db,
                     QStringLiteral("INSERT INTO timeline_events (id, incident_id, at, kind, text, "
                                    "actor, data, supersedes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                     {event.id, event.incidentId, toStoredTime(event.at), event.kind,
                      notNull(event.text), notNull(event.actor),
                      QString::fromUtf8(QJsonDocument(event.data).toJson(QJsonDocument::Compact)),
                      event.supersedes.isEmpty() ? QVariant() : QVariant(event.supersedes)},
                     error)
        .has_value();
}

std::vector<TimelineEvent> Timeline::events(const QString &incidentId, QString *error) const
{
    std::vector<TimelineEvent> result;
    // rowid breaks ties between events stored in the same millisecond.
    auto query =
        sql::exec(m_db, selectEvents + QStringLiteral("WHERE incident_id = ? ORDER BY at, rowid"),
                  {incidentId}, error);
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

QString Timeline::addNote(const QString &incidentId, const QString &text, const QString &actor,
                          QString *error)
{
    const QString note = text.trimmed();
    if (note.isEmpty()) {
        *error = QStringLiteral("a note needs some text");
        return {};
    }
    QString id;
    const bool added = sql::inWriteTransaction(m_db, error, [&](QString *stepError) {
        id = append(m_db, incidentId, EventKind::Note, note, actor, {}, {}, stepError);
        if (id.isEmpty())
            return false;
        if (!note.startsWith(followUpPrefix, Qt::CaseInsensitive))
            return true;
        const QString task = note.mid(followUpPrefix.size()).trimmed();
        return ChecklistStore::insertFollowUp(m_db, incidentId, task, stepError) &&
               !append(m_db, incidentId, EventKind::FollowUp,
                       QStringLiteral("Follow-up added: %1").arg(task), actor, {}, {}, stepError)
                    .isEmpty();
    });
    return added ? id : QString();
}

QString Timeline::editNote(const QString &noteId, const QString &text, const QString &actor,
                           QString *error)
{
    if (text.trimmed().isEmpty()) {
        *error = QStringLiteral("a note needs some text; delete it instead");
        return {};
    }
    return supersedeNote(noteId, EventKind::NoteEdited, text.trimmed(), actor, error);
}

QString Timeline::deleteNote(const QString &noteId, const QString &actor, QString *error)
{
    return supersedeNote(noteId, EventKind::NoteDeleted, QStringLiteral("Note deleted"), actor,
                         error);
}

QString Timeline::supersedeNote(const QString &noteId, const QString &kind, const QString &text,
                                const QString &actor, QString *error)
{
    QString id;
    const bool superseded = sql::inWriteTransaction(m_db, error, [&](QString *stepError) {
        const auto original = event(noteId);
        const bool editable = original && (original->kind == EventKind::Note ||
                                           original->kind == EventKind::NoteEdited);
        if (!editable || original->superseded) {
            *stepError = QStringLiteral("%1 is not a current manual note; only notes can be "
                                        "edited or deleted, automatic events are permanent")
                             .arg(noteId);
            return false;
        }
        id = append(m_db, original->incidentId, kind, text, actor,
                    {{QStringLiteral("previous"), original->text}}, noteId, stepError);
        return !id.isEmpty();
    });
    return superseded ? id : QString();
}

} // namespace ic::incidents
