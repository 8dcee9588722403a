#pragma once

#include <QString>

namespace ic {
class Database;
}

namespace ic::ui {

class ActiveIncident;
class AlertsPanel;
class DesktopTray;
class MainWindow;
class RunbookPanel;

// Puts the Alerts dock into the window: a monitor for <dataDir>/alerts.yaml (read again when
// it changes; started at once), the panel, and what its keys do: the runbook opens in the
// runbook reader, Declare opens the declare dialog pre-filled, Link and Silence go through
// the incident service and Alertmanager, a linked alert's resolution goes on its incident's
// timeline, and a new critical alert is announced like a check turning CRIT (through tray,
// when given).
AlertsPanel *installAlerts(MainWindow &window, Database &database, ActiveIncident *incident,
                           RunbookPanel *runbooks, DesktopTray *tray, const QString &dataDir);

} // namespace ic::ui
