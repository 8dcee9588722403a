#include "CheckFields.h"

#include "core/Duration.h"

#include <QDir>
#include <QFileInfo>
#include <QUrl>
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

// The target fields each type accepts; anything else is reported, so typos surface.
const QMap<QString, QStringList> &typeFields()
{
    static const QMap<QString, QStringList> fields{
        {QStringLiteral("http"),
         {QStringLiteral("url"), QStringLiteral("method"), QStringLiteral("headers"),
          QStringLiteral("body"), QStringLiteral("expected_status"), QStringLiteral("keyword"),
          QStringLiteral("body_regex"), QStringLiteral("max_redirects"),
          QStringLiteral("tls_verify")}},
        {QStringLiteral("tcp"), {QStringLiteral("host"), QStringLiteral("port")}},
        {QStringLiteral("tls"),
         {QStringLiteral("host"), QStringLiteral("port"), QStringLiteral("tls_verify")}},
        {QStringLiteral("dns"),
         {QStringLiteral("host"), QStringLiteral("record_type"), QStringLiteral("nameserver"),
          QStringLiteral("expected")}},
        {QStringLiteral("redis"),
         {QStringLiteral("host"), QStringLiteral("port"), QStringLiteral("user"),
          QStringLiteral("password"), QStringLiteral("password_env"),
          QStringLiteral("password_file")}},
        {QStringLiteral("postgres"),
         {QStringLiteral("host"), QStringLiteral("port"), QStringLiteral("user"),
          QStringLiteral("database"), QStringLiteral("password_env"),
          QStringLiteral("password_file")}},
        {QStringLiteral("prometheus"),
         {QStringLiteral("url"), QStringLiteral("query"), QStringLiteral("headers"),
          QStringLiteral("tls_verify")}},
        {QStringLiteral("command"), {QStringLiteral("command")}},
        {QStringLiteral("system"), {QStringLiteral("metric"), QStringLiteral("path")}},
    };
    return fields;
}

QString key(const YAML::Node &node)
{
    return QString::fromStdString(node.as<std::string>(""));
}

} // namespace

FieldReader::FieldReader(QString fileName, QList<ConfigProblem> *problems)
    : m_file(std::move(fileName)), m_problems(problems)
{}

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
    const bool common = readCommon(node, where, &check);
    if (common && readTarget(node, where, &check))
        readConditions(node, where, &check);
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
    const QStringList types = typeFields().keys();
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
    const QStringList allowed = commonFields + typeFields().value(check->type);
    for (const auto &entry : node) {
        const QString name = key(entry.first);
        if (name == QLatin1String("password") && check->type == QLatin1String("postgres"))
            problem(entry.first, where + QLatin1Char('.') + name,
                    QStringLiteral("a PostgreSQL password does not belong in health.yaml; name "
                                   "an environment variable (password_env) or a file "
                                   "(password_file) that holds it"));
        else if (!allowed.contains(name))
            problem(entry.first, where + QLatin1Char('.') + name,
                    QStringLiteral("unknown field for a %1 check; valid: %2")
                        .arg(check->type, allowed.join(QStringLiteral(", "))));
    }
    return true;
}

bool FieldReader::readTarget(const YAML::Node &node, const QString &where, CheckDefinition *check)
{
    const auto field = [&where](const char *name) -> QString {
        return where + QLatin1Char('.') + QLatin1String(name);
    };
    const auto required = [&](const char *name) -> std::optional<QString> {
        const YAML::Node value = node[name];
        if (!value) {
            problem(node, field(name),
                    QStringLiteral("missing; a %1 check needs it").arg(check->type));
            return std::nullopt;
        }
        auto result = text(value, field(name));
        if (result && result->trimmed().isEmpty()) {
            problem(value, field(name), QStringLiteral("must not be empty"));
            return std::nullopt;
        }
        return result;
    };
    const QString &type = check->type;
    const bool needsUrl = type == QLatin1String("http") || type == QLatin1String("prometheus");
    if (needsUrl) {
        const auto url = required("url");
        if (!url)
            return false;
        const QUrl parsed(*url);
        if (!parsed.isValid() || (parsed.scheme() != QLatin1String("http") &&
                                  parsed.scheme() != QLatin1String("https"))) {
            problem(node["url"], field("url"),
                    QStringLiteral("'%1' is not an http:// or https:// URL").arg(*url));
            return false;
        }
        check->url = *url;
    }
    if (const YAML::Node headers = node["headers"]) {
        if (!headers.IsMap()) {
            problem(headers, field("headers"), QStringLiteral("must be a map of name: value"));
            return false;
        }
        for (const auto &entry : headers)
            check->headers.insert(key(entry.first),
                                  text(entry.second, field("headers")).value_or(QString()));
    }
    if (const YAML::Node value = node["tls_verify"])
        check->tlsVerify = boolean(value, field("tls_verify")).value_or(true);
    if (type == QLatin1String("http")) {
        if (const YAML::Node value = node["method"])
            check->method = text(value, field("method")).value_or(check->method).toUpper();
        if (const YAML::Node value = node["body"])
            check->requestBody = text(value, field("body")).value_or(QString());
        if (const YAML::Node value = node["max_redirects"])
            check->maxRedirects = integer(value, field("max_redirects"), 0, 50).value_or(5);
    }
    const bool hostType = type == QLatin1String("tcp") || type == QLatin1String("tls") ||
                          type == QLatin1String("dns") || type == QLatin1String("redis") ||
                          type == QLatin1String("postgres");
    if (hostType) {
        const bool hostRequired =
            type != QLatin1String("redis") && type != QLatin1String("postgres");
        if (hostRequired) {
            const auto host = required("host");
            if (!host)
                return false;
            check->host = *host;
        } else {
            check->host = QStringLiteral("127.0.0.1");
            if (const YAML::Node value = node["host"])
                check->host = text(value, field("host")).value_or(check->host);
        }
    }
    const QMap<QString, int> defaultPorts{{QStringLiteral("tls"), 443},
                                          {QStringLiteral("redis"), 6379},
                                          {QStringLiteral("postgres"), 5432}};
    if (type == QLatin1String("tcp") || defaultPorts.contains(type)) {
        check->port = defaultPorts.value(type, 0);
        if (const YAML::Node value = node["port"])
            check->port = integer(value, field("port"), 1, 65535).value_or(0);
        else if (check->port == 0) {
            problem(node, field("port"), QStringLiteral("missing; a tcp check needs a port"));
            return false;
        }
    }
    if (type == QLatin1String("dns")) {
        static const QStringList recordTypes{QStringLiteral("A"),     QStringLiteral("AAAA"),
                                             QStringLiteral("CNAME"), QStringLiteral("MX"),
                                             QStringLiteral("NS"),    QStringLiteral("TXT"),
                                             QStringLiteral("SRV"),   QStringLiteral("PTR")};
        if (const YAML::Node value = node["record_type"]) {
            const QString recordType =
                text(value, field("record_type")).value_or(QString()).toUpper();
            if (!recordTypes.contains(recordType)) {
                problem(value, field("record_type"),
                        QStringLiteral("'%1' is not supported; valid: %2")
                            .arg(recordType, recordTypes.join(QStringLiteral(", "))));
                return false;
            }
            check->recordType = recordType;
        }
        if (const YAML::Node value = node["nameserver"])
            check->nameserver = text(value, field("nameserver")).value_or(QString());
    }
    if (const YAML::Node value = node["user"])
        check->user = text(value, field("user")).value_or(QString());
    if (const YAML::Node value = node["password"])
        check->password = text(value, field("password")).value_or(QString());
    if (const YAML::Node value = node["database"])
        check->database = text(value, field("database")).value_or(QString());
    if (type == QLatin1String("postgres") || type == QLatin1String("redis")) {
        if (const YAML::Node value = node["password_env"])
            check->passwordEnv = text(value, field("password_env")).value_or(QString());
        if (const YAML::Node value = node["password_file"]) {
            const QString path = text(value, field("password_file")).value_or(QString());
            // Relative to health.yaml, so a config and its secret can move together.
            if (!path.isEmpty())
                check->passwordFile = QFileInfo(m_file).dir().absoluteFilePath(path);
        }
        if (int(!check->passwordEnv.isEmpty()) + int(!check->passwordFile.isEmpty()) +
                int(!check->password.isEmpty()) >
            1) {
            problem(node["password_file"] ? node["password_file"] : node["password_env"],
                    field(node["password_file"] ? "password_file" : "password_env"),
                    QStringLiteral("give one of password, password_env or password_file"));
            return false;
        }
        // Redis may AUTH with a password alone (the default user); PostgreSQL logs in as one.
        if (type == QLatin1String("postgres") && check->hasPasswordSource() &&
            check->user.isEmpty()) {
            problem(node, field("user"),
                    QStringLiteral("missing; a password is only used to log in as a user"));
            return false;
        }
    }
    if (type == QLatin1String("prometheus")) {
        const auto query = required("query");
        if (!query)
            return false;
        check->query = *query;
    }
    if (type == QLatin1String("command")) {
        const YAML::Node command = node["command"];
        if (!command || !command.IsSequence() || command.size() == 0) {
            problem(command ? command : node, field("command"),
                    QStringLiteral("must be a list: the program, then each argument (no shell)"));
            return false;
        }
        for (const auto &argument : command)
            check->command.append(text(argument, field("command")).value_or(QString()));
    }
    if (type == QLatin1String("system")) {
        const auto metric = required("metric");
        if (!metric)
            return false;
        if (!QStringList{QStringLiteral("disk"), QStringLiteral("memory"), QStringLiteral("load")}
                 .contains(*metric)) {
            problem(node["metric"], field("metric"),
                    QStringLiteral("'%1' is not a system metric; valid: disk, memory, load")
                        .arg(*metric));
            return false;
        }
        check->metric = *metric;
        check->path = QStringLiteral("/");
        if (const YAML::Node value = node["path"])
            check->path = text(value, field("path")).value_or(check->path);
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
            check->conditions.append(spec);
        }
    }
    return addTypeConditions(node, where, check);
}

// Conditions some fields stand for (expected_status, keyword, body_regex, expected). Their
// values are pasted into condition text, so the result is checked like a written condition:
// a body_regex that is no regular expression would otherwise fail every run without a reason.
bool FieldReader::addTypeConditions(const YAML::Node &node, const QString &where,
                                    CheckDefinition *check)
{
    const QString &type = check->type;
    const bool givenByUser = !check->conditions.isEmpty();
    bool valid = true;
    const auto add = [&](const QString &text, const char *from = nullptr) {
        if (from) {
            if (const QString error = conditionSyntaxError(text); !error.isEmpty()) {
                problem(node[from], where + QLatin1Char('.') + QLatin1String(from),
                        QStringLiteral("'%1' does not make a valid condition: %2")
                            .arg(QString::fromStdString(node[from].Scalar()), error));
                valid = false;
                return;
            }
        }
        check->conditions.append({text, false});
    };
    const auto scalar = [&node](const char *name) {
        return node[name] && node[name].IsScalar() ? QString::fromStdString(node[name].Scalar())
                                                   : QString();
    };
    if (type == QLatin1String("http")) {
        if (const QString status = scalar("expected_status"); !status.isEmpty())
            add(QStringLiteral("[STATUS] == %1").arg(status), "expected_status");
        else if (!givenByUser)
            add(QStringLiteral("[STATUS] < 400"));
        if (const QString keyword = scalar("keyword"); !keyword.isEmpty())
            add(QStringLiteral("[BODY] == pat(*%1*)").arg(keyword), "keyword");
        if (const QString regex = scalar("body_regex"); !regex.isEmpty())
            add(QStringLiteral("[BODY] == re(%1)").arg(regex), "body_regex");
    } else if (type == QLatin1String("dns")) {
        if (!givenByUser)
            add(QStringLiteral("[DNS_RCODE] == NOERROR"));
        if (const QString expected = scalar("expected"); !expected.isEmpty())
            add(QStringLiteral("[BODY] == %1").arg(expected), "expected");
    } else if (givenByUser) {
        return true;
    } else if (type == QLatin1String("tcp")) {
        add(QStringLiteral("[CONNECTED] == true"));
    } else if (type == QLatin1String("tls")) {
        add(QStringLiteral("[CONNECTED] == true"));
        add(QStringLiteral("[CERTIFICATE_EXPIRATION] > 0"));
    } else if (type == QLatin1String("redis")) {
        add(QStringLiteral("[RESPONSE] == PONG"));
    } else if (type == QLatin1String("postgres")) {
        // With credentials the check logs in and runs SELECT 1 (when Qt's driver is there).
        add(check->hasPasswordSource() ? QStringLiteral("[QUERY] == true")
                                       : QStringLiteral("[ACCEPTING] == true"));
    } else if (type == QLatin1String("system")) {
        if (check->metric == QLatin1String("disk"))
            add(QStringLiteral("[USED_PERCENT] < 90"));
        else if (check->metric == QLatin1String("memory"))
            add(QStringLiteral("[AVAILABLE_PERCENT] > 10"));
        else
            add(QStringLiteral("[LOAD_PER_CPU] < 2"));
    }
    return valid;
}

} // namespace ic::health
