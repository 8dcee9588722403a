#include "TomlFrontMatter.h"

#include <QDate>
#include <QTime>
#include <toml++/toml.h>

namespace ic::runbooks {
namespace {

QString dateText(const toml::date &date)
{
    return QDate(date.year, date.month, date.day).toString(Qt::ISODate);
}

QString timeText(const toml::time &time)
{
    return QTime(time.hour, time.minute, time.second).toString(Qt::ISODate);
}

YAML::Node toYaml(const toml::node &node)
{
    switch (node.type()) {
    case toml::node_type::table: {
        YAML::Node map(YAML::NodeType::Map);
        for (const auto &[key, value] : *node.as_table())
            map[std::string(key.str())] = toYaml(value);
        return map;
    }
    case toml::node_type::array: {
        YAML::Node list(YAML::NodeType::Sequence);
        for (const toml::node &value : *node.as_array())
            list.push_back(toYaml(value));
        return list;
    }
    case toml::node_type::string:
        return YAML::Node(node.as_string()->get());
    case toml::node_type::integer:
        return YAML::Node(std::to_string(node.as_integer()->get()));
    case toml::node_type::floating_point:
        return YAML::Node(QString::number(node.as_floating_point()->get()).toStdString());
    case toml::node_type::boolean:
        return YAML::Node(node.as_boolean()->get() ? "true" : "false");
    case toml::node_type::date:
        return YAML::Node(dateText(node.as_date()->get()).toStdString());
    case toml::node_type::time:
        return YAML::Node(timeText(node.as_time()->get()).toStdString());
    case toml::node_type::date_time: {
        const toml::date_time &when = node.as_date_time()->get();
        return YAML::Node(
            QString(dateText(when.date) + QLatin1Char('T') + timeText(when.time)).toStdString());
    }
    case toml::node_type::none:
        break;
    }
    return YAML::Node(YAML::NodeType::Null);
}

} // namespace

Result<YAML::Node> tomlAsYaml(const QString &toml, int firstLine)
{
    const std::string text = toml.toStdString();
    try {
        const toml::table table = toml::parse(text);
        return toYaml(table);
    } catch (const toml::parse_error &error) {
        const int line = firstLine + std::max(0, int(error.source().begin.line) - 1);
        return failure(QStringLiteral("front matter line %1: %2")
                           .arg(line)
                           .arg(QString::fromUtf8(error.description().data(),
                                                  qsizetype(error.description().size()))));
    }
}

} // namespace ic::runbooks
