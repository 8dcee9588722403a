#include "health/CheckTypes.h"
#include "health/TargetFields.h"
#include "health/probes/SystemProbe.h"

namespace ic::health {
namespace {

// PlaceholderSpec::unavailableBecause for a value only some metrics report.
std::function<QString(const CheckDefinition &)> onlyFor(const QStringList &metrics)
{
    return [metrics](const CheckDefinition &check) {
        return metrics.contains(check.metric)
                   ? QString()
                   : QStringLiteral("needs metric %1").arg(metrics.join(QStringLiteral(" or ")));
    };
}

} // namespace

// Disk, memory or load of the console's own machine; see probes/SystemProbe.h.
CheckType makeSystemCheck()
{
    CheckType type;
    type.name = QStringLiteral("system");
    type.fields = {QStringLiteral("metric"), QStringLiteral("path")};
    type.readTarget = [](TargetFields &fields, CheckDefinition *check) {
        const auto metric = fields.required("metric");
        if (!metric)
            return false;
        if (!QStringList{QStringLiteral("disk"), QStringLiteral("memory"), QStringLiteral("load")}
                 .contains(*metric)) {
            fields.problem("metric",
                           QStringLiteral("'%1' is not a system metric; valid: disk, memory, load")
                               .arg(*metric));
            return false;
        }
        check->metric = *metric;
        check->path = fields.text("path", QStringLiteral("/")).value_or(QStringLiteral("/"));
        return fields.valid();
    };
    type.addConditions = [](TargetFields &fields, CheckDefinition *check, bool givenByUser) {
        if (givenByUser)
            return;
        if (check->metric == QLatin1String("disk"))
            fields.addCondition(check, QStringLiteral("[USED_PERCENT] < 90"));
        else if (check->metric == QLatin1String("memory"))
            fields.addCondition(check, QStringLiteral("[AVAILABLE_PERCENT] > 10"));
        else
            fields.addCondition(check, QStringLiteral("[LOAD_PER_CPU] < 2"));
    };
    const QStringList storage{QStringLiteral("disk"), QStringLiteral("memory")};
    type.placeholders = {
        {QStringLiteral("[USED_PERCENT]"), false, onlyFor(storage)},
        {QStringLiteral("[AVAILABLE_BYTES]"), false, onlyFor(storage)},
        {QStringLiteral("[TOTAL_BYTES]"), false, onlyFor({QStringLiteral("disk")})},
        {QStringLiteral("[AVAILABLE_PERCENT]"), false, onlyFor({QStringLiteral("memory")})},
        {QStringLiteral("[LOAD1]"), false, onlyFor({QStringLiteral("load")})},
        {QStringLiteral("[LOAD5]"), false, onlyFor({QStringLiteral("load")})},
        {QStringLiteral("[LOAD15]"), false, onlyFor({QStringLiteral("load")})},
        {QStringLiteral("[CPUS]"), false, onlyFor({QStringLiteral("load")})},
        {QStringLiteral("[LOAD_PER_CPU]"), false, onlyFor({QStringLiteral("load")})}};
    type.createProbe = [](const CheckDefinition &check, QNetworkAccessManager *,
                          QObject *parent) -> Probe * {
        return new SystemProbe(check, parent);
    };
    return type;
}

} // namespace ic::health
