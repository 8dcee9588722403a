#include "HealthTypes.h"

namespace ic::health {

QString stateName(State state)
{
    switch (state) {
    case State::Ok:
        return QStringLiteral("OK");
    case State::Warn:
        return QStringLiteral("WARN");
    case State::Crit:
        return QStringLiteral("CRIT");
    case State::Unknown:
        return QStringLiteral("UNKNOWN");
    case State::Stale:
        return QStringLiteral("STALE");
    }
    return QStringLiteral("UNKNOWN");
}

int severityRank(State state)
{
    switch (state) {
    case State::Ok:
        return 0;
    case State::Stale:
        return 1;
    case State::Warn:
        return 2;
    case State::Unknown:
        return 3;
    case State::Crit:
        return 4;
    }
    return 3;
}

State worse(State a, State b)
{
    return severityRank(a) >= severityRank(b) ? a : b;
}

int boardPosition(State state)
{
    switch (state) {
    case State::Crit:
        return 0;
    case State::Warn:
        return 1;
    case State::Stale:
        return 2;
    case State::Unknown:
        return 3;
    case State::Ok:
        return 4;
    }
    return 3;
}

} // namespace ic::health
