#include "IncidentService.h"

#include "DoneWhen.h"
#include "IncidentDocument.h"
#include "ItemOrigin.h"
#include "comms/MessageTemplates.h"
#include "core/Logging.h"
#include "storage/Sql.h"
#include "team/TeamState.h"

#include <QSysInfo>
#include <QTimeZone>
#include <algorithm>

namespace ic::incidents {
namespace {

qint64 dataVersion(const QSqlDatabase &db)
{
    return sql::scalar(db, QStringLiteral("PRAGMA data_version")).toLongLong();
}

qint64 newestEventRow(const QSqlDatabase &db)
{
    return sql::scalar(db, QStringLiteral("SELECT coalesce(max(rowid), 0) FROM timeline_events"))
        .toLongLong();
}

// Whether any template item ticks itself, so changes skip looking when none does.
bool completesItems(const IncidentConfig &config)
{
    const auto any = [](const std::vector<TemplateItem> &items) {
        return std::any_of(items.begin(), items.end(),
                           [](const TemplateItem &item) { return !item.doneWhen.isEmpty(); });
    };
    return any(config.checklist.items) ||
           std::any_of(config.severities.levels.begin(), config.severities.levels.end(),
                       [&any](const SeverityLevel &level) { return any(level.extraItems); });
}

} // namespace

IncidentService::IncidentService(QSqlDatabase db, IncidentConfig config, QString actor,
                                 QObject *parent)
    : QObject(parent), m_db(db), m_store(db, std::move(config)), m_actor(std::move(actor)),
      m_lastReportedRow(newestEventRow(db)), m_dataVersion(dataVersion(db)),
      m_completesItems(completesItems(m_store.config()))
{
    noticeTeamMode();
}

void IncidentService::noticeTeamMode()
{
    if (team::isJournaled(m_db) == bool(m_journal))
        return;
    if (m_journal)
        m_journal.reset();
    else
        m_journal.emplace(m_db);
}

std::vector<ChecklistItem> IncidentService::items(const QString &incidentId) const
{
    return ChecklistStore(m_db).items(incidentId);
}

std::vector<TimelineEvent> IncidentService::events(const QString &incidentId) const
{
    return Timeline(m_db).events(incidentId);
}

TimelinePage IncidentService::newestEvents(const QString &incidentId, int limit) const
{
    return Timeline(m_db).newestEvents(incidentId, limit);
}

TimelinePage IncidentService::eventsBefore(const QString &eventId, int limit) const
{
    return Timeline(m_db).eventsBefore(eventId, limit);
}

std::optional<TimelineEvent> IncidentService::event(const QString &eventId) const
{
    return Timeline(m_db).event(eventId);
}

std::vector<TimelineEvent> IncidentService::eventsOfKinds(const QStringList &kinds) const
{
    return Timeline(m_db).eventsOfKinds(kinds);
}

std::optional<ChecklistItem> IncidentService::item(const QString &itemId) const
{
    return ChecklistStore(m_db).item(itemId);
}

QJsonObject IncidentService::document(const QString &incidentId) const
{
    return incidentDocument(m_store, incidentId);
}

QJsonObject IncidentService::recentDocument(const QString &incidentId, int newestEvents) const
{
    return incidentDocument(m_store, incidentId, newestEvents);
}

Result<Change> IncidentService::declare(const DeclareRequest &request)
{
    return journaled({}, [&] { return m_store.declare(request, m_actor); });
}

Result<Change> IncidentService::setStatus(const QString &incidentId, Status status)
{
    const std::optional<Incident> before =
        m_completesItems ? m_store.load(incidentId) : std::nullopt;
    Result<Change> changed =
        journaled(incidentId, [&] { return m_store.setStatus(incidentId, status, m_actor); });
    if (changed && before) {
        const QString why = QStringLiteral("status %1").arg(statusLabel(status));
        completeItemsDoneBy(incidentId, done_when::status(status), why);
        // Monitoring records mitigated, resolved records resolved: those milestones too.
        if (const std::optional<Incident> after = m_store.load(incidentId)) {
            for (int i = 0; i < milestoneCount; ++i) {
                if (!before->milestones[size_t(i)].isValid() &&
                    after->milestones[size_t(i)].isValid())
                    completeItemsDoneBy(incidentId, done_when::milestone(Milestone(i)), why);
            }
        }
    }
    return changed;
}

Result<Change> IncidentService::setSeverity(const QString &incidentId, const QString &severity)
{
    return journaled(incidentId,
                     [&] { return m_store.setSeverity(incidentId, severity, m_actor); });
}

Result<Change> IncidentService::setMilestone(const QString &incidentId, Milestone milestone,
                                             const QDateTime &value)
{
    Result<Change> changed = journaled(
        incidentId, [&] { return m_store.setMilestone(incidentId, milestone, value, m_actor); });
    if (changed && value.isValid())
        completeItemsDoneBy(incidentId, done_when::milestone(milestone),
                            QStringLiteral("milestone %1 set").arg(milestoneId(milestone)));
    return changed;
}

Result<Change> IncidentService::tick(const QString &itemId, const QString &note,
                                     const QString &calledPerson)
{
    ChecklistItem before;
    const TickRequest request{note, calledPerson, [this](const ChecklistItem &item) {
                                  return calledRole(item);
                              }};
    Result<Change> changed = journaled(itemIncident(itemId), [&] {
        return ChecklistStore(m_db).tick(itemId, m_actor, request, &before);
    });
    // A tick that records a milestone (acknowledge…) may fulfil other items.
    if (changed && !before.milestone.isEmpty())
        if (const auto milestone = parseMilestone(before.milestone))
            completeItemsDoneBy(changed->incidentId, done_when::milestone(*milestone),
                                QStringLiteral("milestone %1 recorded").arg(before.milestone));
    return changed;
}

QString IncidentService::calledRole(const ChecklistItem &item) const
{
    const TemplateItem *origin = templateItemOf(config(), item);
    return origin ? origin->call : QString();
}

Result<Change> IncidentService::untick(const QString &itemId)
{
    return journaled(itemIncident(itemId),
                     [&] { return ChecklistStore(m_db).untick(itemId, m_actor); });
}

Result<Change> IncidentService::setItemNote(const QString &itemId, const QString &note)
{
    return journaled(itemIncident(itemId),
                     [&] { return ChecklistStore(m_db).setNote(itemId, note, m_actor); });
}

Result<Change> IncidentService::assignItem(const QString &itemId, const QString &person,
                                           int minutes)
{
    if (person.trimmed().isEmpty())
        return refusal(tr("an assignment needs a person"));
    const QDateTime until =
        minutes > 0 ? QDateTime::currentDateTimeUtc().addSecs(qint64(minutes) * 60) : QDateTime();
    return journaled(itemIncident(itemId), [&] {
        return ChecklistStore(m_db).assign(itemId, person.trimmed(), until, m_actor);
    });
}

Result<Change> IncidentService::addItem(const QString &incidentId, const QString &phase,
                                        const QString &text)
{
    return journaled(incidentId, [&] {
        return ChecklistStore(m_db).addItem(incidentId, phase, text, std::nullopt, m_actor);
    });
}

Result<Change> IncidentService::attachRunbookTasks(const QString &incidentId,
                                                   const QString &runbookTitle,
                                                   const std::vector<AttachedTask> &tasks)
{
    return journaled(incidentId, [&] {
        return ChecklistStore(m_db).attachTasks(incidentId, tr("Runbook: %1").arg(runbookTitle),
                                                tasks, m_actor);
    });
}

Result<Change> IncidentService::addNote(const QString &incidentId, const QString &text)
{
    return journaled(incidentId, [&] { return Timeline(m_db).addNote(incidentId, text, m_actor); });
}

Result<Change> IncidentService::editNote(const QString &noteId, const QString &text)
{
    return journaled(eventIncident(noteId),
                     [&] { return Timeline(m_db).editNote(noteId, text, m_actor); });
}

Result<Change> IncidentService::deleteNote(const QString &noteId)
{
    return journaled(eventIncident(noteId),
                     [&] { return Timeline(m_db).deleteNote(noteId, m_actor); });
}

Result<Change> IncidentService::retimeNote(const QString &noteId, const QDateTime &at,
                                           const QString &reason)
{
    return journaled(eventIncident(noteId),
                     [&] { return Timeline(m_db).retimeNote(noteId, at, reason, m_actor); });
}

Result<Change> IncidentService::recordMessageSent(const QString &incidentId,
                                                  const QString &templateId,
                                                  const QString &templateTitle, const QString &text,
                                                  const QString &how)
{
    Result<Change> changed = journaled(incidentId, [&] {
        return m_store.recordMessageSent(incidentId, templateTitle, text, how,
                                         comms::restartsUpdateCountdown(templateId), m_actor);
    });
    if (changed)
        completeItemsDoneBy(incidentId, done_when::sent(templateId),
                            QStringLiteral("%1 %2").arg(templateTitle, how));
    return changed;
}

Result<Change> IncidentService::savePostmortem(const QString &incidentId, const QString &text)
{
    Result<Change> changed =
        journaled(incidentId, [&] { return m_store.savePostmortem(incidentId, text, m_actor); });
    if (changed)
        completeItemsDoneBy(incidentId, done_when::postmortemSaved(),
                            QStringLiteral("postmortem saved"));
    return changed;
}

Result<Change> IncidentService::pauseUpdates(const QString &incidentId, int minutes,
                                             const QString &reason)
{
    if (minutes < 0)
        return Error{QStringLiteral("a snooze needs a positive number of minutes"),
                     ErrorKind::Refused};
    const QDateTime until =
        minutes > 0 ? QDateTime::currentDateTimeUtc().addSecs(qint64(minutes) * 60) : QDateTime();
    return journaled(incidentId,
                     [&] { return m_store.pauseUpdates(incidentId, until, reason, m_actor); });
}

Result<Change> IncidentService::assignRole(const QString &incidentId, Role role,
                                           const QStringList &people)
{
    return journaled(incidentId,
                     [&] { return m_store.setRole(incidentId, role, people, m_actor); });
}

Result<Change> IncidentService::handOverCommand(const QString &incidentId, const QString &to,
                                                const QString &note)
{
    return journaled(incidentId, [&] { return m_store.handOver(incidentId, to, note, m_actor); });
}

Result<Change> IncidentService::recordCallOut(const QString &incidentId, const QString &text)
{
    if (text.trimmed().isEmpty())
        return refusal(QStringLiteral("a call-out needs what was said"));
    return journaled(incidentId, [&] {
        return m_store.recordEvent(incidentId, EventKind::CallOut,
                                   QStringLiteral("Call-out: ") + text.trimmed(), {}, m_actor);
    });
}

void IncidentService::completeItemsDoneBy(const QString &incidentId, const QString &action,
                                          const QString &what)
{
    if (!m_completesItems)
        return;
    const std::optional<Incident> incident = m_store.load(incidentId);
    if (!incident)
        return;
    const QTimeZone zone = incident->timeZone.isEmpty() ? QTimeZone::systemTimeZone()
                                                        : QTimeZone(incident->timeZone.toUtf8());
    const QString at =
        QDateTime::currentDateTime().toTimeZone(zone).toString(QStringLiteral("HH:mm"));
    for (const ChecklistItem &item : items(incidentId)) {
        const TemplateItem *origin = item.isChecked() ? nullptr : templateItemOf(config(), item);
        if (!origin || origin->doneWhen != action)
            continue;
        // Its own change, like a tick by hand: on the timeline, and the user can untick it.
        if (const Result<Change> ticked =
                tick(item.id, QStringLiteral("ticked: %1 at %2").arg(what, at));
            !ticked)
            log::get(log::Incidents)
                ->warn("item {} was not ticked after '{}': {}", item.number, action.toStdString(),
                       ticked.error().toStdString());
    }
}

Result<Change> IncidentService::recordEvent(const QString &incidentId, const QString &kind,
                                            const QString &text, const QJsonObject &data,
                                            const QString &feature)
{
    return journaled(incidentId,
                     [&] { return m_store.recordEvent(incidentId, kind, text, data, feature); });
}

Result<void> IncidentService::importIncident(const IncidentRecord &record)
{
    // In a team the imported incident is shared in the import's own transaction.
    const Result<void> written = sql::inWriteTransaction(m_db, [&]() -> Result<void> {
        if (const Result<void> imported = incidents::importIncident(m_db, record);
            !imported || !m_journal)
            return imported;
        const Result<int> shared = m_journal->shareUnjournaledIncidents(m_actor);
        if (!shared)
            return shared.failed();
        return {};
    });
    if (!written)
        return written;
    reportNewEvents();
    return {};
}

QString IncidentService::itemIncident(const QString &itemId) const
{
    if (!m_journal)
        return {};
    const std::optional<ChecklistItem> found = item(itemId);
    return found ? found->incidentId : QString();
}

QString IncidentService::eventIncident(const QString &eventId) const
{
    if (!m_journal)
        return {};
    const std::optional<TimelineEvent> found = event(eventId);
    return found ? found->incidentId : QString();
}

Result<Change> IncidentService::journaled(const QString &incidentId,
                                          const std::function<Result<Change>()> &write)
{
    if (!m_journal)
        return reported(write());
    // The store's own transaction becomes a savepoint inside this one: the change and the
    // event that replicates it commit together.
    sql::WriteTransaction transaction(m_db);
    if (!transaction.isActive())
        return failure(transaction.error());
    const Result<team::ChangeJournal::Before> before = m_journal->before(incidentId);
    if (!before)
        return failure(before.error());
    Result<Change> result = write();
    if (!result)
        return result;
    // In a team the timeline also says on which console a change was made (its host name),
    // written before the journal reads the event, so it travels with it.
    if (const Result<void> named = sql::run(
            m_db,
            QStringLiteral("UPDATE timeline_events SET data = json_set(data, '$.console', ?) "
                           "WHERE id = ?"),
            {QSysInfo::machineHostName(), result->eventId});
        !named)
        return named.failed();
    if (const Result<void> recorded =
            m_journal->record(*before, result->incidentId, result->eventId, m_actor);
        !recorded)
        return failure(recorded.error());
    if (!transaction.commit())
        return failure(transaction.error());
    return reported(std::move(result));
}

Result<Change> IncidentService::reported(Result<Change> result)
{
    // Our own change names its incident and its one event: reported as it is, without a read
    // transaction after the commit (a tick's latency is its write, nothing else). What other
    // connections committed meanwhile comes with the next checkForExternalChanges(); that
    // report may name this incident once more, which costs a listener one reload.
    if (result)
        Q_EMIT incidentChanged(result->incidentId, result->eventId);
    return result;
}

void IncidentService::checkForExternalChanges()
{
    // data_version changes only when another connection commits, never for our own writes.
    const qint64 version = dataVersion(m_db);
    if (version == m_dataVersion)
        return;
    m_dataVersion = version;
    // Another process may have joined or left a team (incident-console team join).
    noticeTeamMode();
    reportNewEvents();
}

void IncidentService::reportNewEvents()
{
    // The newest event per incident: an import of thousands of events is one report, not
    // thousands. The timeline is append-only, so rowids only grow.
    auto query = sql::exec(m_db,
                           QStringLiteral("SELECT incident_id, id, rowid FROM timeline_events "
                                          "WHERE rowid IN (SELECT max(rowid) FROM "
                                          "timeline_events WHERE rowid > ? GROUP BY incident_id) "
                                          "ORDER BY rowid"),
                           {m_lastReportedRow});
    std::vector<std::pair<QString, QString>> changes;
    while (query && query->next()) {
        changes.emplace_back(query->value(0).toString(), query->value(1).toString());
        m_lastReportedRow = query->value(2).toLongLong();
    }
    for (const auto &[incidentId, eventId] : changes)
        Q_EMIT incidentChanged(incidentId, eventId);
}

} // namespace ic::incidents
