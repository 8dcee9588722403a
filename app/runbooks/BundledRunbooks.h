#pragma once

#include <QString>

namespace ic::runbooks {

// The runbooks shipped with the console: next to the executable when relocated
// (../share/incident-console/runbooks, which covers installed and relocated copies), else
// the source tree's when running from a build, else the configured install prefix's.
// Empty when none exists.
QString bundledRunbookDir();

} // namespace ic::runbooks
