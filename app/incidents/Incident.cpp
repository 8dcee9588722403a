#include "Incident.h"

namespace ic::incidents {
namespace {

struct StatusInfo
{
    Status status;
    const char *id;
    const char *label;
    const char *sentence;
};

constexpr StatusInfo statusTable[] = {
    {Status::Investigating, "investigating", "Investigating",
     "We are looking into the problem and will share what we learn."},
    {Status::Identified, "identified", "Identified",
     "We have found the cause and are working on a fix."},
    {Status::Monitoring, "monitoring", "Monitoring",
     "A fix is in place and we are watching to make sure it holds."},
    {Status::Resolved, "resolved", "Resolved",
     "The problem is fixed and the service is working normally again."},
};

constexpr const char *milestoneIds[milestoneCount] = {"started", "detected", "acknowledged",
                                                      "mitigated", "resolved"};

QString shortTime(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"));
}

} // namespace

QString statusId(Status status)
{
    return QLatin1String(statusTable[int(status)].id);
}

QString statusLabel(Status status)
{
    return QLatin1String(statusTable[int(status)].label);
}

std::optional<Status> parseStatus(const QString &text)
{
    for (const StatusInfo &info : statusTable) {
        if (text.compare(QLatin1String(info.id), Qt::CaseInsensitive) == 0)
            return info.status;
    }
    return std::nullopt;
}

QStringList statusChoices()
{
    QStringList choices;
    for (const StatusInfo &info : statusTable)
        choices << QLatin1String(info.id);
    return choices;
}

QString statusSentence(Status status)
{
    return QLatin1String(statusTable[int(status)].sentence);
}

QString milestoneId(Milestone milestone)
{
    return QLatin1String(milestoneIds[int(milestone)]);
}

std::optional<Milestone> parseMilestone(const QString &text)
{
    for (int i = 0; i < milestoneCount; ++i) {
        if (text.compare(QLatin1String(milestoneIds[i]), Qt::CaseInsensitive) == 0)
            return Milestone(i);
    }
    return std::nullopt;
}

QStringList milestoneChoices()
{
    QStringList choices;
    for (const char *id : milestoneIds)
        choices << QLatin1String(id);
    return choices;
}

std::optional<qint64> Incident::mttaSeconds() const
{
    const QDateTime started = milestone(Milestone::Started);
    const QDateTime acknowledged = milestone(Milestone::Acknowledged);
    if (!started.isValid() || !acknowledged.isValid())
        return std::nullopt;
    return started.secsTo(acknowledged);
}

std::optional<qint64> Incident::mttrSeconds() const
{
    const QDateTime started = milestone(Milestone::Started);
    const QDateTime resolved = milestone(Milestone::Resolved);
    if (!started.isValid() || !resolved.isValid())
        return std::nullopt;
    return started.secsTo(resolved);
}

QString mttaDefinition()
{
    return QStringLiteral("MTTA = acknowledged - started (drills excluded from averages)");
}

QString mttrDefinition()
{
    return QStringLiteral("MTTR = resolved - started (drills excluded from averages)");
}

QString checkMilestoneOrder(const Incident &incident, Milestone changed, const QDateTime &value)
{
    if (!value.isValid())
        return changed == Milestone::Started ? QStringLiteral("started cannot be cleared")
                                             : QString();
    for (int i = 0; i < milestoneCount; ++i) {
        const QDateTime other = incident.milestones[size_t(i)];
        if (i == int(changed) || !other.isValid())
            continue;
        if (i < int(changed) && value < other)
            return QStringLiteral("%1 (%2) cannot be before %3 (%4)")
                .arg(milestoneId(changed), shortTime(value), milestoneId(Milestone(i)),
                     shortTime(other));
        if (i > int(changed) && value > other)
            return QStringLiteral("%1 (%2) cannot be after %3 (%4)")
                .arg(milestoneId(changed), shortTime(value), milestoneId(Milestone(i)),
                     shortTime(other));
    }
    return {};
}

} // namespace ic::incidents
