#pragma once

#include <QFrame>

class QAction;
class QComboBox;
class QGridLayout;
class QBoxLayout;
class QLabel;
class QMenu;
class QToolButton;
class QStackedWidget;

namespace ic::ui {

class ActiveIncident;
class ElidedLabel;

// The strip across the top of the cockpit. In peacetime it says that no incident is open;
// during an incident it carries the severity badge, title, status, elapsed clock, next-update
// countdown, nearest due item and commander, all computed from stored timestamps.
class IncidentHeader : public QFrame
{
    Q_OBJECT
public:
    explicit IncidentHeader(QWidget *parent = nullptr);

    // Follows incident from now on; status and severity can be changed from the strip.
    void showIncident(ActiveIncident *incident);
    // A button for action on the peacetime strip, with a sentence on what it does: the first
    // run's "what to do now". The primary step goes first and has the keyboard focus.
    void addFirstStep(QAction *action, const QString &explanation, bool primary = false);
    // Adds a full-width row below the incident, in peacetime too (the health strip).
    void addRow(QWidget *row);
    // A button for action beside Milestones… in the incident's top row.
    void addIncidentButton(QAction *action);
    // The next-update reminder's snooze and stop, also for the window's Incident menu.
    QMenu *updateClockMenu() const { return m_updateClock; }

public Q_SLOTS:
    void updateClocks();

private:
    void rebuild();
    // Moves or stops the next-update reminder, asking why.
    QMenu *makeUpdateClockMenu();
    template <typename Label = QLabel> Label *addLabel(const char *objectName, QBoxLayout *row);

    ActiveIncident *m_incident = nullptr;
    QStackedWidget *m_stack;
    QBoxLayout *m_rows;
    QLabel *m_state;
    QLabel *m_hint;
    QGridLayout *m_steps;
    int m_stepCount = 0;
    QWidget *m_live;
    QBoxLayout *m_topRow = nullptr; // badge, title, commander, Milestones… and the like
    QLabel *m_badge = nullptr;
    QLabel *m_title = nullptr;
    QComboBox *m_status = nullptr;
    QComboBox *m_severity = nullptr;
    QLabel *m_elapsed = nullptr;
    QLabel *m_nextUpdate = nullptr;
    QMenu *m_updateClock = nullptr;
    ElidedLabel *m_nearestDue = nullptr;
    QLabel *m_commander = nullptr;
    bool m_rebuilding = false;
};

} // namespace ic::ui
