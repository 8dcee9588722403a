#include "ActiveIncident.h"

#include "comms/IncidentValues.h"
#include "comms/MessageTemplates.h"
#include "core/Ids.h"
#include "incidents/IncidentDocument.h"
#include "storage/Sql.h"

namespace ic::ui {

using namespace incidents;

ActiveIncident::ActiveIncident(QSqlDatabase db, IncidentConfig config, QObject *parent)
    : QObject(parent), m_db(db), m_store(db, std::move(config))
{
    for (const Incident &candidate : m_store.list()) {
        if (candidate.isOpen()) {
            setActive(candidate.id);
            break;
        }
    }
}

QString ActiveIncident::actor()
{
    if (!s_commanderName.isEmpty())
        return s_commanderName;
    const QString user = qEnvironmentVariable("USER");
    return user.isEmpty() ? tr("commander") : user;
}

void ActiveIncident::setActive(const QString &incidentId)
{
    m_incident = m_store.load(incidentId);
    reload();
}

QVariantMap ActiveIncident::templateValues() const
{
    if (!m_incident)
        return {};
    return comms::incidentValues(incidents::incidentDocument(m_store, m_incident->id),
                                 QDateTime::currentDateTimeUtc());
}

void ActiveIncident::reload()
{
    if (m_incident)
        m_incident = m_store.load(m_incident->id);
    m_items =
        m_incident ? ChecklistStore(m_db).items(m_incident->id) : std::vector<ChecklistItem>{};
    m_events = m_incident ? Timeline(m_db).events(m_incident->id) : std::vector<TimelineEvent>{};
    m_nextUpdateDue = m_incident ? m_store.nextUpdateDue(*m_incident) : QDateTime();
    m_lastSeenUpdate = m_incident
                           ? toStoredTime(m_incident->updatedAt) + QString::number(m_events.size())
                           : QString();
    Q_EMIT changed();
}

void ActiveIncident::refreshIfChangedElsewhere()
{
    if (!m_incident)
        return;
    // Two indexed lookups: cheap enough for the UI thread every few seconds.
    const QString updated =
        sql::scalar(m_db, QStringLiteral("SELECT updated_at FROM incidents WHERE id = ?"),
                    {m_incident->id})
            .toString() +
        sql::scalar(m_db,
                    QStringLiteral("SELECT count(*) FROM timeline_events WHERE incident_id = ?"),
                    {m_incident->id})
            .toString();
    if (updated != m_lastSeenUpdate)
        reload();
}

bool ActiveIncident::finish(bool committed)
{
    if (!committed) {
        Q_EMIT failed(m_error);
        return false;
    }
    reload();
    return true;
}

bool ActiveIncident::declare(const DeclareRequest &request)
{
    m_error.clear();
    const QString id = m_store.declare(request, actor(), &m_error);
    if (id.isEmpty())
        return finish(false);
    m_incident = m_store.load(id);
    finish(true);
    Q_EMIT declared();
    return true;
}

bool ActiveIncident::setTicked(const QString &itemId, bool ticked)
{
    m_error.clear();
    ChecklistStore checklist(m_db);
    const QString eventId = ticked ? checklist.tick(itemId, actor(), {}, &m_error)
                                   : checklist.untick(itemId, actor(), &m_error);
    return finish(!eventId.isEmpty());
}

bool ActiveIncident::addNote(const QString &text)
{
    m_error.clear();
    if (!m_incident)
        return false;
    return finish(!Timeline(m_db).addNote(m_incident->id, text, actor(), &m_error).isEmpty());
}

bool ActiveIncident::setStatus(Status status)
{
    m_error.clear();
    return m_incident && finish(m_store.setStatus(m_incident->id, status, actor(), &m_error));
}

bool ActiveIncident::setSeverity(const QString &severity)
{
    m_error.clear();
    return m_incident && finish(m_store.setSeverity(m_incident->id, severity, actor(), &m_error));
}

bool ActiveIncident::setItemNote(const QString &itemId, const QString &note)
{
    m_error.clear();
    return finish(!ChecklistStore(m_db).setNote(itemId, note, actor(), &m_error).isEmpty());
}

bool ActiveIncident::assignItem(const QString &itemId, const QString &person, int minutes)
{
    m_error.clear();
    const QDateTime until =
        minutes > 0 ? QDateTime::currentDateTimeUtc().addSecs(qint64(minutes) * 60) : QDateTime();
    return finish(!ChecklistStore(m_db).assign(itemId, person, until, actor(), &m_error).isEmpty());
}

bool ActiveIncident::addItem(const QString &phase, const QString &text)
{
    m_error.clear();
    return m_incident &&
           finish(!ChecklistStore(m_db)
                       .addItem(m_incident->id, phase, text, std::nullopt, actor(), &m_error)
                       .isEmpty());
}

bool ActiveIncident::editNote(const QString &noteId, const QString &text)
{
    m_error.clear();
    return finish(!Timeline(m_db).editNote(noteId, text, actor(), &m_error).isEmpty());
}

bool ActiveIncident::deleteNote(const QString &noteId)
{
    m_error.clear();
    return finish(!Timeline(m_db).deleteNote(noteId, actor(), &m_error).isEmpty());
}

bool ActiveIncident::attachRunbookTasks(const QString &runbookTitle,
                                        const std::vector<AttachedTask> &tasks)
{
    m_error.clear();
    return m_incident &&
           finish(!ChecklistStore(m_db)
                       .attachTasks(m_incident->id, tr("Runbook: %1").arg(runbookTitle), tasks,
                                    actor(), &m_error)
                       .isEmpty());
}

bool ActiveIncident::setMilestone(Milestone milestone, const QDateTime &value)
{
    m_error.clear();
    return m_incident &&
           finish(m_store.setMilestone(m_incident->id, milestone, value, actor(), &m_error));
}

bool ActiveIncident::recordMessageSent(const QString &templateId, const QString &templateTitle,
                                       const QString &text, const QString &how)
{
    m_error.clear();
    return m_incident && finish(m_store.recordMessageSent(
                             m_incident->id, templateTitle, text, how,
                             comms::restartsUpdateCountdown(templateId), actor(), &m_error));
}

QString ActiveIncident::postmortem() const
{
    return m_incident ? m_store.postmortem(m_incident->id) : QString();
}

bool ActiveIncident::savePostmortem(const QString &text)
{
    m_error.clear();
    return m_incident && finish(m_store.savePostmortem(m_incident->id, text, actor(), &m_error));
}

bool ActiveIncident::recordEvent(const QString &kind, const QString &text, const QJsonObject &data,
                                 const QString &eventActor)
{
    m_error.clear();
    return m_incident && m_incident->isOpen() &&
           finish(m_store.recordEvent(m_incident->id, kind, text, data, eventActor, &m_error));
}

bool ActiveIncident::recordUpdateSent(const QString &how)
{
    m_error.clear();
    return m_incident && finish(m_store.recordUpdateSent(m_incident->id, how, actor(), &m_error));
}

} // namespace ic::ui
