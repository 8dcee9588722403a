#pragma once

#include "Change.h"

#include <QDateTime>
#include <QJsonObject>
#include <QSqlDatabase>
#include <optional>
#include <vector>

namespace ic::incidents {

// Kinds of timeline events. Only notes may be edited, deleted or moved in time, and only by
// appending an event that supersedes them; nothing on the timeline is ever updated in place.
namespace EventKind {
inline const QString Declared = QStringLiteral("declared");
inline const QString Status = QStringLiteral("status");
inline const QString Severity = QStringLiteral("severity");
inline const QString Milestone = QStringLiteral("milestone");
inline const QString Tick = QStringLiteral("tick");
inline const QString Untick = QStringLiteral("untick");
inline const QString ItemNote = QStringLiteral("item-note");
inline const QString ItemAdded = QStringLiteral("item-added");
inline const QString ItemAssigned = QStringLiteral("item-assigned");
inline const QString TasksAttached = QStringLiteral("runbook-attached");
inline const QString Note = QStringLiteral("note");
inline const QString NoteEdited = QStringLiteral("note-edited");
inline const QString NoteDeleted = QStringLiteral("note-deleted");
// A note moved to the time it really happened ("we noticed at 16:20, not 16:39"): the note
// again, at the corrected time, with the time it had and why in its data.
inline const QString NoteRetimed = QStringLiteral("note-retimed");
// Written by versions before 0.3, when a TODO note took two events; still shown.
inline const QString FollowUp = QStringLiteral("follow-up");
inline const QString UpdateSent = QStringLiteral("update-sent");
// The next-update reminder snoozed until a time, or stopped (no further updates needed).
inline const QString UpdatesPaused = QStringLiteral("updates-paused");
inline const QString MessageSent = QStringLiteral("message-sent");
// A role assigned (deputy, scribe, communications, experts) and command handed over.
inline const QString Role = QStringLiteral("role");
inline const QString Handover = QStringLiteral("handover");
// The deputy called out elapsed time, open items and who is on what (CallOut.h).
inline const QString CallOut = QStringLiteral("call-out");
inline const QString PostmortemSaved = QStringLiteral("postmortem-saved");
inline const QString HealthChanged = QStringLiteral("health");
inline const QString RunbookOpened = QStringLiteral("runbook-opened");
// An alert linked to the incident, and what became of it (app/alerts).
inline const QString AlertLinked = QStringLiteral("alert-linked");
inline const QString AlertResolved = QStringLiteral("alert-resolved");
inline const QString AlertRefired = QStringLiteral("alert-refired");
inline const QString AlertSilenced = QStringLiteral("alert-silenced");
inline const QString AlertUnsilenced = QStringLiteral("alert-unsilenced");
} // namespace EventKind

struct TimelineEvent
{
    QString id;
    QString incidentId;
    QDateTime at;
    QString kind;
    QString text;
    QString actor;
    QJsonObject data;
    QString supersedes;      // the note an edit or deletion replaces
    bool superseded = false; // a later edit or deletion replaced this note
};

// Whether event is a manual note as it stands (no later edit, deletion or correction replaced
// it): the only events that can be edited, deleted or moved in time.
bool isCurrentNote(const TimelineEvent &event);

// Part of a timeline, for what must stay quick however long it is (the window).
struct TimelinePage
{
    std::vector<TimelineEvent> events; // oldest first, superseded set
    bool hasOlder = false;             // events before the first one here exist
};

class Timeline
{
public:
    explicit Timeline(QSqlDatabase db) : m_db(std::move(db)) {}

    // Appends inside the caller's transaction. Returns the new event's id.
    static Result<QString> append(const QSqlDatabase &db, const QString &incidentId,
                                  const QString &kind, const QString &text, const QString &actor,
                                  const QJsonObject &data = {}, const QString &supersedes = {});

    // Inside the caller's transaction: an event exactly as given, id and time included
    // (import). superseded is not stored; it follows from the events that supersede.
    static Result<void> insertExact(const QSqlDatabase &db, const TimelineEvent &event);

    // Reads give what they found: a read that fails is logged with its SQL (sql::exec) and
    // gives nothing, as for an unknown id.
    // Oldest first.
    std::vector<TimelineEvent> events(const QString &incidentId) const;
    // The newest limit events, or the limit events just before the event olderThan; each
    // read through the indexes, in time independent of the timeline's length.
    TimelinePage newestEvents(const QString &incidentId, int limit) const;
    TimelinePage eventsBefore(const QString &olderThan, int limit) const;
    std::optional<TimelineEvent> event(const QString &eventId) const;
    // Every incident's events of these kinds, in the order they were written.
    std::vector<TimelineEvent> eventsOfKinds(const QStringList &kinds) const;
    QDateTime latestOf(const QString &incidentId, const QString &kind) const;
    // The newest event of either kind, when there is one.
    std::optional<TimelineEvent> latestOfEither(const QString &incidentId, const QString &kind,
                                                const QString &otherKind) const;

private:
    friend class IncidentService;

    // A manual note. "TODO: …" also adds a follow-up item to the
    // checklist's last phase, named in the note's own event (one change, one event).
    Result<Change> addNote(const QString &incidentId, const QString &text, const QString &actor);
    // Only manual notes (not already replaced) can be edited or deleted; the change names the
    // event that replaces the note.
    Result<Change> editNote(const QString &noteId, const QString &text, const QString &actor);
    Result<Change> deleteNote(const QString &noteId, const QString &actor);
    // The note happened at `at` (not in the future, not more than a week before the incident
    // was declared); the reason, when given, is kept with the correction. Later edits of the
    // note keep the corrected time.
    Result<Change> retimeNote(const QString &noteId, const QDateTime &at, const QString &reason,
                              const QString &actor);

    // Appends the event of kind that replaces the current note noteId, with text, at `at` (now
    // when invalid) and extra data.
    Result<Change> supersedeNote(const QString &noteId, const QString &kind, const QString &text,
                                 const QString &actor, const QDateTime &at = {},
                                 const QJsonObject &extra = {});

    QSqlDatabase m_db;
};

} // namespace ic::incidents
