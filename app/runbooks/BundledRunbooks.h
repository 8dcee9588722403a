#pragma once

#include <QString>

namespace ic::runbooks {

// The runbooks shipped with the console: next to the executable when relocated
// (../share/incident-console/runbooks, which covers installed and relocated copies), else
// the source tree's when running from a build, else the configured install prefix's.
// Empty when none exists. INCIDENT_CONSOLE_BUNDLED_RUNBOOKS, when set, names the folder.
QString bundledRunbookDir();

} // namespace ic::runbooks
