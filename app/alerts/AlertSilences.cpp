#include "AlertSilences.h"

#include "AlertHttp.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace ic::alerts {
namespace {

QUrl apiUrl(const AlertSource &source, const QString &path)
{
    QUrl url = source.url;
    QString base = url.path();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    url.setPath(base + path);
    url.setQuery(QString());
    return url;
}

QString utcText(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

} // namespace

QByteArray silenceBody(const Alert &alert, std::chrono::seconds duration, const QString &createdBy,
                       const QString &comment, const QDateTime &now)
{
    QJsonArray matchers;
    for (auto it = alert.labels.begin(); it != alert.labels.end(); ++it)
        matchers.append(QJsonObject{{QStringLiteral("name"), it.key()},
                                    {QStringLiteral("value"), it.value()},
                                    {QStringLiteral("isRegex"), false},
                                    {QStringLiteral("isEqual"), true}});
    const QJsonObject body{{QStringLiteral("matchers"), matchers},
                           {QStringLiteral("startsAt"), utcText(now)},
                           {QStringLiteral("endsAt"), utcText(now.addSecs(duration.count()))},
                           {QStringLiteral("createdBy"), createdBy},
                           {QStringLiteral("comment"), comment}};
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

void createSilence(QNetworkAccessManager *nam, const AlertSource &source, const Alert &alert,
                   std::chrono::seconds duration, const QString &createdBy, const QString &comment,
                   QObject *context, std::function<void(const Result<Silence> &)> done)
{
    if (source.type != AlertSource::Type::Alertmanager) {
        QMetaObject::invokeMethod(
            context,
            [done, name = source.name] {
                done(refusal(QStringLiteral("source %1 is Prometheus, which has no silences; "
                                            "silence the alert in the Alertmanager it notifies")
                                 .arg(name)));
            },
            Qt::QueuedConnection);
        return;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    HttpRequest request;
    request.method = "POST";
    request.url = apiUrl(source, QStringLiteral("/api/v2/silences"));
    request.body = silenceBody(alert, duration, createdBy, comment, now);
    const QDateTime endsAt = now.addSecs(duration.count());
    sendToSource(nam, source, request, context, [done, endsAt](const HttpAnswer &answer) {
        if (!answer.ok())
            return done(failure(QStringLiteral("Alertmanager did not create the silence: ") +
                                answer.problem()));
        const QString id = QJsonDocument::fromJson(answer.body)
                               .object()
                               .value(QLatin1String("silenceID"))
                               .toString();
        static const QRegularExpression valid(QStringLiteral("^[0-9A-Za-z-]{1,64}$"));
        if (!valid.match(id).hasMatch())
            return done(failure(QStringLiteral("Alertmanager's answer names no silence id")));
        done(Silence{id, endsAt});
    });
}

void expireSilence(QNetworkAccessManager *nam, const AlertSource &source, const QString &silenceId,
                   QObject *context, std::function<void(const Result<void> &)> done)
{
    HttpRequest request;
    request.method = "DELETE";
    request.url = apiUrl(source, QStringLiteral("/api/v2/silence/") +
                                     QString::fromUtf8(QUrl::toPercentEncoding(silenceId)));
    sendToSource(nam, source, request, context, [done](const HttpAnswer &answer) {
        if (!answer.ok())
            return done(failure(QStringLiteral("Alertmanager did not expire the silence: ") +
                                answer.problem()));
        done(Result<void>());
    });
}

} // namespace ic::alerts
