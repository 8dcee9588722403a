#pragma once

#include <QString>
#include <optional>

namespace ic {

// Scores how well a typed pattern matches a candidate for the command palette: every
// pattern character must appear in order (case-insensitive); consecutive runs, word starts
// and an early first match score higher. Nothing when the pattern does not match at all.
std::optional<int> fuzzyScore(const QString &pattern, const QString &candidate);

} // namespace ic
