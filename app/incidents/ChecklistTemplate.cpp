#include "ChecklistTemplate.h"

#include "DoneWhen.h"
#include "Incident.h"
#include "TemplateItemYaml.h"
#include "YamlFields.h"

#include <QRegularExpression>

namespace ic::incidents {
namespace {

DueRule parseDue(const YAML::Node &item)
{
    if (item["due"] && yaml::optionalText(item, "due") == QLatin1String("response_target"))
        return {DueRule::Kind::ResponseTarget, 0};
    if (const auto seconds = yaml::optionalDuration(item, "due"))
        return {DueRule::Kind::Offset, *seconds};
    return {};
}

} // namespace

TemplateItem parseTemplateItem(const YAML::Node &node, const QString &phase)
{
    if (!node.IsMap())
        yaml::fail(node, QStringLiteral("an item must be a mapping with 'text'"));
    TemplateItem item{phase,
                      yaml::requiredText(node, "text"),
                      parseDue(node),
                      yaml::optionalText(node, "milestone").toLower(),
                      parseCalledRole(node),
                      {}};
    if (node["done_when"]) {
        QString problem;
        const auto action = done_when::parse(yaml::optionalText(node, "done_when"), &problem);
        if (!action)
            yaml::fail(node["done_when"], QStringLiteral("field 'done_when': %1").arg(problem));
        item.doneWhen = *action;
    }
    if (!item.milestone.isEmpty() && !parseMilestone(item.milestone))
        yaml::fail(node["milestone"],
                   QStringLiteral("field 'milestone': '%1' is not one of %2")
                       .arg(item.milestone, milestoneChoices().join(QStringLiteral(", "))));
    return item;
}

QString parseCalledRole(const YAML::Node &node)
{
    const QString call = yaml::optionalText(node, "call");
    static const QRegularExpression role(QStringLiteral("^[a-z0-9][a-z0-9_.-]{0,63}$"));
    if (!call.isEmpty() && !role.match(call).hasMatch())
        yaml::fail(node["call"], QStringLiteral("field 'call' names a role of contacts.yaml: "
                                                "lower-case letters, digits and dashes "
                                                "(team-lead)"));
    return call;
}

std::optional<ChecklistTemplate> parseChecklistTemplate(const QByteArray &text,
                                                        const QString &sourceName, QString *error)
{
    try {
        const YAML::Node root = yaml::load(text);
        ChecklistTemplate result;
        result.name = yaml::requiredText(root, "name");
        for (const YAML::Node &phase : yaml::requiredSequence(root, "phases")) {
            if (!phase.IsMap())
                yaml::fail(phase,
                           QStringLiteral("a phase must be a mapping with 'name' and 'items'"));
            const QString name = yaml::requiredText(phase, "name");
            if (result.phases.contains(name))
                yaml::fail(phase, QStringLiteral("phase '%1' appears twice").arg(name));
            result.phases << name;
            for (const YAML::Node &item : yaml::requiredSequence(phase, "items"))
                result.items.push_back(parseTemplateItem(item, name));
        }
        return result;
    } catch (const yaml::FieldError &e) {
        if (error)
            *error = yaml::describe(sourceName, e);
    } catch (const YAML::Exception &e) {
        if (error)
            *error = yaml::describe(sourceName, {e.mark.line + 1, QString::fromStdString(e.msg)});
    }
    return std::nullopt;
}

} // namespace ic::incidents
