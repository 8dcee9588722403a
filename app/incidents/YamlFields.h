#pragma once

#include <QString>
#include <optional>
#include <yaml-cpp/yaml.h>

namespace ic::incidents::yaml {

// Thrown while walking a parsed document; the loader turns it into "file:line: message".
struct FieldError
{
    int line = 0; // 1-based
    QString message;
};

[[noreturn]] void fail(const YAML::Node &node, const QString &message);

// Loads the document, turning yaml-cpp's syntax errors into FieldError.
YAML::Node load(const QByteArray &text);

// The mapping's child, which must be present and a non-empty scalar.
QString requiredText(const YAML::Node &map, const char *key);
QString optionalText(const YAML::Node &map, const char *key);
// A duration such as "15m" or "24h" in seconds; nothing when the key is absent.
std::optional<qint64> optionalDuration(const YAML::Node &map, const char *key);
YAML::Node requiredSequence(const YAML::Node &map, const char *key);

// "file:line: message".
QString describe(const QString &sourceName, const FieldError &error);

} // namespace ic::incidents::yaml
