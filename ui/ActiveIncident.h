#pragma once

#include "incidents/ChecklistStore.h"
#include "incidents/IncidentStore.h"
#include "incidents/Timeline.h"

#include <QObject>
#include <QVariantMap>
#include <memory>

namespace ic::ui {

// The incident the cockpit works on, with its checklist and timeline as last read from the
// database. Every write goes through here: it commits first, then rereads and emits changed(),
// so what the panels show is always what is stored.
class ActiveIncident : public QObject
{
    Q_OBJECT
public:
    // Starts with the most recent open incident, if any.
    ActiveIncident(QSqlDatabase db, incidents::IncidentConfig config, QObject *parent = nullptr);

    const incidents::IncidentStore &store() const { return m_store; }
    const incidents::SeverityScheme &severities() const { return m_store.config().severities; }
    QStringList configProblems() const { return m_store.config().problems; }

    bool hasIncident() const { return m_incident.has_value(); }
    const incidents::Incident &incident() const { return *m_incident; }
    const std::vector<incidents::ChecklistItem> &items() const { return m_items; }
    const std::vector<incidents::TimelineEvent> &events() const { return m_events; }
    QDateTime nextUpdateDue() const { return m_nextUpdateDue; }

    void setActive(const QString &incidentId);
    // The comms placeholder values for drafts; empty without an incident.
    QVariantMap templateValues() const;

    // Each returns whether the change was committed; on failure error() says why.
    bool declare(const incidents::DeclareRequest &request);
    bool setTicked(const QString &itemId, bool ticked);
    bool addNote(const QString &text);
    bool setStatus(incidents::Status status);
    bool setSeverity(const QString &severity);
    // Invalid value clears it; the store refuses values out of order.
    bool setMilestone(incidents::Milestone milestone, const QDateTime &value);
    bool setItemNote(const QString &itemId, const QString &note);
    // "Back to me in 10 min": person owns the item and a countdown runs to now + minutes.
    bool assignItem(const QString &itemId, const QString &person, int minutes);
    bool addItem(const QString &phase, const QString &text);
    bool editNote(const QString &noteId, const QString &text);
    bool deleteNote(const QString &noteId);
    // For runbooks: a runbook's task list as an extra checklist section.
    bool attachRunbookTasks(const QString &runbookTitle,
                            const std::vector<incidents::AttachedTask> &tasks);
    // For comms: an update was copied or posted, so the next-update countdown restarts.
    bool recordUpdateSent(const QString &how);
    // A drafted message was copied or posted: logged with its text; an initial alert or an
    // update also restarts the countdown.
    bool recordMessageSent(const QString &templateId, const QString &templateTitle,
                           const QString &text, const QString &how);
    QString postmortem() const;
    bool savePostmortem(const QString &text);
    // An automatic event from another feature (a health state change, a runbook opened)
    // while an incident is open; ignored without one.
    bool recordEvent(const QString &kind, const QString &text, const QJsonObject &data,
                     const QString &actor);
    QString error() const { return m_error; }

    // Who acts, for the timeline: the commander of this console's user.
    static QString actor();
    // The commander name from the settings, preferred over the login name once set.
    static void setCommanderName(const QString &name) { s_commanderName = name; }

public Q_SLOTS:
    // Rereads when another process (the CLI, a second window) changed the incident.
    void refreshIfChangedElsewhere();

Q_SIGNALS:
    void changed();
    // A new incident was declared here (after changed()): time for the first announcement.
    void declared();
    void failed(const QString &message);

private:
    void reload();
    bool finish(bool committed);

    QSqlDatabase m_db;
    incidents::IncidentStore m_store;
    std::optional<incidents::Incident> m_incident;
    std::vector<incidents::ChecklistItem> m_items;
    std::vector<incidents::TimelineEvent> m_events;
    QDateTime m_nextUpdateDue;
    QString m_lastSeenUpdate;
    QString m_error;
    static inline QString s_commanderName;
};

} // namespace ic::ui
