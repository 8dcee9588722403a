#include "SeverityScheme.h"

#include "TemplateItemYaml.h"
#include "YamlFields.h"

namespace ic::incidents {
namespace {

SeverityLevel parseLevel(const YAML::Node &node)
{
    if (!node.IsMap())
        yaml::fail(node, QStringLiteral("a level must be a mapping with 'id'"));
    SeverityLevel level;
    level.id = yaml::requiredText(node, "id");
    level.label = yaml::optionalText(node, "label");
    level.definition = yaml::requiredText(node, "definition");
    const auto target = yaml::optionalDuration(node, "response_target");
    if (!target)
        yaml::fail(node, QStringLiteral("missing field 'response_target'"));
    level.responseTargetSeconds = *target;
    if (yaml::optionalText(node, "update_every") != QLatin1String("none"))
        level.updateEverySeconds = yaml::optionalDuration(node, "update_every").value_or(0);
    if (yaml::optionalText(node, "call_out_every") != QLatin1String("none"))
        level.callOutEverySeconds = yaml::optionalDuration(node, "call_out_every").value_or(0);
    if (const YAML::Node ladder = node["escalation"]) {
        if (!ladder.IsSequence())
            yaml::fail(ladder, QStringLiteral("field 'escalation' must be a list"));
        for (const YAML::Node &step : ladder) {
            if (!step.IsMap())
                yaml::fail(step, QStringLiteral("an escalation step needs 'after' and 'step'"));
            level.escalation.push_back({yaml::optionalDuration(step, "after").value_or(0),
                                        yaml::requiredText(step, "step"), parseCalledRole(step)});
        }
    }
    if (const YAML::Node items = node["items"]) {
        if (!items.IsSequence())
            yaml::fail(items, QStringLiteral("field 'items' must be a list"));
        for (const YAML::Node &item : items)
            level.extraItems.push_back(parseTemplateItem(item, yaml::requiredText(item, "phase")));
    }
    return level;
}

} // namespace

const EscalationStep *SeverityLevel::nextEscalation(qint64 elapsedSeconds) const
{
    for (const EscalationStep &step : escalation) {
        if (step.afterSeconds > elapsedSeconds)
            return &step;
    }
    return nullptr;
}

QStringList SeverityLevel::escalationRoles() const
{
    QStringList roles;
    for (const EscalationStep &step : escalation) {
        if (!step.call.isEmpty() && !roles.contains(step.call))
            roles << step.call;
    }
    return roles;
}

const SeverityLevel *SeverityScheme::level(const QString &id) const
{
    for (const SeverityLevel &candidate : levels) {
        if (candidate.id.compare(id, Qt::CaseInsensitive) == 0)
            return &candidate;
    }
    return nullptr;
}

QStringList SeverityScheme::ids() const
{
    QStringList result;
    for (const SeverityLevel &level : levels)
        result << level.id;
    return result;
}

std::optional<SeverityScheme> parseSeverityScheme(const QByteArray &text, const QString &sourceName,
                                                  QString *error)
{
    try {
        const YAML::Node root = yaml::load(text);
        SeverityScheme scheme;
        scheme.name = yaml::requiredText(root, "name");
        for (const YAML::Node &node : yaml::requiredSequence(root, "levels")) {
            SeverityLevel level = parseLevel(node);
            if (scheme.level(level.id))
                yaml::fail(node, QStringLiteral("level '%1' appears twice").arg(level.id));
            scheme.levels.push_back(std::move(level));
        }
        return scheme;
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
