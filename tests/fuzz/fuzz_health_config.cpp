// health.yaml is edited by hand, often during an incident: any bytes must give checks and
// located problems, never a crash or a hang; every accepted check must have a name no other
// check uses and only well-formed conditions, including those its fields add (keyword...).
#include "health/HealthConfig.h"

#include <QSet>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray yaml(reinterpret_cast<const char *>(data), qsizetype(size));
    const ic::health::HealthConfig config =
        ic::health::parseHealthConfig(yaml, QStringLiteral("health.yaml"));
    QSet<QString> names;
    for (const ic::health::CheckDefinition &check : config.checks) {
        if (check.name.isEmpty() || names.contains(check.name))
            std::abort();
        names.insert(check.name);
        for (const ic::health::ConditionSpec &condition : check.conditions) {
            if (!ic::health::conditionSyntaxError(condition.text).isEmpty())
                std::abort(); // every condition of an accepted check is well-formed
        }
    }
    for (const ic::health::ConfigProblem &problem : config.problems) {
        if (problem.line < 0 || !problem.toString().startsWith(QLatin1String("health.yaml:")))
            std::abort(); // every problem is located in the file
    }
    return 0;
}
