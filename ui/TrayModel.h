#pragma once

#include "health/HealthTypes.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMetaType>
#include <QString>
#include <optional>

namespace ic::ui {

// The open incident as the tray names it.
struct TrayIncident
{
    QString severity;
    QString title;
    QDateTime startedAt;
    QDateTime nextUpdateDue; // invalid: no regular updates
    bool drill = false;
};

struct TrayNotification
{
    enum class Kind
    {
        ItemOverdue,
        UpdateDue,
        CheckCrit,
        AlertCritical // a new critical alert at an alert source
    };
    Kind kind = Kind::ItemOverdue;
    QString title;
    QString text;
};

// What the tray shows and which desktop notifications it sends, from health and incident
// events, without any widget: the worst displayed health state, a tooltip naming it and the
// open incident, one notification per check turning CRIT and one per update due time.
class TrayModel
{
public:
    // state: the smoothed state (its transitions notify); displayed: what the board shows,
    // STALE included (the icon follows it). A silenced check never notifies.
    QList<TrayNotification> updateCheck(const QString &name, health::State state,
                                        health::State displayed, const QString &message,
                                        bool silenced);
    // Forgets checks no longer configured.
    void retainChecks(const QStringList &names);
    // nullopt when no incident is open.
    void setIncident(std::optional<TrayIncident> incident);
    // The notifications time brings: the next update falling due, once per due time.
    QList<TrayNotification> tick(const QDateTime &now);
    static TrayNotification itemOverdue(const QString &itemText);

    // nullopt while no check has a state; CRIT > UNKNOWN > STALE > WARN > OK.
    std::optional<health::State> worstState() const;
    // The checks whose displayed state is state, in name order.
    QStringList checksIn(health::State state) const;
    bool hasIncident() const { return m_incident.has_value(); }
    QString toolTip(const QDateTime &now) const;

    // Rank of a state for the tray: higher is worse.
    static int severityRank(health::State state);

private:
    struct Check
    {
        health::State state = health::State::Unknown;
        health::State displayed = health::State::Unknown;
        QString message;
    };
    QString incidentLine(const QDateTime &now) const;

    QHash<QString, Check> m_checks;
    std::optional<TrayIncident> m_incident;
    QDateTime m_announcedDue;
};

} // namespace ic::ui

Q_DECLARE_METATYPE(ic::ui::TrayNotification)
