#include "SlackWebhook.h"

#include "core/Logging.h"

#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace ic::comms {

SlackWebhook::SlackWebhook(QObject *parent)
    : QObject(parent), m_network(new QNetworkAccessManager(this))
{}

bool SlackWebhook::isAcceptableUrl(const QUrl &url, QString *why)
{
    if (!url.isValid() || url.host().isEmpty()) {
        *why = tr("the webhook URL is not a valid URL");
        return false;
    }
    if (url.scheme() == QLatin1String("https"))
        return true;
    const QHostAddress host(url.host());
    if (url.scheme() == QLatin1String("http") &&
        (host.isLoopback() || url.host() == QLatin1String("localhost")))
        return true;
    *why = tr("the webhook URL must use https");
    return false;
}

void SlackWebhook::post(const QUrl &webhook, const QString &text, int timeoutMs)
{
    QString why;
    if (!isAcceptableUrl(webhook, &why)) {
        // Queued: emitted from inside post(), it reached a caller not yet waiting for it, and
        // 'draft --post' with a bad URL waited forever.
        QMetaObject::invokeMethod(
            this, [this, why] { Q_EMIT finished(false, why); }, Qt::QueuedConnection);
        return;
    }
    QNetworkRequest request(webhook);
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QStringLiteral("application/json; charset=utf-8"));
    request.setTransferTimeout(timeoutMs);
    // Slack webhooks do not redirect; following one could send the message elsewhere.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    const QByteArray body =
        QJsonDocument(QJsonObject{{QStringLiteral("text"), text}}).toJson(QJsonDocument::Compact);
    QNetworkReply *reply = m_network->post(request, body);
    connect(reply, &QNetworkReply::finished, this, [this, reply] { handleReply(reply); });
}

void SlackWebhook::handleReply(QNetworkReply *reply)
{
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    QString error;
    if (reply->error() == QNetworkReply::OperationCanceledError ||
        reply->error() == QNetworkReply::TimeoutError) {
        error = tr("Slack did not answer in time; the draft is kept, try again");
    } else if (status >= 200 && status < 300) {
        log::get(log::Comms)->info("webhook post accepted ({})", status);
        Q_EMIT finished(true, {});
        return;
    } else if (status != 0) {
        const QString answer = QString::fromUtf8(reply->read(200)).simplified();
        error = tr("Slack answered %1%2; the draft is kept")
                    .arg(status)
                    .arg(answer.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(answer));
    } else {
        error = tr("cannot reach Slack (%1); the draft is kept, try again")
                    .arg(reply->errorString().remove(reply->url().toString()));
    }
    log::get(log::Comms)->warn("webhook post failed: {}", error.toStdString());
    Q_EMIT finished(false, error);
}

} // namespace ic::comms
