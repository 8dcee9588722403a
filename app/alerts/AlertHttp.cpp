#include "AlertHttp.h"

#include "core/Duration.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QTimer>

namespace ic::alerts {
namespace {

// Qt's network thread hands over all it receives unless told otherwise: this bounds what it
// holds for us between two reads.
constexpr qint64 readBufferSize = 256 * 1024;

QString sizeText(qint64 bytes)
{
    return bytes >= 1024 * 1024 ? QStringLiteral("%1 MB").arg(bytes / (1024 * 1024))
                                : QStringLiteral("%1 KB").arg(bytes / 1024);
}

// One request in flight; deletes itself after calling done.
class PendingRequest : public QObject
{
public:
    PendingRequest(const AlertSource &source, const HttpRequest &request, QObject *context,
                   std::function<void(const HttpAnswer &)> done)
        : QObject(context), m_source(source), m_maxBytes(request.maxBytes), m_done(std::move(done))
    {
        m_elapsed.start();
        m_timeout.setSingleShot(true);
        connect(&m_timeout, &QTimer::timeout, this, [this] {
            fail(QStringLiteral("no complete answer within %1")
                     .arg(formatDuration(m_source.timeout)));
        });
    }
    ~PendingRequest() override { dropReply(); }

    void send(QNetworkAccessManager *nam, const HttpRequest &request)
    {
        QNetworkRequest http(request.url);
        http.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                          QNetworkRequest::AlwaysNetwork);
        http.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                          QNetworkRequest::NoLessSafeRedirectPolicy);
        http.setMaximumRedirectsAllowed(3);
        http.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("incident-console"));
        http.setRawHeader("Accept", "application/json");
        for (const auto &[name, value] : m_source.headers)
            http.setRawHeader(name.toUtf8(), value.toUtf8());
        QString problem;
        if (m_source.bearerToken.isSet()) {
            const auto token = readSecret(m_source.bearerToken, &problem);
            if (!token)
                return later(QStringLiteral("bearer token: ") + problem);
            http.setRawHeader("Authorization", "Bearer " + token->toUtf8());
        } else if (!m_source.basicAuthUser.isEmpty()) {
            const auto password = readSecret(m_source.basicAuthPassword, &problem);
            if (!password)
                return later(QStringLiteral("basic_auth password: ") + problem);
            http.setRawHeader(
                "Authorization",
                "Basic " +
                    (m_source.basicAuthUser + QLatin1Char(':') + *password).toUtf8().toBase64());
        }
        if (!request.body.isEmpty())
            http.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        m_reply = request.body.isEmpty()
                      ? nam->sendCustomRequest(http, request.method)
                      : nam->sendCustomRequest(http, request.method, request.body);
        m_reply->setReadBufferSize(readBufferSize);
        connect(m_reply, &QNetworkReply::metaDataChanged, this, [this] {
            const qint64 promised =
                m_reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
            if (promised > m_maxBytes)
                fail(tooLarge(promised));
        });
        connect(m_reply, &QNetworkReply::readyRead, this, &PendingRequest::readChunk);
        connect(m_reply, &QNetworkReply::finished, this, &PendingRequest::onFinished);
        connect(m_reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError> &errors) {
            for (const QSslError &error : errors)
                m_sslErrors << error.errorString();
            if (!m_source.tlsVerify && m_reply)
                m_reply->ignoreSslErrors();
        });
        m_timeout.start(m_source.timeout);
    }

private:
    QString tooLarge(qint64 bytes) const
    {
        return QStringLiteral("the answer is larger than %1 (%2); not read")
            .arg(sizeText(m_maxBytes),
                 bytes > 0 ? sizeText(bytes) : QStringLiteral("more arrived"));
    }

    // Reported from the event loop, never from inside send(): callers get done() once,
    // always asynchronously.
    void later(const QString &error)
    {
        QTimer::singleShot(0, this, [this, error] { fail(error); });
    }

    void readChunk()
    {
        if (!m_reply || !m_reply->isOpen())
            return;
        m_body += m_reply->read(m_maxBytes + 1 - m_body.size());
        if (m_body.size() > m_maxBytes)
            fail(tooLarge(-1));
    }

    void onFinished()
    {
        if (!m_reply)
            return;
        readChunk();
        if (!m_reply)
            return;
        HttpAnswer answer;
        const QVariant status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        const QNetworkReply::NetworkError error = m_reply->error();
        answer.status = status.toInt();
        // Errors from 201 up are HTTP statuses: the server answered.
        const bool networkFailed =
            error != QNetworkReply::NoError && error < QNetworkReply::ContentAccessDenied;
        if (!status.isValid() || networkFailed) {
            answer.error = m_reply->errorString();
            if (m_source.tlsVerify && !m_sslErrors.isEmpty())
                answer.error += QStringLiteral(" (%1)").arg(m_sslErrors.join(QStringLiteral("; ")));
        }
        answer.body = std::move(m_body);
        finish(std::move(answer));
    }

    void fail(const QString &error)
    {
        HttpAnswer answer;
        answer.error = error;
        finish(std::move(answer));
    }

    void finish(HttpAnswer answer)
    {
        if (m_finished)
            return;
        m_finished = true;
        m_timeout.stop();
        dropReply();
        answer.elapsedMs = m_elapsed.elapsed();
        const auto done = std::move(m_done);
        deleteLater();
        done(answer);
    }

    void dropReply()
    {
        if (!m_reply)
            return;
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        reply->disconnect(this);
        if (reply->isRunning())
            reply->abort();
        reply->deleteLater();
    }

    AlertSource m_source;
    qint64 m_maxBytes;
    std::function<void(const HttpAnswer &)> m_done;
    QPointer<QNetworkReply> m_reply;
    QByteArray m_body;
    QStringList m_sslErrors;
    QTimer m_timeout;
    QElapsedTimer m_elapsed;
    bool m_finished = false;
};

} // namespace

QString HttpAnswer::problem() const
{
    if (!error.isEmpty())
        return error;
    if (ok())
        return {};
    QString start = QString::fromUtf8(body.left(200)).simplified();
    if (start.size() > 120)
        start = start.left(120) + QChar(0x2026);
    return start.isEmpty() ? QStringLiteral("HTTP %1").arg(status)
                           : QStringLiteral("HTTP %1: %2").arg(status).arg(start);
}

void sendToSource(QNetworkAccessManager *nam, const AlertSource &source, const HttpRequest &request,
                  QObject *context, std::function<void(const HttpAnswer &)> done)
{
    auto *pending = new PendingRequest(source, request, context, std::move(done));
    pending->send(nam, request);
}

} // namespace ic::alerts
