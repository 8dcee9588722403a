#pragma once

#include <QString>

namespace ic {
class Database;
}

namespace ic::ui {

class ActiveIncident;
class MainWindow;

// Puts the incident features into the window: the header strip, the checklist and timeline
// docks, Ctrl+N to declare, and the one-second clock. Returns the active incident, which
// other features use (comms restarts the update countdown through it).
ActiveIncident *installIncidentCockpit(MainWindow &window, Database &database,
                                       const QString &dataDir);

// The window's layout follows the incident: peacetime while none is open, the cockpit from
// its declaration on (through its resolution and postmortem). Called once every dock exists,
// so each mode's saved arrangement covers them all.
void followIncidentWithLayout(MainWindow &window, ActiveIncident *incident);

} // namespace ic::ui
