#include "CallOut.h"

#include <QTimeZone>

namespace ic::incidents {
namespace {

// Enough to say what is late without turning the call-out into the checklist.
constexpr int namedOverdue = 3;

QString elapsedText(qint64 seconds)
{
    const qint64 minutes = std::max<qint64>(0, seconds) / 60;
    if (minutes < 60)
        return QStringLiteral("%1 min").arg(minutes);
    return QStringLiteral("%1 h %2 min").arg(minutes / 60).arg(minutes % 60);
}

QString itemsText(const std::vector<ChecklistItem> &items, const QDateTime &now)
{
    int open = 0;
    QStringList overdue;
    for (const ChecklistItem &item : items) {
        if (item.isChecked())
            continue;
        ++open;
        if (item.isOverdue(now))
            overdue << item.text;
    }
    if (open == 0)
        return QStringLiteral("All %1 items done.").arg(items.size());
    QString text = QStringLiteral("%1 of %2 items open").arg(open).arg(items.size());
    if (overdue.isEmpty())
        return text + QStringLiteral(", none overdue.");
    text += QStringLiteral(", %1 overdue: ").arg(overdue.size()) +
            overdue.mid(0, namedOverdue).join(QStringLiteral("; "));
    if (overdue.size() > namedOverdue)
        text += QStringLiteral("; and %1 more").arg(overdue.size() - namedOverdue);
    return text + QLatin1Char('.');
}

QString ownersText(const std::vector<ChecklistItem> &items)
{
    QStringList owners;
    for (const ChecklistItem &item : items)
        if (!item.isChecked() && !item.assignee.isEmpty())
            owners << QStringLiteral("%1, %2").arg(item.assignee, item.text);
    return owners.isEmpty()
               ? QStringLiteral("Nobody has taken an item.")
               : QStringLiteral("On it: ") + owners.join(QStringLiteral("; ")) + QLatin1Char('.');
}

// "17:09 UTC": a time the deputy acts on, in the zone the incident was declared in.
QString clockInZone(const Incident &incident, const QDateTime &time)
{
    const QTimeZone zone = incident.timeZone.isEmpty() ? QTimeZone::systemTimeZone()
                                                       : QTimeZone(incident.timeZone.toUtf8());
    const QDateTime there = time.toTimeZone(zone);
    return there.toString(QStringLiteral("HH:mm")) + QLatin1Char(' ') +
           there.timeZoneAbbreviation();
}

} // namespace

QString callOutText(const Incident &incident, const std::vector<ChecklistItem> &items,
                    const QDateTime &nextUpdateDue, const QDateTime &now)
{
    QString text = QStringLiteral("%1 in (%2, %3). ")
                       .arg(elapsedText(incident.milestone(Milestone::Started).secsTo(now)),
                            incident.severity, statusLabel(incident.status).toLower());
    text += itemsText(items, now) + QLatin1Char(' ') + ownersText(items);
    if (nextUpdateDue.isValid())
        text += QStringLiteral(" Next update due %1.").arg(clockInZone(incident, nextUpdateDue));
    return text;
}

QString callOutSummary(const Incident &incident, const std::vector<ChecklistItem> &items,
                       const QDateTime &nextUpdateDue, const QDateTime &now)
{
    int open = 0;
    int overdue = 0;
    int taken = 0;
    for (const ChecklistItem &item : items) {
        if (item.isChecked())
            continue;
        ++open;
        overdue += item.isOverdue(now) ? 1 : 0;
        taken += item.assignee.isEmpty() ? 0 : 1;
    }
    QStringList parts{
        elapsedText(incident.milestone(Milestone::Started).secsTo(now)) + QStringLiteral(" in"),
        overdue > 0 ? QStringLiteral("%1 of %2 items open, %3 overdue")
                          .arg(open)
                          .arg(items.size())
                          .arg(overdue)
                    : QStringLiteral("%1 of %2 items open").arg(open).arg(items.size()),
        taken > 0 ? QStringLiteral("%1 taken").arg(taken)
                  : QStringLiteral("nobody has taken an item")};
    if (nextUpdateDue.isValid())
        parts << QStringLiteral("next update %1").arg(clockInZone(incident, nextUpdateDue));
    return parts.join(QStringLiteral(" · "));
}

QDateTime nextCallOutDue(const Incident &incident, qint64 intervalSeconds,
                         const QDateTime &lastCallOut)
{
    if (!incident.isOpen() || intervalSeconds <= 0)
        return {};
    const QDateTime base =
        lastCallOut.isValid() ? lastCallOut : incident.milestone(Milestone::Started);
    return base.addSecs(intervalSeconds);
}

} // namespace ic::incidents
