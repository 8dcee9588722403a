#pragma once

#include "Probe.h"

#include <QPointer>

class QNetworkReply;

namespace ic::health {

// An HTTP(S) request: method, headers, body, a redirect limit, TLS verification on or off.
// The body is read up to 1 MB; [STATUS], [BODY], [RESPONSE_TIME], [CONNECTED], [IP] and, over
// TLS, [CERTIFICATE_EXPIRATION] are what conditions see.
class HttpProbe : public Probe
{
    Q_OBJECT
public:
    static constexpr qsizetype bodyCap = 1024 * 1024;
    // What Qt may hold for the probe before it reads: bounds memory below the body cap.
    static constexpr qint64 readBufferSize = 64 * 1024;

    HttpProbe(const CheckDefinition &check, QNetworkAccessManager *nam, QObject *parent = nullptr);
    ~HttpProbe() override;

protected:
    void start() override;
    Observation timedOut() override;
    // The request URL; the Prometheus probe adds its query.
    virtual QUrl requestUrl() const;
    // Last look at a complete answer before conditions are applied.
    virtual void interpret(Observation &observation) { Q_UNUSED(observation); }

private:
    void sendRequest();
    void readChunk();
    void onFinished();
    // The body length the answer's headers announced, -1 when none applies.
    qint64 promisedBodySize(int status) const;
    void dropReply();

    QNetworkAccessManager *m_nam;
    QPointer<QNetworkReply> m_reply;
    QByteArray m_body;
    bool m_truncated = false;
    QStringList m_sslErrors;
    QString m_address; // for [IP]
    bool m_timedOut = false;
};

} // namespace ic::health
