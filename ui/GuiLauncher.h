#pragma once

#include "cli/CommandLine.h"
#include "storage/Database.h"

#include <memory>

class QTextStream;

namespace ic::health {
class HealthMonitor;
}

namespace ic::ui {

// True when Qt can reach a display (or a platform was forced with QT_QPA_PLATFORM).
bool displayAvailable();

// Opens console.db; when it is unreadable asks whether to move it aside and start fresh.
// Returns nothing when the user quits or the database cannot be opened (already reported).
std::unique_ptr<Database> openDatabaseForGui(const QString &path);

class ActiveIncident;
class MainWindow;

// Fills window with every feature and links them, exactly as the application does; tests
// drive the same window. monitor is not started here.
ActiveIncident *assembleWindow(MainWindow &window, Database &database,
                               health::HealthMonitor &monitor, const QString &dataDir,
                               const QStringList &runbookDirs);

// Opens the data dir and database (asking the user when the database is damaged), shows
// the main window and runs the event loop. A QApplication must exist.
int runGui(const cli::GlobalOptions &options, QTextStream &out, QTextStream &err);

} // namespace ic::ui
