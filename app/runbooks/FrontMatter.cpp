#include "FrontMatter.h"

#include "TomlFrontMatter.h"
#include "core/Duration.h"

#include <QJsonArray>
#include <yaml-cpp/yaml.h>

namespace ic::runbooks {
namespace {

struct Block
{
    QString content;
    QString body;
    int bodyLine = 1;
    int contentLine = 2;
    bool found = false;
};

// A front matter block opens on the first line and closes at the next line of the same fence.
Block splitBlock(const QString &text, QLatin1String fence)
{
    Block block;
    qsizetype start = text.startsWith(QChar(0xFEFF)) ? 1 : 0;
    const qsizetype firstEnd = text.indexOf(QLatin1Char('\n'), start);
    if (firstEnd < 0 || QStringView(text).mid(start, firstEnd - start).trimmed() != fence)
        return block;
    int line = 2;
    qsizetype position = firstEnd + 1;
    while (position <= text.size()) {
        qsizetype end = text.indexOf(QLatin1Char('\n'), position);
        if (end < 0)
            end = text.size();
        if (QStringView(text).mid(position, end - position).trimmed() == fence) {
            block.found = true;
            block.content = text.mid(firstEnd + 1, position - firstEnd - 1);
            block.body = text.mid(std::min(end + 1, text.size()));
            block.bodyLine = line + 1;
            return block;
        }
        position = end + 1;
        ++line;
    }
    return block;
}

QString fromYaml(const YAML::Node &node)
{
    return QString::fromStdString(node.as<std::string>()).trimmed();
}

// YAML aliases make a tree a graph: a few lines can name one list a billion times over, or
// a node can contain itself (&a [*a]). Copying unknown fields into JSON therefore stops at
// a depth and a number of values no real front matter comes near.
struct JsonBudget
{
    static constexpr int maxDepth = 32;
    int valuesLeft = 10000;
};

QJsonValue toJson(const YAML::Node &node, JsonBudget &budget, int depth = 0)
{
    if (depth > JsonBudget::maxDepth || --budget.valuesLeft < 0)
        throw YAML::RepresentationException(
            node.Mark(), "too deeply nested or too large (an alias repeating a list?)");
    switch (node.Type()) {
    case YAML::NodeType::Sequence: {
        QJsonArray array;
        for (const auto &item : node)
            array.append(toJson(item, budget, depth + 1));
        return array;
    }
    case YAML::NodeType::Map: {
        QJsonObject object;
        for (const auto &entry : node)
            object.insert(fromYaml(entry.first), toJson(entry.second, budget, depth + 1));
        return object;
    }
    case YAML::NodeType::Scalar:
        return fromYaml(node);
    default:
        return QJsonValue::Null;
    }
}

// Lists may be written as YAML sequences or as "a, b, c".
QStringList stringList(const YAML::Node &node)
{
    QStringList values;
    if (node.IsSequence()) {
        for (const auto &item : node) {
            if (!item.IsScalar())
                throw YAML::RepresentationException(item.Mark(), "expected a list of words");
            values << fromYaml(item);
        }
    } else if (node.IsScalar()) {
        for (const QString &part : fromYaml(node).split(QLatin1Char(','), Qt::SkipEmptyParts))
            values << part.trimmed();
    } else if (!node.IsNull()) {
        throw YAML::RepresentationException(node.Mark(), "expected a list");
    }
    values.removeAll(QString());
    return values;
}

QString scalar(const YAML::Node &node)
{
    if (node.IsNull())
        return {};
    if (!node.IsScalar())
        throw YAML::RepresentationException(node.Mark(), "expected a single value");
    return fromYaml(node);
}

QDate dateValue(const YAML::Node &node)
{
    const QString text = scalar(node);
    if (text.isEmpty())
        return {};
    QDate date = QDate::fromString(text.left(10), Qt::ISODate);
    if (!date.isValid())
        throw YAML::RepresentationException(node.Mark(), "expected a date like 2026-01-31");
    return date;
}

// "30d", "2w" or a number of days.
std::optional<std::chrono::seconds> intervalValue(const YAML::Node &node)
{
    QString text = scalar(node);
    if (text.isEmpty())
        return std::nullopt;
    bool isNumber = false;
    const int days = text.toInt(&isNumber);
    if (isNumber && days > 0)
        return std::chrono::seconds(std::chrono::hours(24LL * days));
    if (text.endsWith(QLatin1Char('w'))) {
        const int weeks = text.chopped(1).toInt(&isNumber);
        if (isNumber && weeks > 0)
            return std::chrono::seconds(std::chrono::hours(24LL * 7 * weeks));
    }
    if (const auto duration = parseDuration(text); duration && duration->count() > 0)
        return std::chrono::duration_cast<std::chrono::seconds>(*duration);
    throw YAML::RepresentationException(node.Mark(), "expected an interval like 30d or 12w");
}

void applyField(RunbookMeta &meta, const QString &key, const YAML::Node &value, JsonBudget &budget)
{
    if (key == QLatin1String("title"))
        meta.title = scalar(value);
    else if (key == QLatin1String("description") || key == QLatin1String("summary"))
        meta.description = scalar(value);
    else if (key == QLatin1String("tags"))
        meta.tags = stringList(value);
    else if (key == QLatin1String("severity"))
        meta.severity = scalar(value);
    else if (key == QLatin1String("owner"))
        meta.owner = scalar(value);
    else if (key == QLatin1String("last_reviewed"))
        meta.lastReviewed = dateValue(value);
    else if (key == QLatin1String("review_every"))
        meta.reviewEvery = intervalValue(value);
    else if (key == QLatin1String("services"))
        meta.services = stringList(value);
    else if (key == QLatin1String("checks"))
        meta.checks = stringList(value);
    else if (key == QLatin1String("aliases"))
        meta.aliases = stringList(value);
    else
        meta.extra.insert(key, toJson(value, budget));
}

bool isKnownField(const QString &key)
{
    static const QStringList known{
        QStringLiteral("title"),         QStringLiteral("description"),  QStringLiteral("summary"),
        QStringLiteral("tags"),          QStringLiteral("severity"),     QStringLiteral("owner"),
        QStringLiteral("last_reviewed"), QStringLiteral("review_every"), QStringLiteral("services"),
        QStringLiteral("checks"),        QStringLiteral("aliases")};
    return known.contains(key);
}

// Applies a front matter tree, YAML or TOML alike. Hugo keeps a site's own fields under
// `params`; known ones there count too, unless the top level sets them. On failure, names the
// line (from firstLine, where the block starts) and the field.
QString applyTree(const YAML::Node &root, int firstLine, RunbookMeta &meta)
{
    QString key;
    JsonBudget budget;
    try {
        if (root.IsNull())
            return {};
        if (!root.IsMap())
            return QStringLiteral("front matter line %1: expected key: value pairs").arg(firstLine);
        if (const YAML::Node params = root["params"]; params && params.IsMap()) {
            for (const auto &entry : params) {
                key = QStringLiteral("params.") + fromYaml(entry.first);
                if (isKnownField(fromYaml(entry.first)))
                    applyField(meta, fromYaml(entry.first), entry.second, budget);
            }
        }
        for (const auto &entry : root) {
            key = fromYaml(entry.first);
            applyField(meta, key, entry.second, budget);
        }
    } catch (const YAML::Exception &error) {
        const QString where =
            QStringLiteral("front matter line %1").arg(firstLine + std::max(0, error.mark.line));
        const QString field = key.isEmpty() ? QString() : QStringLiteral(", field '%1'").arg(key);
        return where % field % QStringLiteral(": ") % QString::fromStdString(error.msg);
    }
    return {};
}

QString parseYaml(const Block &block, RunbookMeta &meta)
{
    try {
        return applyTree(YAML::Load(block.content.toStdString()), block.contentLine, meta);
    } catch (const YAML::Exception &error) {
        return QStringLiteral("front matter line %1: %2")
            .arg(block.contentLine + std::max(0, error.mark.line))
            .arg(QString::fromStdString(error.msg));
    }
}

QString parseToml(const Block &block, RunbookMeta &meta)
{
    const Result<YAML::Node> tree = tomlAsYaml(block.content, block.contentLine);
    if (!tree)
        return tree.error();
    return applyTree(*tree, block.contentLine, meta);
}

} // namespace

FrontMatterResult parseFrontMatter(const QString &text)
{
    FrontMatterResult result;
    Block block = splitBlock(text, QLatin1String("---"));
    if (block.found) {
        result.error = parseYaml(block, result.meta);
    } else if (block = splitBlock(text, QLatin1String("+++")); block.found) {
        result.error = parseToml(block, result.meta);
    } else {
        result.body = text.startsWith(QChar(0xFEFF)) ? text.mid(1) : text;
        return result;
    }
    result.body = block.body;
    result.bodyLine = block.bodyLine;
    return result;
}

} // namespace ic::runbooks
