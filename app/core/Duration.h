#pragma once

#include <QString>
#include <chrono>
#include <optional>

namespace ic {

// Durations as people write them in config files: "250ms", "15s", "5m", "1h30m", "7d".
// A bare number is rejected (is "5" seconds or minutes?), so config mistakes surface.
std::optional<std::chrono::milliseconds> parseDuration(const QString &text);

// The compact form back: 90000 ms -> "1m30s", 0 -> "0s".
QString formatDuration(std::chrono::milliseconds duration);

// For clocks on screen: "1:02:03" or "12:05" (minutes:seconds under an hour); negative
// values get a leading minus (an overdue countdown).
QString formatClock(std::chrono::seconds duration);

} // namespace ic
