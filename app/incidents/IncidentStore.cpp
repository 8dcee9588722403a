#include "IncidentStore.h"

#include "CallOut.h"
#include "ChecklistStore.h"
#include "Timeline.h"
#include "comms/IncidentValues.h"
#include "core/Ids.h"
#include "storage/Sql.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTimeZone>

namespace ic::incidents {
namespace {

const QString selectIncidents = QStringLiteral(
    "SELECT id, title, severity, status, services, impact, commander, deputy, scribe, is_drill, "
    "started_at, detected_at, acknowledged_at, mitigated_at, resolved_at, created_at, "
    "updated_at, time_zone, channel, communications, experts FROM incidents ");

Incident incidentFrom(const QSqlQuery &query)
{
    Incident incident;
    incident.id = query.value(0).toString();
    incident.title = query.value(1).toString();
    incident.severity = query.value(2).toString();
    incident.status = parseStatus(query.value(3).toString()).value_or(Status::Investigating);
    incident.services = query.value(4).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
    incident.impact = query.value(5).toString();
    incident.commander = query.value(6).toString();
    incident.deputy = query.value(7).toString();
    incident.scribe = query.value(8).toString();
    incident.drill = query.value(9).toBool();
    for (int i = 0; i < milestoneCount; ++i)
        incident.milestones[size_t(i)] = fromStoredTime(query.value(10 + i).toString());
    incident.createdAt = fromStoredTime(query.value(15).toString());
    incident.updatedAt = fromStoredTime(query.value(16).toString());
    incident.timeZone = query.value(17).toString();
    incident.channel = query.value(18).toString();
    incident.communications = query.value(19).toString();
    incident.experts = query.value(20).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
    return incident;
}

QVariant storedOrNull(const QDateTime &time)
{
    return time.isValid() ? QVariant(toStoredTime(time)) : QVariant();
}

} // namespace

IncidentStore::IncidentStore(QSqlDatabase db, IncidentConfig config)
    : m_db(std::move(db)), m_config(std::move(config))
{}

Result<Change> IncidentStore::declare(const DeclareRequest &request, const QString &actor)
{
    const SeverityLevel *level = m_config.severities.level(request.severity);
    if (!level)
        return refusal(
            QStringLiteral("unknown severity '%1'; valid: %2")
                .arg(request.severity, m_config.severities.ids().join(QStringLiteral(", "))));
    if (request.title.trimmed().isEmpty())
        return refusal(QStringLiteral("an incident needs a title"));
    Incident incident;
    incident.id = newId();
    incident.title = request.title.trimmed();
    incident.severity = level->id;
    for (const QString &service : request.services) {
        for (const QString &name : service.split(QLatin1Char(','), Qt::SkipEmptyParts))
            if (!name.trimmed().isEmpty())
                incident.services << name.trimmed();
    }
    incident.impact = request.impact.trimmed();
    incident.commander = request.commander.trimmed();
    incident.deputy = request.deputy.trimmed();
    incident.scribe = request.scribe.trimmed();
    incident.drill = request.drill;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    incident.milestones[size_t(Milestone::Started)] = now;
    incident.milestones[size_t(Milestone::Detected)] = now;
    incident.createdAt = now;
    incident.updatedAt = now;
    incident.timeZone = request.timeZone.isEmpty()
                            ? QString::fromUtf8(QTimeZone::systemTimeZoneId())
                            : request.timeZone;
    incident.channel = comms::incidentChannelName(now, incident.timeZone);
    const QString text =
        QStringLiteral("%1 %2: %3")
            .arg(request.drill ? QStringLiteral("Drill declared") : QStringLiteral("Declared"),
                 level->id, incident.title);
    Change change{incident.id, {}};
    const Result<void> declared = sql::inWriteTransaction(m_db, [&]() -> Result<void> {
        if (const Result<void> stored = insertExact(m_db, incident); !stored)
            return stored;
        if (const Result<void> items =
                ChecklistStore::insertFromTemplate(m_db, incident.id, m_config.checklist, *level);
            !items)
            return items;
        const Result<QString> event = Timeline::append(
            m_db, incident.id, EventKind::Declared, text, actor,
            {{QStringLiteral("severity"), level->id}, {QStringLiteral("drill"), request.drill}});
        if (!event)
            return event.failed();
        change.eventId = *event;
        return {};
    });
    return committed(declared, change);
}

std::vector<Incident> IncidentStore::list(const QString &search) const
{
    // Matched here rather than with LIKE: '%' and '_' are text people search for, case is
    // folded for all of Unicode ("ZÜRICH" finds "zürich"), and the start date is the one shown:
    // in the incident's own zone.
    const QString wanted = search.trimmed();
    std::vector<Incident> result;
    auto query = sql::exec(m_db, selectIncidents + QStringLiteral("ORDER BY started_at DESC"));
    while (query && query->next()) {
        Incident incident = incidentFrom(*query);
        const QTimeZone zone(incident.timeZone.toUtf8());
        const QString date = incident.milestone(Milestone::Started)
                                 .toTimeZone(zone.isValid() ? zone : QTimeZone::utc())
                                 .toString(QStringLiteral("yyyy-MM-dd"));
        const bool matches =
            wanted.isEmpty() || incident.title.contains(wanted, Qt::CaseInsensitive) ||
            incident.services.join(QLatin1Char(',')).contains(wanted, Qt::CaseInsensitive) ||
            date.contains(wanted);
        if (matches)
            result.push_back(std::move(incident));
    }
    return result;
}

std::optional<Incident> IncidentStore::load(const QString &id) const
{
    auto query = sql::exec(m_db, selectIncidents + QStringLiteral("WHERE id = ?"), {id});
    if (!query || !query->next())
        return std::nullopt;
    return incidentFrom(*query);
}

Result<QString> IncidentStore::resolveId(const QString &idOrPrefix) const
{
    if (idOrPrefix.size() < 4)
        return refusal(QStringLiteral("'%1' is too short to name an incident: give its id or "
                                      "at least its first 4 characters (see 'incident list')")
                           .arg(idOrPrefix));
    QStringList matches;
    {
        auto query = sql::exec(m_db,
                               QStringLiteral("SELECT id FROM incidents WHERE substr(id, "
                                              "1, ?) = ? ORDER BY started_at DESC"),
                               {idOrPrefix.size(), idOrPrefix.toLower()});
        while (query && query->next())
            matches << query->value(0).toString();
    }
    if (matches.size() == 1)
        return matches.first();
    QStringList known;
    for (const Incident &incident : list())
        known << incident.id.left(8) + QStringLiteral(" (") + incident.title + QLatin1Char(')');
    return failure(
        QStringLiteral("%1 incident id '%2'; known incidents: %3")
            .arg(matches.isEmpty() ? QStringLiteral("no") : QStringLiteral("ambiguous"), idOrPrefix,
                 known.isEmpty() ? QStringLiteral("none") : known.join(QStringLiteral(", "))));
}

Result<Change> IncidentStore::changeIncident(const QString &id, const QString &assignments,
                                             const QVariantList &values, const QString &kind,
                                             const QString &text, const QJsonObject &data,
                                             const QString &actor,
                                             const std::function<Result<void>()> &alsoDo)
{
    QVariantList params = values;
    params << storedNow() << id;
    Change change{id, {}};
    const Result<void> written = sql::inWriteTransaction(m_db, [&]() -> Result<void> {
        if (const Result<void> updated = sql::run(
                m_db,
                // security-check: allow assignments are column names from code; values are bound
                QStringLiteral("UPDATE incidents SET %1updated_at = ? WHERE id = ?")
                    .arg(assignments.isEmpty() ? QString() : assignments + QStringLiteral(", ")),
                params);
            !updated)
            return updated;
        const Result<QString> event = Timeline::append(m_db, id, kind, text, actor, data);
        if (!event)
            return event.failed();
        change.eventId = *event;
        return alsoDo ? alsoDo() : Result<void>();
    });
    return committed(written, change);
}

Result<Change> IncidentStore::setStatus(const QString &id, Status status, const QString &actor)
{
    const auto incident = load(id);
    if (!incident)
        return refusal(QStringLiteral("no incident %1").arg(id));
    if (incident->status == status)
        return unchanged(QStringLiteral("the incident is already %1").arg(statusId(status)));
    // Monitoring means a fix is in, resolved closes the clock: each records its milestone,
    // but only when it is empty, so a time somebody entered is never replaced. Reopening a
    // resolved incident clears resolved, so MTTR follows the final resolution. Every
    // milestone this touches is named in the status event.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QDateTime mitigated = incident->milestone(Milestone::Mitigated);
    QDateTime resolved = incident->milestone(Milestone::Resolved);
    QJsonObject data{{QStringLiteral("old"), statusId(incident->status)},
                     {QStringLiteral("new"), statusId(status)}};
    QStringList milestoneNotes;
    if ((status == Status::Monitoring || status == Status::Resolved) && !mitigated.isValid()) {
        // Never after an entered resolved time: the milestones stay in order.
        mitigated = resolved.isValid() ? std::min(now, resolved) : now;
        data.insert(QStringLiteral("mitigated"), toStoredTime(mitigated));
        milestoneNotes
            << QStringLiteral("mitigated recorded at %1").arg(toIsoWithOffset(mitigated));
    }
    if (status == Status::Resolved && !resolved.isValid()) {
        resolved = now;
        data.insert(QStringLiteral("resolved"), toStoredTime(resolved));
        milestoneNotes << QStringLiteral("resolved recorded at %1").arg(toIsoWithOffset(resolved));
    } else if (incident->status == Status::Resolved && status != Status::Resolved &&
               resolved.isValid()) {
        data.insert(QStringLiteral("resolved_cleared"), toStoredTime(resolved));
        milestoneNotes
            << QStringLiteral("resolved (%1) cleared: reopened").arg(toIsoWithOffset(resolved));
        resolved = QDateTime();
    }
    QString text =
        QStringLiteral("Status %1 → %2: %3")
            .arg(statusLabel(incident->status), statusLabel(status), statusSentence(status));
    if (!milestoneNotes.isEmpty())
        text += QStringLiteral(" (%1)").arg(milestoneNotes.join(QStringLiteral("; ")));
    return changeIncident(id, QStringLiteral("status = ?, mitigated_at = ?, resolved_at = ?"),
                          {statusId(status), storedOrNull(mitigated), storedOrNull(resolved)},
                          EventKind::Status, text, data, actor);
}

Result<Change> IncidentStore::setSeverity(const QString &id, const QString &severity,
                                          const QString &actor)
{
    const auto incident = load(id);
    const SeverityLevel *level = m_config.severities.level(severity);
    if (!level)
        return refusal(QStringLiteral("unknown severity '%1'; valid: %2")
                           .arg(severity, m_config.severities.ids().join(QStringLiteral(", "))));
    if (!incident)
        return refusal(QStringLiteral("no incident %1").arg(id));
    if (incident->severity == level->id)
        return unchanged(QStringLiteral("the incident is already %1").arg(level->id));
    return changeIncident(
        id, QStringLiteral("severity = ?"), {level->id}, EventKind::Severity,
        QStringLiteral("Severity %1 → %2").arg(incident->severity, level->id),
        {{QStringLiteral("old"), incident->severity}, {QStringLiteral("new"), level->id}}, actor,
        [&] { return ChecklistStore::applySeverity(m_db, id, *level); });
}

Result<Change> IncidentStore::setMilestone(const QString &id, Milestone milestone,
                                           const QDateTime &value, const QString &actor)
{
    const auto incident = load(id);
    if (!incident)
        return refusal(QStringLiteral("no incident %1").arg(id));
    if (const QString problem = checkMilestoneOrder(*incident, milestone, value);
        !problem.isEmpty())
        return refusal(problem);
    if (value.isValid() &&
        value > QDateTime::currentDateTimeUtc().addSecs(milestoneClockSkewSeconds))
        return refusal(QStringLiteral("%1 (%2) is in the future; a milestone records what "
                                      "already happened")
                           .arg(milestoneId(milestone), toIsoWithOffset(value)));
    if (milestone == Milestone::Resolved && !value.isValid() &&
        incident->status == Status::Resolved)
        return refusal(QStringLiteral("the incident is resolved; reopen it first (status "
                                      "monitoring), which clears its resolved time"));
    const QString name = milestoneId(milestone);
    const QDateTime old = incident->milestone(milestone);
    return changeIncident(
        id, QStringLiteral("%1_at = ?").arg(name), {storedOrNull(value)}, EventKind::Milestone,
        value.isValid() ? QStringLiteral("Milestone %1 set to %2").arg(name, toIsoWithOffset(value))
                        : QStringLiteral("Milestone %1 cleared").arg(name),
        {{QStringLiteral("milestone"), name},
         {QStringLiteral("old"), old.isValid() ? toStoredTime(old) : QString()},
         {QStringLiteral("new"), value.isValid() ? toStoredTime(value) : QString()}},
        actor);
}

Result<Change> IncidentStore::recordMessageSent(const QString &id, const QString &templateTitle,
                                                const QString &text, const QString &how,
                                                bool restartsCountdown, const QString &actor)
{
    return changeIncident(id, {}, {},
                          restartsCountdown ? EventKind::UpdateSent : EventKind::MessageSent,
                          QStringLiteral("%1 %2").arg(templateTitle, how),
                          {{QStringLiteral("how"), how},
                           {QStringLiteral("template"), templateTitle},
                           {QStringLiteral("text"), text}},
                          actor);
}

Result<Change> IncidentStore::recordEvent(const QString &id, const QString &kind,
                                          const QString &text, const QJsonObject &data,
                                          const QString &actor)
{
    Change change{id, {}};
    const Result<void> written = sql::inWriteTransaction(m_db, [&]() -> Result<void> {
        const Result<QString> event = Timeline::append(m_db, id, kind, text, actor, data);
        if (!event)
            return event.failed();
        change.eventId = *event;
        return {};
    });
    return committed(written, change);
}

QString IncidentStore::postmortem(const QString &id) const
{
    return sql::scalar(m_db,
                       QStringLiteral("SELECT body FROM drafts WHERE incident_id = ? AND template "
                                      "= 'postmortem' ORDER BY created_at DESC LIMIT 1"),
                       {id})
        .toString();
}

Result<Change> IncidentStore::savePostmortem(const QString &id, const QString &text,
                                             const QString &actor)
{
    Draft draft;
    draft.id = newId();
    draft.incidentId = id;
    draft.templateId = QStringLiteral("postmortem");
    draft.body = text;
    draft.createdAt = QDateTime::currentDateTimeUtc();
    Change change{id, {}};
    const Result<void> written = sql::inWriteTransaction(m_db, [&]() -> Result<void> {
        if (const Result<void> stored = insertExact(m_db, draft); !stored)
            return stored;
        const Result<QString> event = Timeline::append(m_db, id, EventKind::PostmortemSaved,
                                                       QStringLiteral("Postmortem saved"), actor);
        if (!event)
            return event.failed();
        change.eventId = *event;
        return {};
    });
    return committed(written, change);
}

std::vector<Draft> IncidentStore::drafts(const QString &id) const
{
    std::vector<Draft> result;
    auto query = sql::exec(m_db,
                           QStringLiteral("SELECT id, incident_id, template, body, created_at, "
                                          "copied_at, posted_at FROM drafts WHERE incident_id = "
                                          "? ORDER BY created_at, rowid"),
                           {id});
    while (query && query->next()) {
        Draft draft;
        draft.id = query->value(0).toString();
        draft.incidentId = query->value(1).toString();
        draft.templateId = query->value(2).toString();
        draft.body = query->value(3).toString();
        draft.createdAt = fromStoredTime(query->value(4).toString());
        draft.copiedAt = fromStoredTime(query->value(5).toString());
        draft.postedAt = fromStoredTime(query->value(6).toString());
        result.push_back(draft);
    }
    return result;
}

Result<void> IncidentStore::insertExact(const QSqlDatabase &db, const Incident &incident)
{
    QVariantList values{incident.id,
                        notNull(incident.title),
                        notNull(incident.severity),
                        statusId(incident.status),
                        notNull(incident.services.join(QLatin1Char(','))),
                        notNull(incident.impact),
                        notNull(incident.commander),
                        notNull(incident.deputy),
                        notNull(incident.scribe),
                        incident.drill ? 1 : 0};
    for (const QDateTime &milestone : incident.milestones)
        values << storedOrNull(milestone);
    values << storedOrNull(incident.createdAt) << storedOrNull(incident.updatedAt)
           << (incident.timeZone.isEmpty() ? QStringLiteral("UTC") : incident.timeZone)
           << notNull(incident.channel) << notNull(incident.communications)
           << notNull(incident.experts.join(QLatin1Char(',')));
    return sql::run(db,
                    QStringLiteral("INSERT INTO incidents (id, title, severity, status, "
                                   "services, impact, commander, deputy, scribe, is_drill, "
                                   "started_at, detected_at, acknowledged_at, mitigated_at, "
                                   "resolved_at, created_at, updated_at, time_zone, channel, "
                                   "communications, experts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
                                   "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                    values);
}

Result<void> IncidentStore::insertExact(const QSqlDatabase &db, const Draft &draft)
{
    return sql::run(db,
                    QStringLiteral("INSERT INTO drafts (id, incident_id, template, body, "
                                   "created_at, copied_at, posted_at) VALUES "
                                   "(?, ?, ?, ?, ?, ?, ?)"),
                    {draft.id, draft.incidentId, notNull(draft.templateId), notNull(draft.body),
                     storedOrNull(draft.createdAt), storedOrNull(draft.copiedAt),
                     storedOrNull(draft.postedAt)});
}

QDateTime IncidentStore::nextUpdateDue(const Incident &incident) const
{
    const SeverityLevel *level = m_config.severities.level(incident.severity);
    if (!incident.isOpen() || !level || level->updateEverySeconds <= 0)
        return {};
    const std::optional<TimelineEvent> latest =
        Timeline(m_db).latestOfEither(incident.id, EventKind::UpdateSent, EventKind::UpdatesPaused);
    // The newest word counts: an update restarts the clock, a pause moves or stops it.
    if (latest && latest->kind == EventKind::UpdatesPaused)
        return fromStoredTime(latest->data.value(QStringLiteral("until")).toString());
    const QDateTime base = latest ? latest->at : incident.milestone(Milestone::Started);
    return base.addSecs(level->updateEverySeconds);
}

namespace {

// Names as given, trimmed, each once, in order; a comma cannot be part of one (experts are
// stored comma separated).
QStringList cleanNames(const QStringList &people)
{
    QStringList names;
    for (const QString &person : people)
        for (const QString &part : person.split(QLatin1Char(','), Qt::SkipEmptyParts))
            if (const QString name = part.simplified(); !name.isEmpty() && !names.contains(name))
                names << name;
    return names;
}

QString roleColumn(Role role)
{
    return role == Role::Expert ? QStringLiteral("experts") : roleId(role);
}

} // namespace

Result<Change> IncidentStore::setRole(const QString &id, Role role, const QStringList &people,
                                      const QString &actor)
{
    const auto incident = load(id);
    if (!incident)
        return refusal(QStringLiteral("no incident %1").arg(id));
    if (role == Role::Commander)
        return refusal(QStringLiteral("command changes hands with a handover, which records "
                                      "both names; use hand over command"));
    const QStringList names = cleanNames(people);
    if (role != Role::Expert && names.size() > 1)
        return refusal(QStringLiteral("one person holds the %1 role; experts may be several")
                           .arg(roleId(role)));
    const QStringList before = holders(*incident, role);
    if (before == names)
        return unchanged(
            QStringLiteral("%1 is %2 already")
                .arg(names.isEmpty() ? QStringLiteral("nobody") : names.join(QStringLiteral(", ")),
                     roleId(role)));
    const QString text = QStringLiteral("%1: %2").arg(
        roleLabel(role),
        names.isEmpty() ? QStringLiteral("nobody") : names.join(QStringLiteral(", ")));
    return changeIncident(
        id,
        // security-check: allow the column comes from roleColumn(), never from input
        QStringLiteral("%1 = ?").arg(roleColumn(role)), {names.join(QLatin1Char(','))},
        EventKind::Role, text,
        {{QStringLiteral("role"), roleId(role)},
         {QStringLiteral("old"), QJsonArray::fromStringList(before)},
         {QStringLiteral("new"), QJsonArray::fromStringList(names)}},
        actor);
}

Result<Change> IncidentStore::handOver(const QString &id, const QString &to, const QString &note,
                                       const QString &actor)
{
    const auto incident = load(id);
    if (!incident)
        return refusal(QStringLiteral("no incident %1").arg(id));
    const QString next = to.simplified();
    if (next.isEmpty())
        return refusal(QStringLiteral("a handover needs the name of the new commander"));
    if (next.contains(QLatin1Char(',')))
        return refusal(QStringLiteral("one person takes command"));
    if (next == incident->commander)
        return unchanged(QStringLiteral("%1 is the commander already").arg(next));
    const QString from =
        incident->commander.isEmpty() ? QStringLiteral("nobody") : incident->commander;
    QString text = QStringLiteral("Command handed over from %1 to %2").arg(from, next);
    if (!note.simplified().isEmpty())
        text += QStringLiteral(": ") + note.simplified();
    return changeIncident(id, QStringLiteral("commander = ?"), {next}, EventKind::Handover, text,
                          {{QStringLiteral("from"), incident->commander},
                           {QStringLiteral("to"), next},
                           {QStringLiteral("note"), note.simplified()}},
                          actor);
}

QDateTime IncidentStore::nextCallOutDue(const Incident &incident) const
{
    const SeverityLevel *level = m_config.severities.level(incident.severity);
    if (!level)
        return {};
    return incidents::nextCallOutDue(incident, level->callOutEverySeconds,
                                     Timeline(m_db).latestOf(incident.id, EventKind::CallOut));
}

Result<Change> IncidentStore::pauseUpdates(const QString &id, const QDateTime &until,
                                           const QString &reason, const QString &actor)
{
    const QString why = reason.simplified();
    if (why.isEmpty())
        return Error{QStringLiteral("pausing the update reminder needs a reason"),
                     ErrorKind::Refused};
    if (until.isValid() && until <= QDateTime::currentDateTimeUtc())
        return Error{QStringLiteral("a snooze must end in the future"), ErrorKind::Refused};
    const QString text = until.isValid()
                             ? QStringLiteral("Next update snoozed until %1: %2")
                                   .arg(until.toUTC().toString(QStringLiteral("HH:mm 'UTC'")), why)
                             : QStringLiteral("No further updates needed: %1").arg(why);
    QJsonObject data{{QStringLiteral("reason"), why}};
    if (until.isValid())
        data.insert(QStringLiteral("until"), toStoredTime(until));
    return changeIncident(id, {}, {}, EventKind::UpdatesPaused, text, data, actor);
}

MetricsSummary IncidentStore::metrics(const std::vector<Incident> &incidents)
{
    MetricsSummary summary;
    qint64 ackTotal = 0, resolveTotal = 0;
    int acknowledged = 0, resolved = 0;
    for (const Incident &incident : incidents) {
        if (incident.drill)
            continue;
        ++summary.incidents;
        if (const auto mtta = incident.mttaSeconds()) {
            ackTotal += *mtta;
            ++acknowledged;
        }
        if (const auto mttr = incident.mttrSeconds()) {
            resolveTotal += *mttr;
            ++resolved;
        }
    }
    if (acknowledged > 0)
        summary.meanMttaSeconds = ackTotal / acknowledged;
    if (resolved > 0)
        summary.meanMttrSeconds = resolveTotal / resolved;
    return summary;
}

} // namespace ic::incidents
