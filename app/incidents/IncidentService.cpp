#include "IncidentService.h"

#include "IncidentDocument.h"
#include "comms/MessageTemplates.h"
#include "storage/Sql.h"

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

} // namespace

IncidentService::IncidentService(QSqlDatabase db, IncidentConfig config, QString actor,
                                 QObject *parent)
    : QObject(parent), m_db(db), m_store(db, std::move(config)), m_actor(std::move(actor)),
      m_lastReportedRow(newestEventRow(db)), m_dataVersion(dataVersion(db))
{}

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
    return reported(m_store.declare(request, m_actor));
}

Result<Change> IncidentService::setStatus(const QString &incidentId, Status status)
{
    return reported(m_store.setStatus(incidentId, status, m_actor));
}

Result<Change> IncidentService::setSeverity(const QString &incidentId, const QString &severity)
{
    return reported(m_store.setSeverity(incidentId, severity, m_actor));
}

Result<Change> IncidentService::setMilestone(const QString &incidentId, Milestone milestone,
                                             const QDateTime &value)
{
    return reported(m_store.setMilestone(incidentId, milestone, value, m_actor));
}

Result<Change> IncidentService::tick(const QString &itemId, const QString &note)
{
    return reported(ChecklistStore(m_db).tick(itemId, m_actor, note));
}

Result<Change> IncidentService::untick(const QString &itemId)
{
    return reported(ChecklistStore(m_db).untick(itemId, m_actor));
}

Result<Change> IncidentService::setItemNote(const QString &itemId, const QString &note)
{
    return reported(ChecklistStore(m_db).setNote(itemId, note, m_actor));
}

Result<Change> IncidentService::assignItem(const QString &itemId, const QString &person,
                                           int minutes)
{
    if (person.trimmed().isEmpty())
        return refusal(tr("an assignment needs a person"));
    const QDateTime until =
        minutes > 0 ? QDateTime::currentDateTimeUtc().addSecs(qint64(minutes) * 60) : QDateTime();
    return reported(ChecklistStore(m_db).assign(itemId, person.trimmed(), until, m_actor));
}

Result<Change> IncidentService::addItem(const QString &incidentId, const QString &phase,
                                        const QString &text)
{
    return reported(ChecklistStore(m_db).addItem(incidentId, phase, text, std::nullopt, m_actor));
}

Result<Change> IncidentService::attachRunbookTasks(const QString &incidentId,
                                                   const QString &runbookTitle,
                                                   const std::vector<AttachedTask> &tasks)
{
    return reported(ChecklistStore(m_db).attachTasks(
        incidentId, tr("Runbook: %1").arg(runbookTitle), tasks, m_actor));
}

Result<Change> IncidentService::addNote(const QString &incidentId, const QString &text)
{
    return reported(Timeline(m_db).addNote(incidentId, text, m_actor));
}

Result<Change> IncidentService::editNote(const QString &noteId, const QString &text)
{
    return reported(Timeline(m_db).editNote(noteId, text, m_actor));
}

Result<Change> IncidentService::deleteNote(const QString &noteId)
{
    return reported(Timeline(m_db).deleteNote(noteId, m_actor));
}

Result<Change> IncidentService::recordMessageSent(const QString &incidentId,
                                                  const QString &templateId,
                                                  const QString &templateTitle, const QString &text,
                                                  const QString &how)
{
    return reported(m_store.recordMessageSent(incidentId, templateTitle, text, how,
                                              comms::restartsUpdateCountdown(templateId), m_actor));
}

Result<Change> IncidentService::savePostmortem(const QString &incidentId, const QString &text)
{
    return reported(m_store.savePostmortem(incidentId, text, m_actor));
}

Result<Change> IncidentService::recordEvent(const QString &incidentId, const QString &kind,
                                            const QString &text, const QJsonObject &data,
                                            const QString &feature)
{
    return reported(m_store.recordEvent(incidentId, kind, text, data, feature));
}

Result<void> IncidentService::importIncident(const IncidentRecord &record, bool *alreadyExists)
{
    QString error;
    const ImportOutcome outcome = incidents::importIncident(m_db, record, &error);
    if (alreadyExists)
        *alreadyExists = outcome == ImportOutcome::AlreadyExists;
    if (outcome != ImportOutcome::Imported)
        return failure(error);
    reportNewEvents();
    return {};
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
