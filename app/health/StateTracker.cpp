#include "StateTracker.h"

namespace ic::health {

StateTracker::StateTracker(int failureThreshold, int successThreshold)
    : m_failureThreshold(std::max(1, failureThreshold)),
      m_successThreshold(std::max(1, successThreshold))
{}

void StateTracker::setThresholds(int failureThreshold, int successThreshold)
{
    m_failureThreshold = std::max(1, failureThreshold);
    m_successThreshold = std::max(1, successThreshold);
}

bool StateTracker::add(State raw, const QDateTime &at)
{
    m_recent.push_back(raw);
    if (m_recent.size() > std::size_t(window))
        m_recent.pop_front();
    const double change = percentStateChange();
    if (m_recent.size() >= std::size_t(minimumForFlapping)) {
        if (!m_flapping && change >= flappingStartPercent)
            m_flapping = true;
        else if (m_flapping && change < flappingStopPercent)
            m_flapping = false;
    }

    const State before = m_state;
    if (!m_hasState) {
        // Nothing to smooth against yet: the first answer is the best knowledge there is.
        m_hasState = true;
        m_state = raw;
        m_since = at;
        m_consecutiveGood = raw == State::Ok ? 1 : 0;
        m_consecutiveBad = raw == State::Ok ? 0 : 1;
        return true;
    }
    if (raw == State::Ok) {
        ++m_consecutiveGood;
        m_consecutiveBad = 0;
        if (m_state != State::Ok && m_consecutiveGood >= m_successThreshold)
            m_state = State::Ok;
    } else {
        ++m_consecutiveBad;
        m_consecutiveGood = 0;
        if (m_state != State::Ok || m_consecutiveBad >= m_failureThreshold)
            m_state = raw;
    }
    if (m_state == before)
        return false;
    m_since = at;
    return true;
}

double StateTracker::percentStateChange() const
{
    if (m_recent.size() < 2)
        return 0.0;
    int changes = 0;
    for (std::size_t i = 1; i < m_recent.size(); ++i) {
        if (m_recent[i] != m_recent[i - 1])
            ++changes;
    }
    return changes * 100.0 / double(m_recent.size() - 1);
}

} // namespace ic::health
