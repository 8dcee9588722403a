#include "TargetFields.h"

#include "CheckFields.h"
#include "Conditions.h"

#include <QDir>
#include <QUrl>
#include <yaml-cpp/yaml.h>

namespace ic::health {

TargetFields::TargetFields(FieldReader &reader, const YAML::Node &node, QString where,
                           QString typeName, QString configDir)
    : m_reader(reader), m_node(node), m_where(std::move(where)), m_typeName(std::move(typeName)),
      m_configDir(std::move(configDir)), m_problemsBefore(reader.problemCount())
{}

QString TargetFields::fieldName(const char *name) const
{
    return m_where + QLatin1Char('.') + QLatin1String(name);
}

YAML::Node TargetFields::node(const char *name) const
{
    return m_node[name];
}

bool TargetFields::has(const char *name) const
{
    return bool(node(name));
}

QString TargetFields::scalar(const char *name) const
{
    const YAML::Node value = node(name);
    return value && value.IsScalar() ? QString::fromStdString(value.Scalar()) : QString();
}

std::optional<QString> TargetFields::required(const char *name)
{
    const YAML::Node value = node(name);
    if (!value) {
        m_reader.problem(m_node, fieldName(name),
                         QStringLiteral("missing; a %1 check needs it").arg(m_typeName));
        return std::nullopt;
    }
    auto result = m_reader.text(value, fieldName(name));
    if (result && result->trimmed().isEmpty()) {
        m_reader.problem(value, fieldName(name), QStringLiteral("must not be empty"));
        return std::nullopt;
    }
    return result;
}

std::optional<QString> TargetFields::text(const char *name, const QString &fallback)
{
    const YAML::Node value = node(name);
    return value ? m_reader.text(value, fieldName(name)) : fallback;
}

std::optional<int> TargetFields::integer(const char *name, int fallback, int min, int max)
{
    const YAML::Node value = node(name);
    return value ? m_reader.integer(value, fieldName(name), min, max) : fallback;
}

std::optional<bool> TargetFields::boolean(const char *name, bool fallback)
{
    const YAML::Node value = node(name);
    return value ? m_reader.boolean(value, fieldName(name)) : fallback;
}

std::optional<QStringList> TargetFields::list(const char *name)
{
    const YAML::Node value = node(name);
    if (!value || !value.IsSequence())
        return std::nullopt;
    QStringList items;
    for (const auto &item : value)
        items.append(m_reader.text(item, fieldName(name)).value_or(QString()));
    return items;
}

void TargetFields::problem(const char *name, const QString &message)
{
    const YAML::Node value = node(name);
    m_reader.problem(value ? value : m_node, fieldName(name), message);
}

bool TargetFields::valid() const
{
    return m_reader.problemCount() == m_problemsBefore;
}

QString TargetFields::relativeToConfig(const QString &path) const
{
    return QDir(m_configDir).absoluteFilePath(path);
}

void TargetFields::addCondition(CheckDefinition *check, const QString &text, const char *standsFor)
{
    if (standsFor) {
        if (const QString error = conditionSyntaxError(text); !error.isEmpty()) {
            problem(standsFor, QStringLiteral("'%1' does not make a valid condition: %2")
                                   .arg(scalar(standsFor), error));
            return;
        }
    }
    check->conditions.append({text, false});
}

bool TargetFields::readUrl(CheckDefinition *check)
{
    const auto url = required("url");
    if (!url)
        return false;
    const QUrl parsed(*url);
    if (!parsed.isValid() ||
        (parsed.scheme() != QLatin1String("http") && parsed.scheme() != QLatin1String("https"))) {
        problem("url", QStringLiteral("'%1' is not an http:// or https:// URL").arg(*url));
        return false;
    }
    check->url = *url;
    return true;
}

bool TargetFields::readHeaders(CheckDefinition *check)
{
    const YAML::Node headers = node("headers");
    if (!headers)
        return true;
    if (!headers.IsMap()) {
        problem("headers", QStringLiteral("must be a map of name: value"));
        return false;
    }
    for (const auto &entry : headers)
        check->headers.insert(
            QString::fromStdString(entry.first.as<std::string>("")),
            m_reader.text(entry.second, fieldName("headers")).value_or(QString()));
    return true;
}

bool TargetFields::readTlsVerify(CheckDefinition *check)
{
    const auto verify = boolean("tls_verify", true);
    check->tlsVerify = verify.value_or(true);
    return verify.has_value();
}

bool TargetFields::readHost(CheckDefinition *check, const QString &fallback)
{
    const auto host = fallback.isEmpty() ? required("host") : text("host", fallback);
    if (!host)
        return false;
    check->host = *host;
    return true;
}

bool TargetFields::readPort(CheckDefinition *check, int fallback)
{
    if (fallback == 0 && !has("port")) {
        problem("port", QStringLiteral("missing; a %1 check needs a port").arg(m_typeName));
        return false;
    }
    const auto port = integer("port", fallback, 1, 65535);
    check->port = port.value_or(0);
    return port.has_value();
}

} // namespace ic::health
