#pragma once

#include <QString>

namespace ic::health {
class HealthMonitor;
}

namespace ic::ui {

class ActiveIncident;
class HealthBoard;
class MainWindow;
class RunbookPanel;

// Puts the drafts panel into the window and connects it to the active incident: values come
// from the incident, every copy or post lands on its timeline (restarting the update
// countdown for alerts and updates), Ctrl+Shift+C copies from anywhere in the window.
void installDrafts(MainWindow &window, ActiveIncident *incident, const QString &dataDir);

// While an incident is open, health state changes go on its timeline; a check's runbook
// button opens that runbook in the reader. The cockpit header gets the health strip and,
// while an incident is open, offers the runbook of every check that turns CRIT.
void linkHealth(MainWindow &window, health::HealthMonitor &monitor, HealthBoard *board,
                RunbookPanel *runbooks, ActiveIncident *incident);

// "Attach tasks" in the runbook reader adds the runbook's task list to the active incident's
// checklist as a section of its own (logged on the timeline).
void linkRunbookTasks(RunbookPanel *runbooks, ActiveIncident *incident);

} // namespace ic::ui
