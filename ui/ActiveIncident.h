#pragma once

#include "incidents/IncidentService.h"

#include <QObject>
#include <QVariantMap>
#include <functional>
#include <optional>

namespace ic::ui {

// The incident the cockpit shows, with its checklist and timeline as last committed. Changes
// go to the IncidentService; whatever it reports for this incident (a change made here, on
// the command line or in another window) is reread and announced with changed(), so what the
// panels show is always what is stored.
class ActiveIncident : public QObject
{
    Q_OBJECT
public:
    // Starts with the most recent open incident, if any.
    explicit ActiveIncident(incidents::IncidentService &service, QObject *parent = nullptr);

    incidents::IncidentService &service() const { return m_service; }
    const incidents::SeverityScheme &severities() const { return m_service.severities(); }
    QStringList configProblems() const { return m_service.config().problems; }

    bool hasIncident() const { return m_incident.has_value(); }
    const incidents::Incident &incident() const { return *m_incident; }
    const std::vector<incidents::ChecklistItem> &items() const { return m_items; }
    // The newest events of the timeline, oldest first: a page of them, and each page that
    // loadOlderEvents() added. An incident of hundreds of thousands of events opens in the
    // time one page takes.
    const std::vector<incidents::TimelineEvent> &events() const { return m_events; }
    bool hasOlderEvents() const { return m_hasOlderEvents; }
    // Adds the page before the oldest event shown and announces it with olderEventsLoaded().
    void loadOlderEvents();
    QDateTime nextUpdateDue() const { return m_nextUpdateDue; }
    // The deputy's next call-out (invalid: none due at this severity) and what to say at now.
    QDateTime nextCallOutDue() const { return m_nextCallOutDue; }
    QString callOutText(const QDateTime &now) const;
    QString callOutSummary(const QDateTime &now) const;

    void setActive(const QString &incidentId);
    // The comms placeholder values for drafts; empty without an incident.
    QVariantMap templateValues() const;
    // Fills {{contacts}} in templateValues() (see contacts/TemplateContacts.h).
    using ContactsProvider = std::function<QVariantList(const incidents::Incident &)>;
    void setContactsProvider(ContactsProvider provider) { m_contacts = std::move(provider); }

    // Who holds a contacts.yaml role now, for the checklist's escalation items: a name (empty
    // when nobody does or the contacts are not read yet) and how to reach them.
    struct RoleHolder
    {
        QString name;
        QString reach; // "phone · e-mail · chat handle", what the directory has
    };
    using RoleHolders = std::function<RoleHolder(const QString &role)>;
    // Set again whenever the directory was read; announced with roleHoldersChanged().
    void setRoleHolders(RoleHolders holders);
    RoleHolder holderOf(const QString &role) const;
    // The role an item tells the commander to call; empty when it calls nobody.
    QString calledRole(const incidents::ChecklistItem &item) const;

    // Each returns whether the change was committed; failed() says why when it was not.
    bool declare(const incidents::DeclareRequest &request);
    // Ticking an escalation item records the role's holder now as the one called.
    bool setTicked(const QString &itemId, bool ticked);
    // Ticks an escalation item with someone else as the one called (the holder did not answer).
    bool tickCalling(const QString &itemId, const QString &person);
    bool addNote(const QString &text);
    bool setStatus(incidents::Status status);
    bool setSeverity(const QString &severity);
    // Invalid value clears it; the service refuses values out of order.
    bool setMilestone(incidents::Milestone milestone, const QDateTime &value);
    bool setItemNote(const QString &itemId, const QString &note);
    bool assignItem(const QString &itemId, const QString &person, int minutes);
    bool addItem(const QString &phase, const QString &text);
    bool editNote(const QString &noteId, const QString &text);
    bool deleteNote(const QString &noteId);
    bool recordCallOut(const QString &text);
    bool retimeNote(const QString &noteId, const QDateTime &at, const QString &reason);
    bool attachRunbookTasks(const QString &runbookTitle,
                            const std::vector<incidents::AttachedTask> &tasks);
    bool recordMessageSent(const QString &templateId, const QString &templateTitle,
                           const QString &text, const QString &how);
    // Snoozes the next-update reminder for minutes, or stops it (0); reason is logged.
    bool pauseUpdates(int minutes, const QString &reason);
    QString postmortem() const;
    bool savePostmortem(const QString &text);
    // An automatic event from another feature while an incident is open; ignored without one.
    bool recordEvent(const QString &kind, const QString &text, const QJsonObject &data,
                     const QString &feature);

    // How many events a page holds, and how many the drafts see: the newest, enough for any
    // update, and an amount every change can reread at once.
    static constexpr int eventPage = 500;

Q_SIGNALS:
    void changed();
    // events() grew by older ones; nothing else changed.
    void olderEventsLoaded();
    // A new incident was declared here (after changed()): time for the first announcement.
    void declared();
    // The incident turned resolved, here or from elsewhere (after changed()): time for the
    // resolution message and the postmortem.
    void resolved();
    // It is open again (reopened) or another one is active: what resolved() offered is moot.
    void reopened();
    void failed(const QString &message);
    // Who holds the roles may have changed (contacts read again, a hand-over).
    void roleHoldersChanged();

private:
    void reload();
    void readEvents();
    void onIncidentChanged(const QString &incidentId);
    bool succeeded(const Result<incidents::Change> &result);

    incidents::IncidentService &m_service;
    std::optional<incidents::Incident> m_incident;
    std::vector<incidents::ChecklistItem> m_items;
    std::vector<incidents::TimelineEvent> m_events;
    // How many of the newest events to keep in events(): a page, more once older ones were
    // loaded, so a change does not take away what the user scrolled back to.
    int m_eventsWanted = eventPage;
    bool m_hasOlderEvents = false;
    // Whether resolved() was the last word on the active incident (reopened() resets it).
    bool m_resolvedSeen = false;
    QDateTime m_nextUpdateDue;
    QDateTime m_nextCallOutDue;
    ContactsProvider m_contacts;
    RoleHolders m_roleHolders;
};

} // namespace ic::ui
