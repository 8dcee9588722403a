#pragma once

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <optional>

namespace ic::health {

// OK/WARN/CRIT follow the Nagios plugin contract; UNKNOWN means the probe could not tell
// (the observer failed, not necessarily the target); STALE means no result for two intervals.
enum class State
{
    Ok,
    Warn,
    Crit,
    Unknown,
    Stale
};

QString stateName(State state);
// Worse of two states for a check's verdict: CRIT > UNKNOWN > WARN > STALE > OK.
State worse(State a, State b);
// How bad a state is in that order, 0 for OK: for sorting worst first.
int severityRank(State state);
// Where a state's checks stand on the health board, 0 first: CRIT, WARN, STALE, UNKNOWN, OK.
// What the commander must act on comes before what the console could not tell.
int boardPosition(State state);

// What a probe saw, before any condition is applied. Placeholder values are kept as the
// text the target answered, so conditions can explain what they compared.
struct Observation
{
    // False when the probe could not determine anything (a bad query, an unusable
    // metric): the state is then UNKNOWN whatever the conditions say.
    bool determinate = true;
    // A verdict the probe itself reports, e.g. a Nagios plugin's exit code.
    std::optional<State> verdict;
    QString message;
    qint64 latencyMs = 0;
    // "[STATUS]" -> "200", "[CONNECTED]" -> "true", "[PERF].load1" -> "0.42" …
    QMap<QString, QString> values;
    // The answer's body for [BODY] and JSON paths (capped by the probe).
    QByteArray body;
    bool hasBody = false;
};

struct ConditionResult
{
    QString condition;
    QString resolved; // "[STATUS] (503) == 200"
    bool success = false;
    bool warning = false; // a failure means WARN instead of CRIT
    QString reason;       // why it failed when a value could not be compared
};

// One evaluated run of a check: the raw state, before thresholds smooth it.
struct CheckResult
{
    QString name;
    QString group;
    QString type;
    State state = State::Unknown;
    qint64 latencyMs = 0;
    QString message;
    QDateTime checkedAt;
    QList<ConditionResult> conditions;
};

} // namespace ic::health
