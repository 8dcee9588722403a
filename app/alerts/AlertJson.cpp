#include "AlertJson.h"

#include "core/Ids.h"

namespace ic::alerts {
namespace {

QJsonObject mapToJson(const QMap<QString, QString> &map)
{
    QJsonObject object;
    for (auto it = map.begin(); it != map.end(); ++it)
        object.insert(it.key(), it.value());
    return object;
}

QJsonValue orNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

} // namespace

QJsonObject alertToJson(const Alert &alert, const RunbookMatch &runbook, const QString &incidentId)
{
    QJsonValue runbookValue(QJsonValue::Null);
    if (runbook.runbook)
        runbookValue = QJsonObject{{QStringLiteral("id"), runbook.runbook->id},
                                   {QStringLiteral("title"), runbook.runbook->meta.title},
                                   {QStringLiteral("path"), runbook.runbook->path}};
    return QJsonObject{
        {QStringLiteral("fingerprint"), alert.fingerprint},
        {QStringLiteral("alertname"), alert.alertname()},
        {QStringLiteral("severity"), alert.severity()},
        {QStringLiteral("state"), alertStateId(alert.state)},
        {QStringLiteral("labels"), mapToJson(alert.labels)},
        {QStringLiteral("annotations"), mapToJson(alert.annotations)},
        {QStringLiteral("starts_at"),
         alert.startsAt.isValid() ? QJsonValue(toIsoWithOffset(alert.startsAt.toLocalTime()))
                                  : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("source"), alert.source},
        {QStringLiteral("runbook"), runbookValue},
        {QStringLiteral("runbook_problem"), orNull(runbook.problem)},
        {QStringLiteral("incident"), orNull(incidentId)},
    };
}

} // namespace ic::alerts
