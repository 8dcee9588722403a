#include "AlertsConfig.h"

#include "core/ConsoleSecrets.h"
#include "core/Duration.h"
#include "core/PrivateFiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QUrlQuery>
#include <yaml-cpp/yaml.h>

namespace ic::alerts {
namespace {

constexpr std::chrono::milliseconds longest = std::chrono::hours(24);

// Walks one alerts.yaml, recording every problem with its line and field.
class Reader
{
public:
    Reader(QString fileName, QList<ConfigProblem> *problems)
        : m_file(std::move(fileName)), m_problems(problems)
    {}

    void problem(const YAML::Node &node, const QString &field, const QString &message)
    {
        m_problems->append({m_file, node.Mark().line + 1, field, message});
    }
    qsizetype problemCount() const { return m_problems->size(); }

    std::optional<QString> text(const YAML::Node &node, const QString &field)
    {
        if (!node.IsScalar()) {
            problem(node, field, QStringLiteral("must be a single value"));
            return std::nullopt;
        }
        return QString::fromStdString(node.Scalar());
    }

    std::optional<bool> boolean(const YAML::Node &node, const QString &field)
    {
        const auto value = text(node, field);
        if (!value)
            return std::nullopt;
        const QString v = value->toLower();
        if (v == QLatin1String("true") || v == QLatin1String("yes"))
            return true;
        if (v == QLatin1String("false") || v == QLatin1String("no"))
            return false;
        problem(node, field, QStringLiteral("must be true or false, not '%1'").arg(*value));
        return std::nullopt;
    }

    std::optional<std::chrono::milliseconds> duration(const YAML::Node &node, const QString &field)
    {
        const auto value = text(node, field);
        if (!value)
            return std::nullopt;
        const auto parsed = parseDuration(*value);
        if (!parsed || parsed->count() <= 0) {
            problem(node, field,
                    QStringLiteral("'%1' is not a duration; write it with a unit, e.g. 15s, 2m")
                        .arg(*value));
            return std::nullopt;
        }
        if (*parsed > longest) {
            problem(node, field,
                    QStringLiteral("'%1' is too long; at most %2")
                        .arg(*value, formatDuration(longest)));
            return std::nullopt;
        }
        return *parsed;
    }

    std::optional<QStringList> textList(const YAML::Node &node, const QString &field)
    {
        if (!node.IsSequence()) {
            problem(node, field, QStringLiteral("must be a list"));
            return std::nullopt;
        }
        QStringList values;
        for (std::size_t i = 0; i < node.size(); ++i) {
            const auto value = text(node[i], QStringLiteral("%1[%2]").arg(field).arg(i));
            if (!value)
                return std::nullopt;
            values << *value;
        }
        return values;
    }

    // Reports keys of map that are not in valid.
    bool onlyKnown(const YAML::Node &map, const QString &prefix, const QStringList &valid)
    {
        bool clean = true;
        for (const auto &entry : map) {
            const QString key = QString::fromStdString(entry.first.as<std::string>(""));
            if (!valid.contains(key)) {
                problem(entry.first, prefix.isEmpty() ? key : prefix + QLatin1Char('.') + key,
                        QStringLiteral("unknown field; valid: %1")
                            .arg(valid.join(QStringLiteral(", "))));
                clean = false;
            }
        }
        return clean;
    }

    // env or file, never the secret itself: <base>_env / <base>_file in map.
    std::optional<SecretRef> secret(const YAML::Node &map, const QString &prefix,
                                    const QString &base)
    {
        SecretRef ref;
        const std::string envKey = QString(base + QStringLiteral("_env")).toStdString();
        const std::string fileKey = QString(base + QStringLiteral("_file")).toStdString();
        if (const YAML::Node inline_ = map[base.toStdString()]; inline_) {
            problem(inline_, prefix + base,
                    QStringLiteral("is never written in alerts.yaml; name an environment variable "
                                   "with %1_env or a file with %1_file")
                        .arg(base));
            return std::nullopt;
        }
        if (const YAML::Node env = map[envKey]; env) {
            const auto value = text(env, prefix + base + QStringLiteral("_env"));
            if (!value)
                return std::nullopt;
            // The token goes to the source's server: never one of the console's own secrets.
            if (const QString why = whyNotAPasswordVariable(*value); !why.isEmpty()) {
                problem(env, prefix + base + QStringLiteral("_env"), why);
                return std::nullopt;
            }
            ref.env = *value;
        }
        if (const YAML::Node file = map[fileKey]; file) {
            const auto value = text(file, prefix + base + QStringLiteral("_file"));
            if (!value)
                return std::nullopt;
            ref.file = QDir::isAbsolutePath(*value)
                           ? *value
                           : QFileInfo(m_file).absoluteDir().filePath(*value);
            if (const QString why = whyNotAPasswordFile(ref.file); !why.isEmpty()) {
                problem(file, prefix + base + QStringLiteral("_file"), why);
                return std::nullopt;
            }
        }
        if (!ref.env.isEmpty() && !ref.file.isEmpty()) {
            problem(map[fileKey], prefix + base + QStringLiteral("_file"),
                    QStringLiteral("give one of %1_env or %1_file").arg(base));
            return std::nullopt;
        }
        return ref;
    }

    std::optional<AlertSource> source(const YAML::Node &node, const QString &field,
                                      const AlertSource &defaults);

private:
    QString m_file;
    QList<ConfigProblem> *m_problems;
};

const QStringList sourceFields{QStringLiteral("name"),
                               QStringLiteral("type"),
                               QStringLiteral("url"),
                               QStringLiteral("interval"),
                               QStringLiteral("timeout"),
                               QStringLiteral("filter"),
                               QStringLiteral("silenced"),
                               QStringLiteral("inhibited"),
                               QStringLiteral("headers"),
                               QStringLiteral("bearer_token_env"),
                               QStringLiteral("bearer_token_file"),
                               QStringLiteral("bearer_token"),
                               QStringLiteral("basic_auth"),
                               QStringLiteral("tls_verify")};

std::optional<AlertSource> Reader::source(const YAML::Node &node, const QString &field,
                                          const AlertSource &defaults)
{
    if (!node.IsMap()) {
        problem(node, field, QStringLiteral("must be a map with name, type and url"));
        return std::nullopt;
    }
    const qsizetype before = problemCount();
    onlyKnown(node, field, sourceFields);
    AlertSource source = defaults;
    source.line = node.Mark().line + 1;
    const QString at = field + QLatin1Char('.');
    for (const char *required : {"name", "type", "url"}) {
        if (!node[required])
            problem(node, at + QLatin1String(required), QStringLiteral("missing"));
    }
    if (const YAML::Node n = node["name"]; n) {
        source.name = text(n, at + QStringLiteral("name")).value_or(QString()).trimmed();
        if (n.IsScalar() && source.name.isEmpty())
            problem(n, at + QStringLiteral("name"), QStringLiteral("must not be empty"));
    }
    if (const YAML::Node n = node["type"]; n) {
        const QString type = text(n, at + QStringLiteral("type")).value_or(QString());
        if (type == QLatin1String("alertmanager"))
            source.type = AlertSource::Type::Alertmanager;
        else if (type == QLatin1String("prometheus"))
            source.type = AlertSource::Type::Prometheus;
        else if (n.IsScalar())
            problem(n, at + QStringLiteral("type"),
                    QStringLiteral("'%1' is no source type; valid: alertmanager, prometheus")
                        .arg(type));
    }
    if (const YAML::Node n = node["url"]; n) {
        const QString text_ = text(n, at + QStringLiteral("url")).value_or(QString());
        source.url = QUrl(text_, QUrl::StrictMode);
        const QString scheme = source.url.scheme();
        if (n.IsScalar() && (!source.url.isValid() || source.url.host().isEmpty() ||
                             (scheme != QLatin1String("http") && scheme != QLatin1String("https"))))
            problem(n, at + QStringLiteral("url"),
                    QStringLiteral("'%1' is not an http:// or https:// URL").arg(text_));
    }
    if (const YAML::Node n = node["interval"]; n)
        source.interval = duration(n, at + QStringLiteral("interval")).value_or(source.interval);
    if (const YAML::Node n = node["timeout"]; n)
        source.timeout = duration(n, at + QStringLiteral("timeout")).value_or(source.timeout);
    if (const YAML::Node n = node["filter"]; n) {
        if (source.type != AlertSource::Type::Alertmanager)
            problem(n, at + QStringLiteral("filter"),
                    QStringLiteral("only an alertmanager source filters; Prometheus lists all"));
        else if (n.IsScalar())
            source.filter = {QString::fromStdString(n.Scalar())};
        else
            source.filter = textList(n, at + QStringLiteral("filter")).value_or(QStringList());
    }
    for (const char *flag : {"silenced", "inhibited"}) {
        const YAML::Node n = node[flag];
        if (!n)
            continue;
        if (source.type != AlertSource::Type::Alertmanager) {
            problem(n, at + QLatin1String(flag),
                    QStringLiteral("only an alertmanager source has silenced and inhibited "
                                   "alerts"));
            continue;
        }
        const bool value = boolean(n, at + QLatin1String(flag)).value_or(true);
        (qstrcmp(flag, "silenced") == 0 ? source.silenced : source.inhibited) = value;
    }
    if (const YAML::Node n = node["tls_verify"]; n)
        source.tlsVerify = boolean(n, at + QStringLiteral("tls_verify")).value_or(true);
    if (const YAML::Node n = node["headers"]; n) {
        if (!n.IsMap()) {
            problem(n, at + QStringLiteral("headers"), QStringLiteral("must be a map"));
        } else {
            for (const auto &entry : n) {
                const QString name = QString::fromStdString(entry.first.as<std::string>(""));
                const QString headerField = at + QStringLiteral("headers.") + name;
                if (name.compare(QLatin1String("Authorization"), Qt::CaseInsensitive) == 0) {
                    problem(entry.first, headerField,
                            QStringLiteral("credentials are never written in alerts.yaml; use "
                                           "bearer_token_env, bearer_token_file or basic_auth"));
                    continue;
                }
                if (const auto value = text(entry.second, headerField))
                    source.headers.append({name, *value});
            }
        }
    }
    if (const auto token = secret(node, at, QStringLiteral("bearer_token")))
        source.bearerToken = *token;
    if (const YAML::Node n = node["basic_auth"]; n) {
        const QString authField = at + QStringLiteral("basic_auth");
        if (!n.IsMap()) {
            problem(n, authField,
                    QStringLiteral("must be a map with username and password_env "
                                   "or password_file"));
        } else {
            onlyKnown(n, authField,
                      {QStringLiteral("username"), QStringLiteral("password_env"),
                       QStringLiteral("password_file"), QStringLiteral("password")});
            if (const YAML::Node user = n["username"]; user)
                source.basicAuthUser =
                    text(user, authField + QStringLiteral(".username")).value_or(QString());
            else
                problem(n, authField + QStringLiteral(".username"), QStringLiteral("missing"));
            if (const auto password =
                    secret(n, authField + QLatin1Char('.'), QStringLiteral("password")))
                source.basicAuthPassword = *password;
            if (source.bearerToken.isSet())
                problem(n, authField, QStringLiteral("give either a bearer token or basic_auth"));
        }
    }
    if (problemCount() > before)
        return std::nullopt;
    return source;
}

} // namespace

QString AlertSource::typeId() const
{
    return type == Type::Alertmanager ? QStringLiteral("alertmanager")
                                      : QStringLiteral("prometheus");
}

QUrl AlertSource::alertsUrl() const
{
    QUrl result = url;
    QString path = result.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    if (type == Type::Prometheus) {
        result.setPath(path + QStringLiteral("/api/v1/alerts"));
        return result;
    }
    result.setPath(path + QStringLiteral("/api/v2/alerts"));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("active"), QStringLiteral("true"));
    query.addQueryItem(QStringLiteral("silenced"),
                       silenced ? QStringLiteral("true") : QStringLiteral("false"));
    query.addQueryItem(QStringLiteral("inhibited"),
                       inhibited ? QStringLiteral("true") : QStringLiteral("false"));
    for (const QString &matcher : filter)
        query.addQueryItem(QStringLiteral("filter"),
                           QString::fromUtf8(QUrl::toPercentEncoding(matcher)));
    result.setQuery(query);
    return result;
}

AlertsConfig parseAlertsConfig(const QByteArray &yaml, const QString &fileName)
{
    AlertsConfig config;
    YAML::Node root;
    try {
        root = YAML::Load(yaml.toStdString());
    } catch (const YAML::Exception &error) {
        config.problems.append(
            {fileName,
             error.mark.line + 1,
             {},
             QStringLiteral("not valid YAML: %1").arg(QString::fromStdString(error.msg))});
        return config;
    }
    if (root.IsNull())
        return config;
    Reader reader(fileName, &config.problems);
    if (!root.IsMap()) {
        reader.problem(root, {},
                       QStringLiteral("expected a map with defaults, severity_map, "
                                      "service_labels and sources"));
        return config;
    }
    reader.onlyKnown(root, {},
                     {QStringLiteral("defaults"), QStringLiteral("severity_map"),
                      QStringLiteral("service_labels"), QStringLiteral("sources")});
    AlertSource defaults;
    if (const YAML::Node node = root["defaults"]; node) {
        if (!node.IsMap()) {
            reader.problem(node, QStringLiteral("defaults"), QStringLiteral("must be a map"));
        } else {
            reader.onlyKnown(node, QStringLiteral("defaults"),
                             {QStringLiteral("interval"), QStringLiteral("timeout")});
            if (node["interval"])
                defaults.interval =
                    reader.duration(node["interval"], QStringLiteral("defaults.interval"))
                        .value_or(defaults.interval);
            if (node["timeout"])
                defaults.timeout =
                    reader.duration(node["timeout"], QStringLiteral("defaults.timeout"))
                        .value_or(defaults.timeout);
        }
    }
    if (const YAML::Node node = root["severity_map"]; node) {
        if (!node.IsMap()) {
            reader.problem(node, QStringLiteral("severity_map"),
                           QStringLiteral("must be a map such as { critical: SEV-1 }"));
        } else {
            for (const auto &entry : node) {
                const QString label =
                    QString::fromStdString(entry.first.as<std::string>("")).trimmed().toLower();
                if (const auto level =
                        reader.text(entry.second, QStringLiteral("severity_map.") + label))
                    config.severityMap.append({label, level->trimmed()});
            }
        }
    }
    if (const YAML::Node node = root["service_labels"]; node) {
        if (const auto labels = reader.textList(node, QStringLiteral("service_labels")))
            config.serviceLabels = *labels;
    }
    const YAML::Node sources = root["sources"];
    if (!sources || sources.IsNull())
        return config;
    if (!sources.IsSequence()) {
        reader.problem(sources, QStringLiteral("sources"), QStringLiteral("must be a list"));
        return config;
    }
    QSet<QString> names;
    for (std::size_t i = 0; i < sources.size(); ++i) {
        const QString field = QStringLiteral("sources[%1]").arg(i);
        auto source = reader.source(sources[i], field, defaults);
        if (!source)
            continue;
        if (names.contains(source->name)) {
            reader.problem(sources[i]["name"], field + QStringLiteral(".name"),
                           QStringLiteral("'%1' is used by an earlier source; names must be "
                                          "unique")
                               .arg(source->name));
            continue;
        }
        names.insert(source->name);
        config.sources.append(*source);
    }
    return config;
}

AlertsConfig loadAlertsConfig(const QString &path)
{
    if (const QString why = whyNotTrusted(path); !why.isEmpty()) {
        AlertsConfig config;
        config.problems.append(
            {path, 0, {}, why.startsWith(path) ? why.mid(path.size()).trimmed() : why});
        return config;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        AlertsConfig config;
        config.problems.append(
            {path, 0, {}, QStringLiteral("cannot read: %1").arg(file.errorString())});
        return config;
    }
    return parseAlertsConfig(file.read(1024 * 1024), path);
}

QString alertsConfigPath(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("alerts.yaml"));
}

QString ensureDefaultAlertsConfig(const QString &dataDir)
{
    const QString target = alertsConfigPath(dataDir);
    if (QFileInfo::exists(target))
        return {};
    QFile source(QStringLiteral(":/alerts/alerts.yaml"));
    if (!source.open(QIODevice::ReadOnly))
        return QStringLiteral("the built-in default alerts.yaml is missing from this build");
    QFile out(target);
    // NewOnly: never overwrite a file another instance wrote a moment ago.
    if (!out.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
        if (QFileInfo::exists(target))
            return {};
        return QStringLiteral("cannot write %1: %2").arg(target, out.errorString());
    }
    if (out.write(source.readAll()) < 0)
        return QStringLiteral("cannot write %1: %2").arg(target, out.errorString());
    return {};
}

std::optional<QString> readSecret(const SecretRef &secret, QString *problem)
{
    if (!secret.env.isEmpty()) {
        const QByteArray name = secret.env.toLocal8Bit();
        if (!qEnvironmentVariableIsSet(name.constData())) {
            *problem = QStringLiteral("environment variable %1 is not set").arg(secret.env);
            return std::nullopt;
        }
        return qEnvironmentVariable(name.constData());
    }
    if (secret.file.isEmpty())
        return QString();
    QFile file(secret.file);
    if (!file.open(QIODevice::ReadOnly)) {
        *problem = QStringLiteral("cannot read %1: %2").arg(secret.file, file.errorString());
        return std::nullopt;
    }
    return QString::fromUtf8(file.readLine(64 * 1024))
        .remove(QLatin1Char('\n'))
        .remove(QLatin1Char('\r'));
}

} // namespace ic::alerts
