#pragma once

#include <QString>

namespace ic {

// A count for a message, grouped by thousands ("300,000"), the same on every machine: the
// console's messages are English, and a count in a log or a test must not depend on the
// user's locale.
QString countText(qint64 count);

} // namespace ic
