#pragma once

#include "Alert.h"
#include "AlertsConfig.h"
#include "core/Result.h"

#include <QObject>
#include <chrono>
#include <functional>

class QNetworkAccessManager;

namespace ic::alerts {

struct Silence
{
    QString id;
    QDateTime endsAt;
};

// The body of Alertmanager's POST /api/v2/silences for alert: one exact matcher per label,
// from now for duration.
QByteArray silenceBody(const Alert &alert, std::chrono::seconds duration, const QString &createdBy,
                       const QString &comment, const QDateTime &now);

// Silences alert at its Alertmanager source; done gets the silence (its id and expiry) or why
// there is none, on context's thread. Prometheus sources cannot silence.
void createSilence(QNetworkAccessManager *nam, const AlertSource &source, const Alert &alert,
                   std::chrono::seconds duration, const QString &createdBy, const QString &comment,
                   QObject *context, std::function<void(const Result<Silence> &)> done);

// Expires the silence again (DELETE /api/v2/silence/ID).
void expireSilence(QNetworkAccessManager *nam, const AlertSource &source, const QString &silenceId,
                   QObject *context, std::function<void(const Result<void> &)> done);

} // namespace ic::alerts
