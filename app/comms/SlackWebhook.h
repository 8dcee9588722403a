#pragma once

#include <QObject>
#include <QString>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace ic::comms {

// Posts a draft to a Slack incoming webhook ({"text": …}) without blocking: the result
// arrives through finished(), always after post() has returned (a refused URL too), so a
// caller may connect or start waiting after posting. The URL is a secret and never appears
// in logs or messages.
class SlackWebhook : public QObject
{
    Q_OBJECT
public:
    static constexpr int defaultTimeoutMs = 10000;

    explicit SlackWebhook(QObject *parent = nullptr);

    // Only https URLs are accepted, except loopback http for tests and local relays.
    static bool isAcceptableUrl(const QUrl &url, QString *why);

    void post(const QUrl &webhook, const QString &text, int timeoutMs = defaultTimeoutMs);

Q_SIGNALS:
    // ok: Slack answered 2xx. Otherwise error says what went wrong in words (no URL).
    void finished(bool ok, const QString &error);

private:
    void handleReply(QNetworkReply *reply);

    QNetworkAccessManager *m_network;
};

} // namespace ic::comms
