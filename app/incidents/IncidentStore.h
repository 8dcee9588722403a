#pragma once

#include "Change.h"
#include "Incident.h"
#include "IncidentConfig.h"
#include "Roles.h"
#include "core/Result.h"

#include <QJsonObject>
#include <QSqlDatabase>
#include <functional>
#include <optional>
#include <vector>

namespace ic::incidents {

struct DeclareRequest
{
    QString title;
    QString severity;
    QStringList services;
    QString impact;
    QString commander;
    QString deputy;
    QString scribe;
    bool drill = false;
    // IANA zone the incident's times are read in; empty: this machine's zone.
    QString timeZone;
};

// A saved draft as stored; today each saved postmortem version is one.
struct Draft
{
    QString id;
    QString incidentId;
    QString templateId;
    QString body;
    QDateTime createdAt;
    QDateTime copiedAt;
    QDateTime postedAt;
};

// Averages over resolved (MTTR) or acknowledged (MTTA) incidents, drills left out.
struct MetricsSummary
{
    int incidents = 0;
    std::optional<qint64> meanMttaSeconds;
    std::optional<qint64> meanMttrSeconds;
};

// How far past this machine's clock an entered milestone may lie: another console's clock
// may run a little ahead, nobody's incident resolves tomorrow.
inline constexpr qint64 milestoneClockSkewSeconds = 120;

// Incidents and their lifecycle as stored. Each change is one transaction with its timeline
// event; a method reports success only after the commit returned. Only IncidentService (the
// one place where an incident changes) calls the changing methods.
class IncidentStore
{
public:
    IncidentStore(QSqlDatabase db, IncidentConfig config);

    const IncidentConfig &config() const { return m_config; }
    QSqlDatabase database() const { return m_db; }

    // Newest first. search matches title, services or the start date (YYYY-MM-DD),
    // case-insensitively; empty lists all.
    std::vector<Incident> list(const QString &search = {}) const;
    std::optional<Incident> load(const QString &id) const;
    // A full id or a unique prefix of one (at least 4 characters).
    Result<QString> resolveId(const QString &idOrPrefix) const;

    // The postmortem as last saved (empty when none was).
    QString postmortem(const QString &id) const;
    // Every saved draft of the incident, oldest first.
    std::vector<Draft> drafts(const QString &id) const;

    // Inside the caller's transaction: rows exactly as given, ids and times included (new
    // incidents and imported ones alike).
    static Result<void> insertExact(const QSqlDatabase &db, const Incident &incident);
    static Result<void> insertExact(const QSqlDatabase &db, const Draft &draft);
    // When the next update is due: the latest update (or the start) plus the severity's
    // cadence. Invalid when the severity expects no regular updates or the incident is closed.
    QDateTime nextUpdateDue(const Incident &incident) const;
    // When the deputy's next call-out is due (CallOut.h); invalid when none is.
    QDateTime nextCallOutDue(const Incident &incident) const;

    // Over the given incidents (a search's, or list() for all).
    static MetricsSummary metrics(const std::vector<Incident> &incidents);

private:
    friend class IncidentService;

    // Creates the incident with its checklist (an unknown severity names the valid ones).
    Result<Change> declare(const DeclareRequest &request, const QString &actor);
    Result<Change> setStatus(const QString &id, Status status, const QString &actor);
    Result<Change> setSeverity(const QString &id, const QString &severity, const QString &actor);
    // Invalid value clears the milestone (not allowed for started).
    Result<Change> setMilestone(const QString &id, Milestone milestone, const QDateTime &value,
                                const QString &actor);
    // A drafted message was copied or posted ("how"): logged with its text. An initial alert
    // or an update (restartsCountdown) also restarts the next-update countdown.
    Result<Change> recordMessageSent(const QString &id, const QString &templateTitle,
                                     const QString &text, const QString &how,
                                     bool restartsCountdown, const QString &actor);
    // Another module's automatic event (EventKind::HealthChanged, EventKind::RunbookOpened):
    // immutable once recorded.
    Result<Change> recordEvent(const QString &id, const QString &kind, const QString &text,
                               const QJsonObject &data, const QString &actor);
    // Each save is kept as a new version; the newest one counts.
    Result<Change> savePostmortem(const QString &id, const QString &text, const QString &actor);
    // Who holds a role other than commander (Roles.h): one person or nobody, experts a list.
    Result<Change> setRole(const QString &id, Role role, const QStringList &people,
                           const QString &actor);
    // Command passes to `to`, recorded with both names and the outgoing commander's note.
    Result<Change> handOver(const QString &id, const QString &to, const QString &note,
                            const QString &actor);
    // The next-update reminder waits until until, or stops (invalid until) until the next
    // update is sent; reason goes on the timeline.
    Result<Change> pauseUpdates(const QString &id, const QDateTime &until, const QString &reason,
                                const QString &actor);

    // One transaction: the assignments, the timeline event and alsoDo (if given).
    Result<Change> changeIncident(const QString &id, const QString &assignments,
                                  const QVariantList &values, const QString &kind,
                                  const QString &text, const QJsonObject &data,
                                  const QString &actor,
                                  const std::function<Result<void>()> &alsoDo = {});

    QSqlDatabase m_db;
    IncidentConfig m_config;
};

} // namespace ic::incidents
