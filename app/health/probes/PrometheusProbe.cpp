#include "PrometheusProbe.h"

#include "PrometheusAnswer.h"

#include <QUrlQuery>

namespace ic::health {

QUrl PrometheusProbe::requestUrl() const
{
    QUrl url(check().url);
    QString path = url.path();
    if (!path.endsWith(QLatin1String("/api/v1/query"))) {
        while (path.endsWith(QLatin1Char('/')))
            path.chop(1);
        url.setPath(path + QStringLiteral("/api/v1/query"));
    }
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("query"), check().query);
    url.setQuery(query);
    return url;
}

void PrometheusProbe::interpret(Observation &observation)
{
    readPrometheusAnswer(observation);
}

} // namespace ic::health
