#include "CheckFields.h"

#include "CheckTypes.h"
#include "TargetFields.h"
#include "core/Duration.h"

#include <QDir>
#include <QFileInfo>
#include <yaml-cpp/yaml.h>

namespace ic::health {
namespace {

// The longest interval or timeout a check may have. Longer ones are typos (a day is already
// rare for a health check), and refusing them keeps the scheduler's next-due arithmetic and
// the probes' timers far from overflow.
constexpr std::chrono::milliseconds longestCheckDuration = std::chrono::hours(24);

const QStringList commonFields{QStringLiteral("name"),
                               QStringLiteral("group"),
                               QStringLiteral("type"),
                               QStringLiteral("interval"),
                               QStringLiteral("timeout"),
                               QStringLiteral("failure_threshold"),
                               QStringLiteral("success_threshold"),
                               QStringLiteral("conditions"),
                               QStringLiteral("runbook"),
                               QStringLiteral("enabled"),
                               QStringLiteral("silence")};

QString key(const YAML::Node &node)
{
    return QString::fromStdString(node.as<std::string>(""));
}

} // namespace

FieldReader::FieldReader(QString fileName, QList<ConfigProblem> *problems)
    : m_file(std::move(fileName)), m_problems(problems)
{}

qsizetype FieldReader::problemCount() const
{
    return m_problems->size();
}

void FieldReader::problem(const YAML::Node &node, const QString &field, const QString &message)
{
    m_problems->append({m_file, node.Mark().line + 1, field, message});
}

std::optional<QString> FieldReader::text(const YAML::Node &node, const QString &field)
{
    if (!node.IsScalar()) {
        problem(node, field, QStringLiteral("must be a single value"));
        return std::nullopt;
    }
    return QString::fromStdString(node.Scalar());
}

std::optional<std::chrono::milliseconds> FieldReader::duration(const YAML::Node &node,
                                                               const QString &field,
                                                               std::chrono::milliseconds maximum)
{
    const auto value = text(node, field);
    if (!value)
        return std::nullopt;
    const auto parsed = parseDuration(*value);
    if (!parsed || parsed->count() <= 0) {
        problem(node, field,
                QStringLiteral("'%1' is not a duration; write it with a unit, e.g. 15s, 500ms, 2m")
                    .arg(*value));
        return std::nullopt;
    }
    if (*parsed > maximum) {
        problem(
            node, field,
            QStringLiteral("'%1' is too long; at most %2").arg(*value, formatDuration(maximum)));
        return std::nullopt;
    }
    return parsed;
}

std::optional<int> FieldReader::integer(const YAML::Node &node, const QString &field, int min,
                                        int max)
{
    const auto value = text(node, field);
    if (!value)
        return std::nullopt;
    bool ok = false;
    const int number = value->toInt(&ok);
    if (!ok || number < min || number > max) {
        problem(node, field,
                QStringLiteral("'%1' must be a whole number from %2 to %3")
                    .arg(*value)
                    .arg(min)
                    .arg(max));
        return std::nullopt;
    }
    return number;
}

std::optional<bool> FieldReader::boolean(const YAML::Node &node, const QString &field)
{
    const auto value = text(node, field);
    if (!value)
        return std::nullopt;
    if (*value == QLatin1String("true") || *value == QLatin1String("yes"))
        return true;
    if (*value == QLatin1String("false") || *value == QLatin1String("no"))
        return false;
    problem(node, field, QStringLiteral("'%1' must be true or false").arg(*value));
    return std::nullopt;
}

void FieldReader::readDefaults(const YAML::Node &node, CheckDefinition *defaults)
{
    if (!node.IsMap()) {
        problem(node, QStringLiteral("defaults"), QStringLiteral("must be a map"));
        return;
    }
    for (const auto &entry : node) {
        const QString name = key(entry.first);
        const QString field = QStringLiteral("defaults.") + name;
        if (name == QLatin1String("interval")) {
            if (auto value = duration(entry.second, field, longestCheckDuration))
                defaults->interval = *value;
        } else if (name == QLatin1String("timeout")) {
            if (auto value = duration(entry.second, field, longestCheckDuration))
                defaults->timeout = *value;
        } else if (name == QLatin1String("failure_threshold")) {
            if (auto value = integer(entry.second, field, 1, 100))
                defaults->failureThreshold = *value;
        } else if (name == QLatin1String("success_threshold")) {
            if (auto value = integer(entry.second, field, 1, 100))
                defaults->successThreshold = *value;
        } else if (name == QLatin1String("group")) {
            if (auto value = text(entry.second, field))
                defaults->group = *value;
        } else {
            problem(entry.first, field,
                    QStringLiteral("unknown field; valid: interval, timeout, failure_threshold, "
                                   "success_threshold, group"));
        }
    }
}

void FieldReader::readHistory(const YAML::Node &node, HistoryLimits *limits)
{
    if (!node.IsMap()) {
        problem(node, QStringLiteral("history"), QStringLiteral("must be a map"));
        return;
    }
    for (const auto &entry : node) {
        const QString name = key(entry.first);
        const QString field = QStringLiteral("history.") + name;
        if (name == QLatin1String("raw_results")) {
            if (auto value = integer(entry.second, field, 10, 100000))
                limits->ringSize = *value;
            continue;
        }
        std::chrono::hours *target =
            name == QLatin1String("minute_rollups") ? &limits->minuteRetention
            : name == QLatin1String("hour_rollups") ? &limits->hourRetention
            : name == QLatin1String("day_rollups")  ? &limits->dayRetention
                                                    : nullptr;
        if (!target) {
            problem(entry.first, field,
                    QStringLiteral("unknown field; valid: raw_results, minute_rollups, "
                                   "hour_rollups, day_rollups"));
            continue;
        }
        if (auto value = duration(entry.second, field)) {
            if (*value < std::chrono::hours(1))
                problem(entry.second, field, QStringLiteral("keep rollups for at least 1h"));
            else
                *target = std::chrono::duration_cast<std::chrono::hours>(*value);
        }
    }
}

std::optional<CheckDefinition> FieldReader::readCheck(const YAML::Node &node,
                                                      const CheckDefinition &defaults,
                                                      const QString &where)
{
    if (!node.IsMap()) {
        problem(node, where, QStringLiteral("a check must be a map with at least name and type"));
        return std::nullopt;
    }
    CheckDefinition check = defaults;
    check.line = node.Mark().line + 1;
    const qsizetype problemsBefore = m_problems->size();
    if (readCommon(node, where, &check)) {
        const CheckType &type = *findCheckType(check.type);
        TargetFields fields(*this, node, where, check.type, QFileInfo(m_file).dir().path());
        if (type.readTarget(fields, &check) && readConditions(node, where, &check))
            type.addConditions(fields, &check, !check.conditions.isEmpty());
    }
    if (m_problems->size() != problemsBefore)
        return std::nullopt;
    return check;
}

bool FieldReader::readCommon(const YAML::Node &node, const QString &where, CheckDefinition *check)
{
    const auto field = [&where](const char *name) -> QString {
        return where + QLatin1Char('.') + QLatin1String(name);
    };
    const YAML::Node name = node["name"];
    if (!name) {
        problem(node, field("name"), QStringLiteral("missing; every check needs a unique name"));
        return false;
    }
    const auto nameText = text(name, field("name"));
    if (!nameText)
        return false;
    if (nameText->trimmed().isEmpty()) {
        problem(name, field("name"), QStringLiteral("must not be empty"));
        return false;
    }
    check->name = nameText->trimmed();
    const YAML::Node type = node["type"];
    const QStringList types = checkTypeNames();
    if (!type) {
        problem(node, field("type"),
                QStringLiteral("missing; valid: %1").arg(types.join(QStringLiteral(", "))));
        return false;
    }
    const auto typeText = text(type, field("type"));
    if (!typeText)
        return false;
    if (!types.contains(*typeText)) {
        problem(type, field("type"),
                QStringLiteral("'%1' is not a check type; valid: %2")
                    .arg(*typeText, types.join(QStringLiteral(", "))));
        return false;
    }
    check->type = *typeText;
    if (const YAML::Node value = node["group"])
        check->group = text(value, field("group")).value_or(QString());
    if (const YAML::Node value = node["runbook"])
        check->runbook = text(value, field("runbook")).value_or(QString());
    if (const YAML::Node value = node["enabled"])
        check->enabled = boolean(value, field("enabled")).value_or(true);
    if (const YAML::Node value = node["interval"])
        check->interval =
            duration(value, field("interval"), longestCheckDuration).value_or(check->interval);
    if (const YAML::Node value = node["timeout"])
        check->timeout =
            duration(value, field("timeout"), longestCheckDuration).value_or(check->timeout);
    if (const YAML::Node value = node["failure_threshold"])
        check->failureThreshold =
            integer(value, field("failure_threshold"), 1, 100).value_or(check->failureThreshold);
    if (const YAML::Node value = node["success_threshold"])
        check->successThreshold =
            integer(value, field("success_threshold"), 1, 100).value_or(check->successThreshold);
    if (const YAML::Node silence = node["silence"]) {
        // silence: { reason: "planned failover", until: 2026-11-25T12:00:00Z }
        const QString silenceField = field("silence");
        const auto reason = silence.IsMap() && silence["reason"]
                                ? text(silence["reason"], silenceField + QStringLiteral(".reason"))
                                : std::nullopt;
        const auto until = silence.IsMap() && silence["until"]
                               ? text(silence["until"], silenceField + QStringLiteral(".until"))
                               : std::nullopt;
        const QDateTime when = until ? QDateTime::fromString(*until, Qt::ISODate) : QDateTime();
        if (!reason || reason->trimmed().isEmpty() || !when.isValid()) {
            problem(silence, silenceField,
                    QStringLiteral("needs a reason and an until time in ISO 8601, e.g. "
                                   "{ reason: planned failover, until: 2026-11-25T12:00:00Z }"));
            return false;
        }
        check->silenceReason = reason->trimmed();
        check->silencedUntil = when;
    }
    const CheckType &checkType = *findCheckType(check->type);
    const QStringList allowed = commonFields + checkType.fields;
    for (const auto &entry : node) {
        const QString name = key(entry.first);
        if (checkType.refusedFields.contains(name))
            problem(entry.first, where + QLatin1Char('.') + name,
                    checkType.refusedFields.value(name));
        else if (!allowed.contains(name))
            problem(entry.first, where + QLatin1Char('.') + name,
                    QStringLiteral("unknown field for a %1 check; valid: %2")
                        .arg(check->type, allowed.join(QStringLiteral(", "))));
    }
    return true;
}

bool FieldReader::readConditions(const YAML::Node &node, const QString &where,
                                 CheckDefinition *check)
{
    const QString field = where + QStringLiteral(".conditions");
    check->conditions.clear();
    if (const YAML::Node conditions = node["conditions"]) {
        if (!conditions.IsSequence()) {
            problem(conditions, field, QStringLiteral("must be a list of conditions"));
            return false;
        }
        for (std::size_t i = 0; i < conditions.size(); ++i) {
            const YAML::Node item = conditions[i];
            const QString itemField = QStringLiteral("%1[%2]").arg(field).arg(i);
            ConditionSpec spec;
            if (item.IsMap()) {
                // { condition: "[RESPONSE_TIME] < 300", level: warning }
                spec.text = item["condition"]
                                ? text(item["condition"], itemField).value_or(QString())
                                : QString();
                const QString level =
                    item["level"] ? text(item["level"], itemField).value_or(QString()) : QString();
                if (!level.isEmpty() && level != QLatin1String("warning") &&
                    level != QLatin1String("critical")) {
                    problem(
                        item["level"], itemField + QStringLiteral(".level"),
                        QStringLiteral("'%1' is not a level; valid: warning, critical").arg(level));
                    return false;
                }
                spec.warning = level == QLatin1String("warning");
            } else {
                spec.text = text(item, itemField).value_or(QString());
            }
            if (const QString error = conditionSyntaxError(spec.text); !error.isEmpty()) {
                problem(item, itemField, QStringLiteral("'%1': %2").arg(spec.text, error));
                return false;
            }
            // Refused now rather than failing at every run.
            if (const QString why = unresolvablePlaceholder(*check, spec.text); !why.isEmpty()) {
                problem(item, itemField, QStringLiteral("'%1': %2").arg(spec.text, why));
                return false;
            }
            check->conditions.append(spec);
        }
    }
    return true;
}

} // namespace ic::health
