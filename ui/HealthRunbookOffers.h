#pragma once

#include <QFrame>
#include <QSet>
#include <functional>

class QLabel;
class QVBoxLayout;

namespace ic::health {
class HealthMonitor;
}

namespace ic::ui {

// While an incident is open, a check whose smoothed state is CRIT and that names a runbook
// gets a line in the cockpit: "✖ CRIT: <check> — open runbook <title>". Never a dialog: it
// takes no focus, and each line can be dismissed (until that check goes CRIT again). A line
// goes away by itself when its check recovers or the incident closes.
class HealthRunbookOffers : public QFrame
{
    Q_OBJECT
public:
    // Lines shown at once; more are counted, so the cockpit keeps its room.
    static constexpr int maxLines = 3;

    using IncidentOpen = std::function<bool()>;
    // Title of a runbook id; empty when not indexed (the id is shown then).
    using RunbookTitle = std::function<QString(const QString &runbookId)>;

    HealthRunbookOffers(health::HealthMonitor *monitor, IncidentOpen incidentOpen,
                        RunbookTitle runbookTitle, QWidget *parent = nullptr);

    // Checks offered right now, newest first.
    QStringList offeredChecks() const;

public Q_SLOTS:
    // Looks at one check again (after a result or a config change).
    void reconsider(const QString &checkName);
    // Looks at every check again, e.g. when an incident was declared or closed.
    void reconsiderAll();

Q_SIGNALS:
    void runbookRequested(const QString &runbookId);

private:
    struct Offer
    {
        QString check;
        QString runbook;
        QWidget *line;
    };
    void add(const QString &checkName, const QString &runbookId);
    void remove(const QString &checkName);
    void updateVisibility();

    health::HealthMonitor *m_monitor;
    IncidentOpen m_incidentOpen;
    RunbookTitle m_runbookTitle;
    QVBoxLayout *m_lines;
    QLabel *m_more;
    QList<Offer> m_offers; // newest first
    QSet<QString> m_dismissed;
};

} // namespace ic::ui
