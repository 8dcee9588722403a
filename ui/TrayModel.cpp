#include "TrayModel.h"

#include "core/Duration.h"

#include <QCoreApplication>
#include <algorithm>

namespace ic::ui {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("TrayModel", text);
}

QString clock(qint64 seconds)
{
    return formatClock(std::chrono::seconds(seconds));
}

} // namespace

int TrayModel::severityRank(health::State state)
{
    // "Cannot tell" is worse than a warning: nobody knows whether the target is down.
    switch (state) {
    case health::State::Ok:
        return 0;
    case health::State::Warn:
        return 1;
    case health::State::Stale:
        return 2;
    case health::State::Unknown:
        return 3;
    case health::State::Crit:
        return 4;
    }
    return 0;
}

QList<TrayNotification> TrayModel::updateCheck(const QString &name, health::State state,
                                               health::State displayed, const QString &message,
                                               bool silenced)
{
    const auto previous = m_checks.constFind(name);
    const bool wasCrit = previous != m_checks.cend() && previous->state == health::State::Crit;
    m_checks.insert(name, {state, displayed, message});
    if (state != health::State::Crit || wasCrit || silenced)
        return {};
    return {{TrayNotification::Kind::CheckCrit, tr("%1 is CRIT").arg(name),
             message.isEmpty() ? tr("The check %1 turned CRIT.").arg(name) : message}};
}

void TrayModel::retainChecks(const QStringList &names)
{
    for (auto it = m_checks.begin(); it != m_checks.end();) {
        if (names.contains(it.key()))
            ++it;
        else
            it = m_checks.erase(it);
    }
}

void TrayModel::setIncident(std::optional<TrayIncident> incident)
{
    m_incident = std::move(incident);
}

QList<TrayNotification> TrayModel::tick(const QDateTime &now)
{
    if (!m_incident || !m_incident->nextUpdateDue.isValid())
        return {};
    const QDateTime due = m_incident->nextUpdateDue;
    if (now < due || due == m_announcedDue)
        return {};
    m_announcedDue = due;
    const qint64 late = due.secsTo(now);
    // Started after the due time passed (the console was closed): say by how much.
    const QString when = late < 60 ? tr("The next update is due now.")
                                   : tr("The next update is overdue by %1.").arg(clock(late));
    return {{TrayNotification::Kind::UpdateDue, tr("Update due"),
             tr("%1 %2: %3").arg(m_incident->severity, m_incident->title, when)}};
}

TrayNotification TrayModel::itemOverdue(const QString &itemText)
{
    return {TrayNotification::Kind::ItemOverdue, tr("Checklist item overdue"), itemText};
}

std::optional<health::State> TrayModel::worstState() const
{
    std::optional<health::State> worst;
    for (const Check &check : m_checks) {
        if (!worst || severityRank(check.displayed) > severityRank(*worst))
            worst = check.displayed;
    }
    return worst;
}

QStringList TrayModel::checksIn(health::State state) const
{
    QStringList names;
    for (auto it = m_checks.cbegin(); it != m_checks.cend(); ++it) {
        if (it->displayed == state)
            names.append(it.key());
    }
    std::sort(names.begin(), names.end());
    return names;
}

QString TrayModel::incidentLine(const QDateTime &now) const
{
    if (!m_incident)
        return tr("No incident in progress");
    const TrayIncident &incident = *m_incident;
    QString line = tr("%1%2 %3 — %4 elapsed")
                       .arg(incident.severity, incident.drill ? tr(" DRILL") : QString(),
                            incident.title, clock(incident.startedAt.secsTo(now)));
    if (incident.nextUpdateDue.isValid()) {
        const qint64 left = now.secsTo(incident.nextUpdateDue);
        line += left < 0 ? tr(", update overdue by %1").arg(clock(-left))
                         : tr(", next update in %1").arg(clock(left));
    }
    return line;
}

QString TrayModel::toolTip(const QDateTime &now) const
{
    QString healthLine;
    if (const std::optional<health::State> worst = worstState()) {
        healthLine = tr("Health: %1").arg(health::stateName(*worst));
        if (*worst != health::State::Ok) {
            const QStringList names = checksIn(*worst);
            healthLine += tr(" — %1 (%2 of %3 checks)")
                              .arg(names.join(QStringLiteral(", ")))
                              .arg(names.size())
                              .arg(m_checks.size());
        } else {
            healthLine += tr(" — all %1 checks").arg(m_checks.size());
        }
    } else {
        healthLine = tr("Health: no results yet");
    }
    return tr("Incident Console") + QLatin1Char('\n') + healthLine + QLatin1Char('\n') +
           incidentLine(now);
}

} // namespace ic::ui
