#pragma once

#include <QtGlobal>

namespace ic {

// Milliseconds since the kernel started this process (not since main()), so startup
// figures include dynamic loading and static initialisation.
qint64 millisecondsSinceProcessStart();

} // namespace ic
