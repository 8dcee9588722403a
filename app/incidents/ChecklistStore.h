#pragma once

#include "Change.h"
#include "ChecklistTemplate.h"
#include "Incident.h"
#include "SeverityScheme.h"
#include "core/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QSqlDatabase>
#include <functional>
#include <optional>
#include <vector>

namespace ic::incidents {

struct ChecklistItem
{
    QString id;
    QString incidentId;
    int number = 0; // kept for the life of the incident: "tick 8" is always the same item
    QString phase;
    int phasePosition = 0;
    int position = 0;
    QString text;
    std::optional<qint64> dueOffsetSeconds;
    QString dueRule; // "response_target": the deadline follows the severity's target
    QDateTime dueAt; // start + offset; invalid when the item has no deadline
    QDateTime checkedAt;
    QString checkedBy;
    QString note;
    QString source; // template, severity, ad-hoc, follow-up, runbook
    QString assignee;
    QDateTime timeboxUntil;
    QString milestone;

    bool isChecked() const { return checkedAt.isValid(); }
    bool isOverdue(const QDateTime &now) const
    {
        return !isChecked() && dueAt.isValid() && dueAt < now;
    }
};

// What a tick records beyond the time and the actor: a note, and for an escalation item the
// role it calls (roleOf, read from the item inside the tick's transaction) and who was called
// (a name only: numbers and addresses stay in contacts.yaml and never reach the timeline).
struct TickRequest
{
    QString note;
    QString calledPerson;
    std::function<QString(const ChecklistItem &)> roleOf;
};

// A task from a runbook's task list, attached as its own checklist section.
struct AttachedTask
{
    QString headingPath; // "Recovery > Database"
    QString text;
};

// The checklist of each incident as stored. Every change is one transaction together with its
// one timeline event; a method reports success only after the commit returned. Only
// IncidentService calls the changing methods.
class ChecklistStore
{
public:
    explicit ChecklistStore(QSqlDatabase db) : m_db(std::move(db)) {}

    // In checklist order (phase, then position), with due times from the incident start.
    // Empty when the read fails (logged with its SQL by sql::exec), as for an unknown incident.
    std::vector<ChecklistItem> items(const QString &incidentId) const;
    std::optional<ChecklistItem> item(const QString &itemId) const;
    // An item id, or its 1-based number in items(); the error names the choices.
    Result<QString> resolveItem(const QString &incidentId, const QString &idOrNumber) const;

    // Inside the caller's transaction: the checklist for a new incident from the template
    // plus the severity's own items.
    static Result<void> insertFromTemplate(const QSqlDatabase &db, const QString &incidentId,
                                           const ChecklistTemplate &checklist,
                                           const SeverityLevel &level);
    // Inside the caller's transaction, after a severity change: deadlines that follow the
    // response target move with it, and the new level's own items are added (nothing is
    // removed, so ticks stay).
    static Result<void> applySeverity(const QSqlDatabase &db, const QString &incidentId,
                                      const SeverityLevel &level);
    // Inside the caller's transaction: a follow-up from a "TODO:" note, in the last phase.
    // Returns the new item's id.
    static Result<QString> insertFollowUp(const QSqlDatabase &db, const QString &incidentId,
                                          const QString &text);
    // Inside the caller's transaction: a follow-up whose note was edited takes the new text.
    static Result<void> renameFollowUp(const QSqlDatabase &db, const QString &itemId,
                                       const QString &text);
    // Inside the caller's transaction: a follow-up whose note no longer asks for it goes, unless
    // it was done already (then it stays, as what happened).
    static Result<void> removeOpenFollowUp(const QSqlDatabase &db, const QString &itemId);
    // Inside the caller's transaction: an item exactly as given, every column (new items and
    // imported ones alike).
    static Result<void> insertExact(const QSqlDatabase &db, const ChecklistItem &item);

private:
    friend class IncidentService;

    // Ticking an item that records a milestone (acknowledge…) sets that milestone once; an
    // escalation item's tick records whom it called, and a called person for an item that
    // calls nobody is refused. *before receives the item as it was.
    Result<Change> tick(const QString &itemId, const QString &actor, const TickRequest &request,
                        ChecklistItem *before = nullptr);
    Result<Change> untick(const QString &itemId, const QString &actor);
    Result<Change> setNote(const QString &itemId, const QString &note, const QString &actor);
    // "Back to me in 10 min": the item shows a countdown to until.
    Result<Change> assign(const QString &itemId, const QString &person, const QDateTime &until,
                          const QString &actor);
    // The new item's id is in the event's data ("item").
    Result<Change> addItem(const QString &incidentId, const QString &phase, const QString &text,
                           std::optional<qint64> dueOffsetSeconds, const QString &actor);
    // A runbook's tasks as a new section after the existing phases.
    Result<Change> attachTasks(const QString &incidentId, const QString &sectionTitle,
                               const std::vector<AttachedTask> &tasks, const QString &actor);

    // Inside changeItem's transaction: the milestone an item records on its tick, and takes
    // back on its untick; both add to the one event of the change.
    Result<void> recordMilestone(const ChecklistItem &item, Milestone milestone, QJsonObject &data,
                                 QString &eventText);
    Result<void> withdrawMilestone(const ChecklistItem &item, Milestone milestone,
                                   QJsonObject &data, QString &eventText);

    // The event text for the change of an item, or why the item's current state does not allow
    // it: unchanged() when it is that way already, refusal() when it may not be.
    using Describe = std::function<Result<QString>(const ChecklistItem &current)>;
    // *extraData (read after describe, which may fill it) joins the event's data.
    Result<Change> changeItem(const QString &itemId, const QString &sql, const QVariantList &params,
                              const QString &kind, const Describe &describe, const QString &actor,
                              const QJsonObject *extraData = nullptr);

    QSqlDatabase m_db;
};

} // namespace ic::incidents
