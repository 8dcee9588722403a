#pragma once

#include <chrono>

namespace ic::health {

// How much history stays, per check (health.yaml's `history:` block). With the defaults a
// check never costs more than about 240 raw rows + 120 minute + 192 hour + 400 day rollups,
// roughly 110 KB (86 KB without the latency histograms of the rollups), however long the
// console runs.
struct HistoryLimits
{
    int ringSize = 240;
    std::chrono::hours minuteRetention{2};
    std::chrono::hours hourRetention{8 * 24};
    std::chrono::hours dayRetention{400 * 24};
};

} // namespace ic::health
