#pragma once

#include "AlertsConfig.h"

#include <QByteArray>
#include <QObject>
#include <functional>

class QNetworkAccessManager;

namespace ic::alerts {

// What a source answered: a status and the body, or why there is none.
struct HttpAnswer
{
    int status = 0;
    QByteArray body;
    QString error; // empty when the source answered, whatever the status
    qint64 elapsedMs = 0;

    bool ok() const { return error.isEmpty() && status >= 200 && status < 300; }
    // "HTTP 503: <start of the body>", or the error.
    QString problem() const;
};

struct HttpRequest
{
    QByteArray method = "GET";
    QUrl url;
    QByteArray body; // sent as application/json when not empty
    qint64 maxBytes = 1024 * 1024;
};

// The largest answer a source may send for its alert list (50,000 alerts as Alertmanager
// writes them fit); a larger one is cut off and reported, never held in memory.
inline constexpr qint64 maxAlertAnswerBytes = 32 * 1024 * 1024;

// Sends request to source's server with its headers, credentials and TLS setting, and calls
// done once on context's thread: with the answer, or with why there is none (the source's
// timeout passed, the answer was larger than maxBytes, a secret could not be read). Never
// blocks; when context is destroyed first the request is aborted and done never runs.
void sendToSource(QNetworkAccessManager *nam, const AlertSource &source, const HttpRequest &request,
                  QObject *context, std::function<void(const HttpAnswer &)> done);

} // namespace ic::alerts
