#include "YamlFields.h"

#include "core/Duration.h"

namespace ic::incidents::yaml {

void fail(const YAML::Node &node, const QString &message)
{
    throw FieldError{node.Mark().line + 1, message};
}

YAML::Node load(const QByteArray &text)
{
    try {
        YAML::Node root = YAML::Load(text.toStdString());
        if (!root.IsMap())
            throw FieldError{1, QStringLiteral("expected a mapping at the top level")};
        return root;
    } catch (const YAML::Exception &e) {
        throw FieldError{e.mark.line + 1, QString::fromStdString(e.msg)};
    }
}

QString requiredText(const YAML::Node &map, const char *key)
{
    const YAML::Node value = map[key];
    if (!value)
        fail(map, QStringLiteral("missing field '%1'").arg(QLatin1String(key)));
    if (!value.IsScalar() || value.Scalar().empty())
        fail(value, QStringLiteral("field '%1' must be non-empty text").arg(QLatin1String(key)));
    return QString::fromStdString(value.Scalar()).trimmed();
}

QString optionalText(const YAML::Node &map, const char *key)
{
    return map[key] ? requiredText(map, key) : QString();
}

std::optional<qint64> optionalDuration(const YAML::Node &map, const char *key)
{
    if (!map[key])
        return std::nullopt;
    const QString text = requiredText(map, key);
    const auto duration = parseDuration(text);
    if (!duration)
        fail(map[key], QStringLiteral("field '%1': '%2' is not a duration (e.g. 15m, 1h, 24h)")
                           .arg(QLatin1String(key), text));
    return std::chrono::duration_cast<std::chrono::seconds>(*duration).count();
}

YAML::Node requiredSequence(const YAML::Node &map, const char *key)
{
    const YAML::Node value = map[key];
    if (!value)
        fail(map, QStringLiteral("missing field '%1'").arg(QLatin1String(key)));
    if (!value.IsSequence() || value.size() == 0)
        fail(value, QStringLiteral("field '%1' must be a non-empty list").arg(QLatin1String(key)));
    return value;
}

QString describe(const QString &sourceName, const FieldError &error)
{
    return QStringLiteral("%1:%2: %3").arg(sourceName).arg(error.line).arg(error.message);
}

} // namespace ic::incidents::yaml
