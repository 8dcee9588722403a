#include "ActiveIncident.h"

#include "comms/IncidentValues.h"
#include "incidents/CallOut.h"

#include <algorithm>

namespace ic::ui {

using namespace incidents;

ActiveIncident::ActiveIncident(IncidentService &service, QObject *parent)
    : QObject(parent), m_service(service)
{
    connect(&m_service, &IncidentService::incidentChanged, this,
            &ActiveIncident::onIncidentChanged);
    for (const Incident &candidate : m_service.store().list()) {
        if (candidate.isOpen()) {
            setActive(candidate.id);
            break;
        }
    }
}

void ActiveIncident::setActive(const QString &incidentId)
{
    m_incident = m_service.store().load(incidentId);
    m_eventsWanted = eventPage;
    reload();
}

QVariantMap ActiveIncident::templateValues() const
{
    if (!m_incident)
        return {};
    QVariantMap values = comms::incidentValues(m_service.recentDocument(m_incident->id, eventPage),
                                               QDateTime::currentDateTimeUtc());
    if (m_contacts)
        values.insert(QStringLiteral("contacts"), m_contacts(*m_incident));
    return values;
}

void ActiveIncident::reload()
{
    if (m_incident)
        m_incident = m_service.store().load(m_incident->id);
    m_items = m_incident ? m_service.items(m_incident->id) : std::vector<ChecklistItem>{};
    readEvents();
    m_nextUpdateDue = m_incident ? m_service.store().nextUpdateDue(*m_incident) : QDateTime();
    m_nextCallOutDue = m_incident ? m_service.store().nextCallOutDue(*m_incident) : QDateTime();
    Q_EMIT changed();
    const bool resolvedNow = m_incident && m_incident->status == incidents::Status::Resolved;
    if (resolvedNow != m_resolvedSeen) {
        m_resolvedSeen = resolvedNow;
        if (resolvedNow)
            Q_EMIT resolved();
        else
            Q_EMIT reopened();
    }
}

void ActiveIncident::readEvents()
{
    TimelinePage page =
        m_incident ? m_service.newestEvents(m_incident->id, m_eventsWanted) : TimelinePage{};
    m_events = std::move(page.events);
    m_hasOlderEvents = page.hasOlder;
}

void ActiveIncident::loadOlderEvents()
{
    if (!m_incident || !m_hasOlderEvents || m_events.empty())
        return;
    TimelinePage older = m_service.eventsBefore(m_events.front().id, eventPage);
    m_events.insert(m_events.begin(), std::make_move_iterator(older.events.begin()),
                    std::make_move_iterator(older.events.end()));
    m_hasOlderEvents = older.hasOlder;
    m_eventsWanted = int(m_events.size());
    Q_EMIT olderEventsLoaded();
}

bool ActiveIncident::succeeded(const Result<Change> &result)
{
    if (!result)
        Q_EMIT failed(result.error());
    return result.ok();
}

void ActiveIncident::onIncidentChanged(const QString &incidentId)
{
    if (m_incident && m_incident->id == incidentId)
        reload();
}

bool ActiveIncident::declare(const DeclareRequest &request)
{
    const Result<Change> change = m_service.declare(request);
    if (!succeeded(change))
        return false;
    setActive(change->incidentId);
    Q_EMIT declared();
    return true;
}

void ActiveIncident::setRoleHolders(RoleHolders holders)
{
    m_roleHolders = std::move(holders);
    Q_EMIT roleHoldersChanged();
}

ActiveIncident::RoleHolder ActiveIncident::holderOf(const QString &role) const
{
    return m_roleHolders && !role.isEmpty() ? m_roleHolders(role) : RoleHolder{};
}

QString ActiveIncident::calledRole(const ChecklistItem &item) const
{
    return m_service.calledRole(item);
}

bool ActiveIncident::setTicked(const QString &itemId, bool ticked)
{
    if (!ticked)
        return succeeded(m_service.untick(itemId));
    // The items as last read: no query before the tick's own write.
    const auto item =
        std::find_if(m_items.begin(), m_items.end(),
                     [&itemId](const ChecklistItem &each) { return each.id == itemId; });
    const QString called = item != m_items.end() ? holderOf(calledRole(*item)).name : QString();
    return succeeded(m_service.tick(itemId, {}, called));
}

bool ActiveIncident::pauseUpdates(int minutes, const QString &reason)
{
    return m_incident && succeeded(m_service.pauseUpdates(m_incident->id, minutes, reason));
}

bool ActiveIncident::tickCalling(const QString &itemId, const QString &person)
{
    return succeeded(m_service.tick(itemId, {}, person));
}

bool ActiveIncident::addNote(const QString &text)
{
    return m_incident && succeeded(m_service.addNote(m_incident->id, text));
}

bool ActiveIncident::setStatus(Status status)
{
    return m_incident && succeeded(m_service.setStatus(m_incident->id, status));
}

bool ActiveIncident::setSeverity(const QString &severity)
{
    return m_incident && succeeded(m_service.setSeverity(m_incident->id, severity));
}

bool ActiveIncident::setMilestone(Milestone milestone, const QDateTime &value)
{
    return m_incident && succeeded(m_service.setMilestone(m_incident->id, milestone, value));
}

bool ActiveIncident::setItemNote(const QString &itemId, const QString &note)
{
    return succeeded(m_service.setItemNote(itemId, note));
}

bool ActiveIncident::assignItem(const QString &itemId, const QString &person, int minutes)
{
    return succeeded(m_service.assignItem(itemId, person, minutes));
}

bool ActiveIncident::addItem(const QString &phase, const QString &text)
{
    return m_incident && succeeded(m_service.addItem(m_incident->id, phase, text));
}

bool ActiveIncident::editNote(const QString &noteId, const QString &text)
{
    return succeeded(m_service.editNote(noteId, text));
}

bool ActiveIncident::deleteNote(const QString &noteId)
{
    return succeeded(m_service.deleteNote(noteId));
}

QString ActiveIncident::callOutText(const QDateTime &now) const
{
    return m_incident ? incidents::callOutText(*m_incident, m_items, m_nextUpdateDue, now)
                      : QString();
}

QString ActiveIncident::callOutSummary(const QDateTime &now) const
{
    return m_incident ? incidents::callOutSummary(*m_incident, m_items, m_nextUpdateDue, now)
                      : QString();
}

bool ActiveIncident::recordCallOut(const QString &text)
{
    return m_incident && succeeded(m_service.recordCallOut(m_incident->id, text));
}

bool ActiveIncident::retimeNote(const QString &noteId, const QDateTime &at, const QString &reason)
{
    return succeeded(m_service.retimeNote(noteId, at, reason));
}

bool ActiveIncident::attachRunbookTasks(const QString &runbookTitle,
                                        const std::vector<AttachedTask> &tasks)
{
    return m_incident &&
           succeeded(m_service.attachRunbookTasks(m_incident->id, runbookTitle, tasks));
}

bool ActiveIncident::recordMessageSent(const QString &templateId, const QString &templateTitle,
                                       const QString &text, const QString &how)
{
    return m_incident && succeeded(m_service.recordMessageSent(m_incident->id, templateId,
                                                               templateTitle, text, how));
}

QString ActiveIncident::postmortem() const
{
    return m_incident ? m_service.store().postmortem(m_incident->id) : QString();
}

bool ActiveIncident::savePostmortem(const QString &text)
{
    return m_incident && succeeded(m_service.savePostmortem(m_incident->id, text));
}

bool ActiveIncident::recordEvent(const QString &kind, const QString &text, const QJsonObject &data,
                                 const QString &feature)
{
    return m_incident && m_incident->isOpen() &&
           succeeded(m_service.recordEvent(m_incident->id, kind, text, data, feature));
}

} // namespace ic::ui
