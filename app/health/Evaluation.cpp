#include "Evaluation.h"

#include "ResultLimits.h"

namespace ic::health {

CheckResult evaluate(const CheckDefinition &check, const Observation &observation,
                     const QDateTime &checkedAt)
{
    CheckResult result;
    result.name = check.name;
    result.group = check.group;
    result.type = check.type;
    result.latencyMs = observation.latencyMs;
    result.checkedAt = checkedAt;
    State state = observation.verdict.value_or(State::Ok);
    QStringList failures;
    for (const ConditionSpec &spec : check.conditions) {
        ConditionResult condition = evaluateCondition(spec, observation);
        if (!condition.success) {
            state = worse(state, spec.warning ? State::Warn : State::Crit);
            failures.append(condition.reason.isEmpty() ? condition.resolved
                                                       : QStringLiteral("%1: %2").arg(
                                                             condition.resolved, condition.reason));
        }
        result.conditions.append(std::move(condition));
    }
    if (!observation.determinate)
        state = State::Unknown;
    result.state = state;
    QStringList message;
    if (!observation.message.isEmpty())
        message.append(observation.message);
    if (observation.determinate && !failures.isEmpty())
        message.append(QStringLiteral("failed %1").arg(failures.join(QStringLiteral("; "))));
    // Whatever the server answered, a result stays small enough for the history's bound.
    result.message = truncatedText(message.join(QStringLiteral(" — ")), maxMessageBytes);
    return result;
}

} // namespace ic::health
