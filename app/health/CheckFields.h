#pragma once

#include "HealthConfig.h"

#include <optional>

namespace YAML {
class Node;
}

namespace ic::health {

// Reads the fields of health.yaml's defaults and checks, recording every problem with its
// line; a check with a problem is left out, the rest of the file still counts.
class FieldReader
{
public:
    FieldReader(QString fileName, QList<ConfigProblem> *problems);

    void readDefaults(const YAML::Node &node, CheckDefinition *defaults);
    void readHistory(const YAML::Node &node, HistoryLimits *limits);
    std::optional<CheckDefinition> readCheck(const YAML::Node &node,
                                             const CheckDefinition &defaults, const QString &where);

    // Typed reads of one value, each reporting a problem with the value's line; field is the
    // name shown ("checks[2].port"). TargetFields uses them for the check types' fields.
    std::optional<QString> text(const YAML::Node &node, const QString &field);
    // A positive duration with its unit, at most `maximum` (the default bounds retention
    // settings; a check's interval and timeout pass a day, which keeps the scheduler's and the
    // timers' arithmetic far from overflow).
    std::optional<std::chrono::milliseconds>
    duration(const YAML::Node &node, const QString &field,
             std::chrono::milliseconds maximum = std::chrono::days(3650));
    std::optional<int> integer(const YAML::Node &node, const QString &field, int min, int max);
    std::optional<bool> boolean(const YAML::Node &node, const QString &field);
    void problem(const YAML::Node &node, const QString &field, const QString &message);
    qsizetype problemCount() const;

private:
    bool readCommon(const YAML::Node &node, const QString &where, CheckDefinition *check);
    bool readConditions(const YAML::Node &node, const QString &where, CheckDefinition *check);

    QString m_file;
    QList<ConfigProblem> *m_problems;
};

} // namespace ic::health
