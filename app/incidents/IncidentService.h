#pragma once

#include "ChecklistStore.h"
#include "IncidentImport.h"
#include "IncidentStore.h"
#include "Timeline.h"
#include "core/Result.h"
#include "team/ChangeJournal.h"

#include <QObject>
#include <functional>
#include <optional>

namespace ic::incidents {

// The one place where an incident changes. The window, the command line and imports declare,
// tick, note, assign, change status, severity and milestones, attach runbook tasks and record
// messages here, and nowhere else (the stores' changing methods are private to it).
//
// Each change is written together with exactly one timeline event in one transaction, by the
// actor this service was given (see Actor.h for the rule), and reported with
// incidentChanged() only after its commit. Changes committed by another process on the same
// database (the CLI ticking while the window is open) are reported through the same signal by
// checkForExternalChanges(), so listeners have one path for both. An action that fulfils a
// checklist item by its template's done_when (a message sent, a status, a milestone, the
// postmortem saved) ticks that item afterwards, as a change and an event of its own. When the data
// dir shares its incidents with a team, each change is journaled in its own transaction
// (team/ChangeJournal).
class IncidentService : public QObject
{
    Q_OBJECT
public:
    IncidentService(QSqlDatabase db, IncidentConfig config, QString actor,
                    QObject *parent = nullptr);

    const IncidentConfig &config() const { return m_store.config(); }
    const SeverityScheme &severities() const { return m_store.config().severities; }
    // Reading: incidents, their checklist and timeline, exactly as committed.
    const IncidentStore &store() const { return m_store; }
    std::vector<ChecklistItem> items(const QString &incidentId) const;
    std::vector<TimelineEvent> events(const QString &incidentId) const;
    // A long timeline in pages: the newest limit events, then the limit before an event.
    TimelinePage newestEvents(const QString &incidentId, int limit) const;
    TimelinePage eventsBefore(const QString &eventId, int limit) const;
    std::optional<TimelineEvent> event(const QString &eventId) const;
    // Every incident's events of these kinds, oldest first (e.g. the alerts linked anywhere).
    std::vector<TimelineEvent> eventsOfKinds(const QStringList &kinds) const;
    std::optional<ChecklistItem> item(const QString &itemId) const;
    // The incident's complete JSON document (IncidentDocument.h); empty when it does not exist.
    QJsonObject document(const QString &incidentId) const;
    // The same with only the newest events of the timeline, for what runs on every change
    // (the window's drafts).
    QJsonObject recentDocument(const QString &incidentId, int newestEvents) const;

    // Who the changes are recorded as.
    QString actor() const { return m_actor; }
    void setActor(const QString &actor) { m_actor = actor; }

    // Each change returns the incident and the one timeline event that records it.
    Result<Change> declare(const DeclareRequest &request);
    Result<Change> setStatus(const QString &incidentId, Status status);
    Result<Change> setSeverity(const QString &incidentId, const QString &severity);
    // An invalid value clears the milestone (never started).
    Result<Change> setMilestone(const QString &incidentId, Milestone milestone,
                                const QDateTime &value);

    // An escalation item (its template names a role to call, CalledRole.h) records the role
    // and whom the caller says was called: the role's holder from contacts.yaml, or someone
    // else when the holder did not answer. Naming a person for an item that calls nobody is
    // refused.
    Result<Change> tick(const QString &itemId, const QString &note = {},
                        const QString &calledPerson = {});
    // The role an item tells the commander to call; empty when it calls nobody.
    QString calledRole(const ChecklistItem &item) const;
    Result<Change> untick(const QString &itemId);
    Result<Change> setItemNote(const QString &itemId, const QString &note);
    // "Back to me in 10 min": person owns the item with a countdown of minutes (none when 0).
    Result<Change> assignItem(const QString &itemId, const QString &person, int minutes);
    // The new item's id is in the event's data ("item").
    Result<Change> addItem(const QString &incidentId, const QString &phase, const QString &text);
    // A runbook's task list as a checklist section of its own, "Runbook: <title>".
    Result<Change> attachRunbookTasks(const QString &incidentId, const QString &runbookTitle,
                                      const std::vector<AttachedTask> &tasks);

    // A note's id is the id of its event.
    Result<Change> addNote(const QString &incidentId, const QString &text);
    Result<Change> editNote(const QString &noteId, const QString &text);
    Result<Change> deleteNote(const QString &noteId);
    // "We noticed at 16:20, not 16:39": the note moves to when it happened; the time it had and
    // the reason stay on the timeline (Timeline::retimeNote says which times are accepted).
    Result<Change> retimeNote(const QString &noteId, const QDateTime &at, const QString &reason);

    // A drafted message was copied or posted ("how"): logged with its text; an initial alert
    // or an update also restarts the next-update countdown.
    Result<Change> recordMessageSent(const QString &incidentId, const QString &templateId,
                                     const QString &templateTitle, const QString &text,
                                     const QString &how);
    Result<Change> savePostmortem(const QString &incidentId, const QString &text);
    // The deputy's clock: snooze the next-update reminder for minutes, or (0) say no further
    // updates are needed until one is sent anyway. The reason is required and logged.
    Result<Change> pauseUpdates(const QString &incidentId, int minutes, const QString &reason);
    // Who holds a role (not commander: see handOverCommand); experts may be several.
    Result<Change> assignRole(const QString &incidentId, Role role, const QStringList &people);
    // Command passes to another person: the timeline names both and the outgoing commander's
    // note, and the handover brief (template "handover") names them too.
    Result<Change> handOverCommand(const QString &incidentId, const QString &to,
                                   const QString &note);
    // The deputy called out the state of the response (CallOut.h); the next call-out is due
    // an interval after this one.
    Result<Change> recordCallOut(const QString &incidentId, const QString &text);
    // Another feature's automatic event (a health state change, a runbook opened), recorded as
    // that feature rather than as the user.
    Result<Change> recordEvent(const QString &incidentId, const QString &kind, const QString &text,
                               const QJsonObject &data, const QString &feature);

    // An exported incident restored with its ids and times (nothing added to its timeline).
    // ErrorKind::Unchanged when its id (or one of its rows') is taken: nothing was written.
    Result<void> importIncident(const IncidentRecord &record);

    // Whether this data dir joined a team (read again after another process committed, or
    // when the window joins or leaves one): then each change is also journaled for the team.
    void noticeTeamMode();

public Q_SLOTS:
    // Reports what other connections committed since the last call. Cheap when nothing did
    // (one pragma), so the window calls it every few seconds on the UI thread.
    void checkForExternalChanges();

Q_SIGNALS:
    // A committed change: the incident and the newest timeline event it has. Emitted once
    // per incident per change, after the commit, whoever made it.
    void incidentChanged(const QString &incidentId, const QString &eventId);

private:
    // Runs write; in a team, inside one transaction with the event that replicates the change
    // to incidentId (empty: a new incident, named by the result).
    Result<Change> journaled(const QString &incidentId,
                             const std::function<Result<Change>()> &write);
    // The incident of an item or event, for the journal; empty outside a team.
    QString itemIncident(const QString &itemId) const;
    QString eventIncident(const QString &eventId) const;
    // Emits incidentChanged for every incident with events newer than the last ones reported.
    void reportNewEvents();
    Result<Change> reported(Result<Change> result);
    // Ticks, each as a change of its own, the open items of the incident whose template says
    // action fulfils them (done_when), with a note saying what happened ("ticked: Initial
    // alert copied at 16:39"). A tick that fails is logged; the action stays done.
    void completeItemsDoneBy(const QString &incidentId, const QString &action, const QString &what);

    QSqlDatabase m_db;
    IncidentStore m_store;
    QString m_actor;
    qint64 m_lastReportedRow = 0;
    qint64 m_dataVersion = 0;
    std::optional<team::ChangeJournal> m_journal;
    bool m_completesItems = false; // whether any template item has done_when
};

} // namespace ic::incidents
