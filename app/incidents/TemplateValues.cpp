#include "TemplateValues.h"

#include "core/Duration.h"
#include "core/Ids.h"

namespace ic::incidents {
namespace {

QString localTime(const QDateTime &time)
{
    return time.toLocalTime().toString(QStringLiteral("HH:mm"));
}

QString duration(qint64 seconds)
{
    return formatDuration(std::chrono::seconds(seconds));
}

QVariantMap entry(const QDateTime &at, const QString &text, const QString &actor)
{
    return {{QStringLiteral("time"), localTime(at)},
            {QStringLiteral("text"), text},
            {QStringLiteral("actor"), actor}};
}

} // namespace

QVariantMap templateValues(const Incident &incident, const SeverityScheme &severities,
                           const std::vector<ChecklistItem> &items,
                           const std::vector<TimelineEvent> &events, const QDateTime &nextUpdateDue,
                           const QDateTime &now)
{
    const QDateTime started = incident.milestone(Milestone::Started);
    const QDateTime end = incident.isOpen() ? now : incident.milestone(Milestone::Resolved);
    const SeverityLevel *level = severities.level(incident.severity);
    QVariantMap values{
        {QStringLiteral("incident_id"), incident.id},
        {QStringLiteral("title"), incident.title},
        {QStringLiteral("severity"), incident.severity},
        {QStringLiteral("severity_name"), level ? level->label : QString()},
        {QStringLiteral("status"), statusLabel(incident.status)},
        {QStringLiteral("status_sentence"), statusSentence(incident.status)},
        {QStringLiteral("is_investigating"), incident.status == Status::Investigating},
        {QStringLiteral("is_identified"), incident.status == Status::Identified},
        {QStringLiteral("is_monitoring"), incident.status == Status::Monitoring},
        {QStringLiteral("is_resolved"), incident.status == Status::Resolved},
        {QStringLiteral("service"), incident.services.join(QStringLiteral(", "))},
        {QStringLiteral("impact"), incident.impact},
        {QStringLiteral("commander"), incident.commander},
        {QStringLiteral("deputy"), incident.deputy},
        {QStringLiteral("scribe"), incident.scribe},
        {QStringLiteral("drill"), incident.drill},
        {QStringLiteral("date"), started.toLocalTime().toString(QStringLiteral("yyyy-MM-dd"))},
        {QStringLiteral("started"), toIsoWithOffset(started)},
        {QStringLiteral("duration"), duration(started.secsTo(end))},
        {QStringLiteral("channel"),
         started.toLocalTime().toString(QStringLiteral("'#incident-'yyyy-MM-dd-HHmm"))},
    };
    if (nextUpdateDue.isValid())
        values.insert(QStringLiteral("next_update"), localTime(nextUpdateDue));
    if (const auto mtta = incident.mttaSeconds())
        values.insert(QStringLiteral("mtta"), duration(*mtta));
    if (const auto mttr = incident.mttrSeconds())
        values.insert(QStringLiteral("mttr"), duration(*mttr));

    int done = 0;
    QVariantList open, overdue, actions;
    for (const ChecklistItem &item : items) {
        if (item.source == QLatin1String("follow-up"))
            actions << QVariantMap{{QStringLiteral("text"), item.text}};
        if (item.isChecked()) {
            ++done;
            if (item.dueAt.isValid() && item.checkedAt > item.dueAt)
                overdue << QVariantMap{
                    {QStringLiteral("text"), item.text},
                    {QStringLiteral("late_by"), duration(item.dueAt.secsTo(item.checkedAt))}};
            continue;
        }
        open << QVariantMap{
            {QStringLiteral("text"), item.text},
            {QStringLiteral("phase"), item.phase},
            {QStringLiteral("due"), item.dueAt.isValid() ? localTime(item.dueAt) : QString()},
            {QStringLiteral("overdue"), item.isOverdue(now)}};
    }
    values.insert(QStringLiteral("checklist_summary"),
                  QStringLiteral("%1 of %2 items done").arg(done).arg(items.size()));
    values.insert(QStringLiteral("open_items"), open);
    values.insert(QStringLiteral("overdue_items"), overdue);
    values.insert(QStringLiteral("action_items"), actions);

    QVariantList timeline, announcements;
    for (const TimelineEvent &event : events) {
        if (event.superseded || event.kind == EventKind::NoteDeleted)
            continue;
        timeline << entry(event.at, event.text, event.actor);
        if (event.kind == EventKind::UpdateSent)
            announcements << entry(event.at, event.text, event.actor);
    }
    values.insert(QStringLiteral("recent_timeline"), timeline.mid(qMax(0, timeline.size() - 5)));
    values.insert(QStringLiteral("timeline"), timeline);
    values.insert(QStringLiteral("announcements"), announcements);
    return values;
}

} // namespace ic::incidents
