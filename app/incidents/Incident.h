#pragma once

#include <QDateTime>
#include <QStringList>
#include <array>
#include <optional>

namespace ic::incidents {

enum class Status
{
    Investigating,
    Identified,
    Monitoring,
    Resolved
};

// Lower-case ids as stored and typed on the command line ("investigating").
QString statusId(Status status);
QString statusLabel(Status status);
// Accepts the id or the label, in any case.
std::optional<Status> parseStatus(const QString &text);
QStringList statusChoices();
// What the status means, in one sentence for announcements and the header.
QString statusSentence(Status status);

// In the order they must happen: an incident starts, is detected, acknowledged, mitigated and
// resolved. Only started is required.
enum class Milestone
{
    Started,
    Detected,
    Acknowledged,
    Mitigated,
    Resolved
};
inline constexpr int milestoneCount = 5;
QString milestoneId(Milestone milestone);
std::optional<Milestone> parseMilestone(const QString &text);
QStringList milestoneChoices();

struct Incident
{
    QString id;
    QString title;
    QString severity;
    Status status = Status::Investigating;
    QStringList services;
    QString impact;
    QString commander;
    QString deputy;
    QString scribe;
    QString communications; // the communications lead
    QStringList experts;    // subject-matter experts on the incident
    bool drill = false;
    QString timeZone; // IANA id of the zone it was declared in ("Europe/Berlin")
    QString channel;  // the chat channel name, fixed at declaration
    std::array<QDateTime, milestoneCount> milestones;
    QDateTime createdAt;
    QDateTime updatedAt;

    QDateTime milestone(Milestone m) const { return milestones[size_t(m)]; }
    bool isOpen() const { return status != Status::Resolved; }
    // Time to acknowledge (acknowledged - started) and to resolve (resolved - started).
    std::optional<qint64> mttaSeconds() const;
    std::optional<qint64> mttrSeconds() const;
};

// Shown next to the numbers, so nobody has to guess what is measured.
QString mttaDefinition();
QString mttrDefinition();

// Empty when changed may take value; otherwise which ordering rule it breaks
// ("resolved (10:00 UTC) cannot be before started (10:30 UTC)").
QString checkMilestoneOrder(const Incident &incident, Milestone changed, const QDateTime &value);

// QtSql binds a null QString as SQL NULL; the NOT NULL text columns need ''.
inline QString notNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

} // namespace ic::incidents
