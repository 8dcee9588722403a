#pragma once

#include "HealthTypes.h"

#include <deque>

namespace ic::health {

// Smooths raw results into the state a person should act on, with Kubernetes probe
// semantics: an OK check turns bad only after failure_threshold consecutive bad results and
// a bad one turns OK after success_threshold consecutive good ones. While bad, it follows the
// raw severity (WARN to CRIT) at once. Flapping is detected from how often the raw state
// changed recently, with hysteresis so the flag itself does not flap.
class StateTracker
{
public:
    static constexpr int window = 21;             // raw results looked at for flapping
    static constexpr int minimumForFlapping = 10; // fewer results cannot show a pattern
    static constexpr double flappingStartPercent = 40.0;
    static constexpr double flappingStopPercent = 20.0;

    StateTracker(int failureThreshold = 3, int successThreshold = 1);

    void setThresholds(int failureThreshold, int successThreshold);
    // Adds a raw result; returns true when the smoothed state changed.
    bool add(State raw, const QDateTime &at);

    bool hasState() const { return m_hasState; }
    State state() const { return m_state; }
    QDateTime since() const { return m_since; }
    bool flapping() const { return m_flapping; }
    // Share of state changes among the recent raw results, 0-100.
    double percentStateChange() const;

private:
    int m_failureThreshold;
    int m_successThreshold;
    bool m_hasState = false;
    State m_state = State::Unknown;
    QDateTime m_since;
    int m_consecutiveBad = 0;
    int m_consecutiveGood = 0;
    bool m_flapping = false;
    std::deque<State> m_recent;
};

} // namespace ic::health
