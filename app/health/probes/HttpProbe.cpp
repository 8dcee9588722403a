#include "HttpProbe.h"

#include <QDateTime>
#include <QHostInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslConfiguration>

namespace ic::health {

HttpProbe::HttpProbe(const CheckDefinition &check, QNetworkAccessManager *nam, QObject *parent)
    : Probe(check, parent), m_nam(nam)
{}

HttpProbe::~HttpProbe()
{
    dropReply();
}

QUrl HttpProbe::requestUrl() const
{
    return QUrl(check().url);
}

void HttpProbe::start()
{
    const bool wantsAddress =
        std::any_of(check().conditions.begin(), check().conditions.end(),
                    [](const ConditionSpec &spec) { return spec.text.contains(u"[IP]"); });
    const QString host = requestUrl().host();
    const QHostAddress literal(host);
    if (!literal.isNull())
        m_address = addressText(literal);
    if (!wantsAddress || !literal.isNull()) {
        sendRequest();
        return;
    }
    // [IP], as Gatus has it: the first address the host name resolves to. Qt's connection
    // asks the same resolver a moment later and is answered from its cache.
    QHostInfo::lookupHost(host, this, [this](const QHostInfo &info) {
        if (m_timedOut)
            return;
        if (!info.addresses().isEmpty())
            m_address = addressText(info.addresses().constFirst());
        sendRequest();
    });
}

void HttpProbe::sendRequest()
{
    QNetworkRequest request(requestUrl());
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                         QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         check().maxRedirects > 0 ? QNetworkRequest::NoLessSafeRedirectPolicy
                                                  : QNetworkRequest::ManualRedirectPolicy);
    request.setMaximumRedirectsAllowed(check().maxRedirects);
    request.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("incident-console"));
    for (auto it = check().headers.begin(); it != check().headers.end(); ++it)
        request.setRawHeader(it.key().toUtf8(), it.value().toUtf8());
    // Without a body, no upload device: Qt 6.4 only honours the read buffer limit below for
    // requests that have none (with one it still buffers without bound when this thread is
    // busy; a POST check against an endless answer is the one case left to the body cap).
    const QByteArray method = check().method.toUtf8();
    m_reply = check().requestBody.isEmpty()
                  ? m_nam->sendCustomRequest(request, method)
                  : m_nam->sendCustomRequest(request, method, check().requestBody.toUtf8());
    // Qt's network thread otherwise hands over all it receives, however fast it comes: an
    // endless body piled up hundreds of megabytes before the cap below could stop it.
    m_reply->setReadBufferSize(readBufferSize);
    connect(m_reply, &QNetworkReply::readyRead, this, &HttpProbe::readChunk);
    connect(m_reply, &QNetworkReply::finished, this, &HttpProbe::onFinished);
    connect(m_reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError> &errors) {
        for (const QSslError &error : errors)
            m_sslErrors.append(error.errorString());
        if (!check().tlsVerify && m_reply)
            m_reply->ignoreSslErrors();
    });
}

void HttpProbe::readChunk()
{
    // abort() below finishes the reply at once, and onFinished() reads once more.
    if (!m_reply || !m_reply->isOpen())
        return;
    const QByteArray chunk = m_reply->read(bodyCap + 1 - m_body.size());
    m_body += chunk;
    if (m_body.size() > bodyCap) {
        // Enough to judge; a multi-gigabyte answer must not fill the console's memory.
        m_body.truncate(bodyCap);
        m_truncated = true;
        m_reply->abort();
    }
}

void HttpProbe::onFinished()
{
    if (!m_reply)
        return;
    readChunk();
    Observation observation;
    const QVariant status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const QNetworkReply::NetworkError error = m_reply->error();
    // A redirect chain that never ends has no final answer, whatever its last status was.
    const bool redirectFailed = error == QNetworkReply::TooManyRedirectsError ||
                                error == QNetworkReply::InsecureRedirectError;
    const bool answered = status.isValid() && !redirectFailed;
    // The server hung up (or the network failed) in the middle of the body: what arrived is
    // not the answer, whatever the status line said. Our own abort at the cap is not that.
    // Qt 6.4 reports some such hang-ups as a normal end, hence the Content-Length check.
    const bool networkFailed =
        error != QNetworkReply::NoError && error < QNetworkReply::ContentAccessDenied;
    const qint64 promised = promisedBodySize(status.toInt());
    const bool cutOff =
        answered && !m_truncated && (networkFailed || (promised >= 0 && m_body.size() < promised));
    if (answered)
        observation.values.insert(QStringLiteral("[STATUS]"), QString::number(status.toInt()));
    const bool connected = answered || !(error == QNetworkReply::ConnectionRefusedError ||
                                         error == QNetworkReply::HostNotFoundError ||
                                         error == QNetworkReply::TimeoutError ||
                                         error == QNetworkReply::UnknownNetworkError);
    observation.values.insert(QStringLiteral("[CONNECTED]"),
                              connected ? QStringLiteral("true") : QStringLiteral("false"));
    if (connected && !m_address.isEmpty())
        observation.values.insert(QStringLiteral("[IP]"), m_address);
    const QSslCertificate certificate = m_reply->sslConfiguration().peerCertificate();
    if (!certificate.isNull())
        observation.values.insert(
            QStringLiteral("[CERTIFICATE_EXPIRATION]"),
            QString::number(QDateTime::currentDateTimeUtc().msecsTo(certificate.expiryDate())));
    observation.body = m_body;
    observation.hasBody = true;
    if (cutOff) {
        observation.verdict = State::Crit;
        observation.message = QStringLiteral("HTTP %1, but the answer was cut off after %2 bytes")
                                  .arg(status.toInt())
                                  .arg(m_body.size());
        if (promised >= 0)
            observation.message += QStringLiteral(" of %1").arg(promised);
        if (networkFailed)
            observation.message += QStringLiteral(": ") + m_reply->errorString();
    } else if (answered && (error == QNetworkReply::NoError || m_truncated ||
                            error >= QNetworkReply::ContentAccessDenied)) {
        observation.message =
            QStringLiteral("HTTP %1 %2")
                .arg(status.toInt())
                .arg(m_reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString())
                .trimmed();
        if (m_truncated)
            observation.message += QStringLiteral(" (body read up to 1 MB)");
    } else {
        observation.message = m_reply->errorString();
        if (check().tlsVerify && !m_sslErrors.isEmpty())
            observation.message +=
                QStringLiteral(" (%1)").arg(m_sslErrors.join(QStringLiteral("; ")));
    }
    dropReply();
    interpret(observation);
    finish(std::move(observation));
}

qint64 HttpProbe::promisedBodySize(int status) const
{
    // No body follows these, whatever Content-Length says.
    if (check().method.compare(QLatin1String("HEAD"), Qt::CaseInsensitive) == 0 || status < 200 ||
        status == 204 || status == 304)
        return -1;
    // Qt decompresses: the length then counts bytes other than the ones read.
    const QByteArray encoding = m_reply->rawHeader("Content-Encoding").trimmed();
    if (!encoding.isEmpty() && encoding.compare("identity", Qt::CaseInsensitive) != 0)
        return -1;
    bool ok = false;
    const qint64 length = m_reply->header(QNetworkRequest::ContentLengthHeader).toLongLong(&ok);
    return ok ? length : -1;
}

Observation HttpProbe::timedOut()
{
    m_timedOut = true;
    const bool gotHeaders =
        m_reply && m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).isValid();
    dropReply();
    Observation observation;
    observation.values.insert(QStringLiteral("[CONNECTED]"),
                              gotHeaders ? QStringLiteral("true") : QStringLiteral("false"));
    observation.message = QStringLiteral("no complete answer within %1").arg(timeoutText());
    interpret(observation);
    return observation;
}

void HttpProbe::dropReply()
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

} // namespace ic::health
