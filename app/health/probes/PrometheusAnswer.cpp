#include "PrometheusAnswer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cmath>

namespace ic::health {

void readPrometheusAnswer(Observation &observation)
{
    const auto undetermined = [&observation](const QString &why) {
        observation.determinate = false;
        observation.message = why;
    };
    if (!observation.values.contains(QStringLiteral("[STATUS]"))) {
        undetermined(QStringLiteral("Prometheus unreachable: %1").arg(observation.message));
        return;
    }
    const QJsonObject answer = QJsonDocument::fromJson(observation.body).object();
    if (answer.value(QStringLiteral("status")).toString() != QLatin1String("success")) {
        const QString error = answer.value(QStringLiteral("error")).toString();
        undetermined(
            error.isEmpty()
                ? QStringLiteral("not a Prometheus API answer (%1)").arg(observation.message)
                : QStringLiteral("query failed: %1: %2")
                      .arg(answer.value(QStringLiteral("errorType")).toString(), error));
        return;
    }
    const QJsonObject data = answer.value(QStringLiteral("data")).toObject();
    const QString resultType = data.value(QStringLiteral("resultType")).toString();
    QString sample;
    if (resultType == QLatin1String("vector")) {
        const QJsonArray series = data.value(QStringLiteral("result")).toArray();
        observation.values.insert(QStringLiteral("[RESULT_COUNT]"), QString::number(series.size()));
        if (series.isEmpty()) {
            undetermined(QStringLiteral("the query returned no samples"));
            return;
        }
        sample =
            series.first().toObject().value(QStringLiteral("value")).toArray().at(1).toString();
    } else if (resultType == QLatin1String("scalar")) {
        sample = data.value(QStringLiteral("result")).toArray().at(1).toString();
    } else {
        undetermined(
            QStringLiteral("the query returned a %1; use an instant vector or scalar")
                .arg(resultType.isEmpty() ? QStringLiteral("nothing usable") : resultType));
        return;
    }
    bool ok = false;
    const double value = sample.toDouble(&ok);
    if (!ok || std::isnan(value)) {
        undetermined(QStringLiteral("the sample is %1, not a number")
                         .arg(sample.isEmpty() ? QStringLiteral("missing") : sample));
        return;
    }
    observation.values.insert(QStringLiteral("[VALUE]"), sample);
    observation.message = QStringLiteral("value %1").arg(sample);
}

} // namespace ic::health
