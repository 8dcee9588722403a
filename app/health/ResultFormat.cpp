#include "ResultFormat.h"

#include "core/Ids.h"

namespace ic::health {

QJsonObject resultToJson(const CheckResult &result)
{
    QJsonArray conditions;
    for (const ConditionResult &condition : result.conditions) {
        QJsonObject item{{QStringLiteral("condition"), condition.condition},
                         {QStringLiteral("resolved"), condition.resolved},
                         {QStringLiteral("success"), condition.success},
                         {QStringLiteral("level"), condition.warning ? QStringLiteral("warning")
                                                                     : QStringLiteral("critical")}};
        if (!condition.reason.isEmpty())
            item.insert(QStringLiteral("reason"), condition.reason);
        conditions.append(item);
    }
    return {{QStringLiteral("name"), result.name},
            {QStringLiteral("group"), result.group},
            {QStringLiteral("type"), result.type},
            {QStringLiteral("state"), stateName(result.state)},
            {QStringLiteral("latency_ms"), result.latencyMs},
            {QStringLiteral("message"), result.message},
            {QStringLiteral("checked_at"), toIsoWithOffset(result.checkedAt)},
            {QStringLiteral("conditions"), conditions}};
}

QJsonArray resultsToJson(const QList<CheckResult> &results)
{
    QJsonArray array;
    for (const CheckResult &result : results)
        array.append(resultToJson(result));
    return array;
}

QString resultsToTable(const QList<CheckResult> &results)
{
    qsizetype nameWidth = 4;
    qsizetype groupWidth = 5;
    for (const CheckResult &result : results) {
        nameWidth = std::max(nameWidth, result.name.size());
        groupWidth = std::max(groupWidth, result.group.size());
    }
    const auto row = [&](const QString &state, const QString &name, const QString &group,
                         const QString &type, const QString &latency, const QString &message) {
        return QStringLiteral("%1  %2  %3  %4  %5  %6\n")
            .arg(state, -7)
            .arg(name, -int(nameWidth))
            .arg(group, -int(groupWidth))
            .arg(type, -10)
            .arg(latency, 8)
            .arg(message);
    };
    QString table =
        row(QStringLiteral("STATE"), QStringLiteral("NAME"), QStringLiteral("GROUP"),
            QStringLiteral("TYPE"), QStringLiteral("LATENCY"), QStringLiteral("MESSAGE"));
    for (const CheckResult &result : results)
        table += row(stateName(result.state), result.name, result.group, result.type,
                     QStringLiteral("%1ms").arg(result.latencyMs), result.message);
    return table;
}

} // namespace ic::health
