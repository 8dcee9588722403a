#include "AlertDecoder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace ic::alerts {
namespace {

QString cut(QString text, qsizetype limit)
{
    if (text.size() <= limit)
        return text;
    text.truncate(limit);
    if (text.back().isHighSurrogate())
        text.chop(1);
    return text + QChar(0x2026);
}

// A JSON object of strings as a map; nothing when a value is no string.
std::optional<QMap<QString, QString>> textMap(const QJsonValue &value)
{
    QMap<QString, QString> map;
    if (value.isUndefined() || value.isNull())
        return map;
    if (!value.isObject())
        return std::nullopt;
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!it.value().isString())
            return std::nullopt;
        if (map.size() >= DecodeLimits::maxPairs)
            break;
        map.insert(cut(it.key(), DecodeLimits::maxKeyChars),
                   cut(it.value().toString(), DecodeLimits::maxValueChars));
    }
    return map;
}

QDateTime timeFrom(const QJsonValue &value)
{
    QString text = value.toString();
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid()) {
        // Go writes nanoseconds; Qt reads at most milliseconds.
        static const QRegularExpression fraction(QStringLiteral("(\\.\\d{3})\\d+"));
        time =
            QDateTime::fromString(text.replace(fraction, QStringLiteral("\\1")), Qt::ISODateWithMs);
    }
    return time.isValid() ? time.toUTC() : QDateTime();
}

QString validFingerprint(const QJsonValue &value)
{
    static const QRegularExpression hex(QStringLiteral("^[0-9a-fA-F]{1,32}$"));
    const QString text = value.toString();
    return hex.match(text).hasMatch() ? text.toLower() : QString();
}

QStringList idList(const QJsonValue &value)
{
    QStringList ids;
    for (const QJsonValue &id : value.toArray()) {
        if (id.isString() && ids.size() < DecodeLimits::maxPairs)
            ids << cut(id.toString(), DecodeLimits::maxKeyChars);
    }
    return ids;
}

Result<QJsonDocument> parse(const QByteArray &body)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError) {
        const QString start = QString::fromUtf8(body.left(40)).simplified();
        return failure(
            QStringLiteral("the answer is not JSON (%1 at byte %2%3)")
                .arg(error.errorString())
                .arg(error.offset)
                .arg(start.isEmpty()
                         ? QString()
                         : QStringLiteral(", it starts with \"%1\"").arg(cut(start, 30))));
    }
    return document;
}

// Appends alert unless the cap is reached.
void keep(DecodedAlerts &decoded, Alert alert)
{
    if (decoded.alerts.size() >= DecodeLimits::maxAlerts) {
        ++decoded.dropped;
        return;
    }
    decoded.alerts.append(std::move(alert));
}

} // namespace

QString DecodedAlerts::note() const
{
    QStringList parts;
    if (dropped > 0)
        parts << QStringLiteral("%1 alerts; only the first %2 are kept")
                     .arg(alerts.size() + dropped)
                     .arg(alerts.size());
    if (skipped > 0)
        parts << QStringLiteral("%1 entries were not alerts and were skipped").arg(skipped);
    return parts.join(QStringLiteral("; "));
}

Result<DecodedAlerts> decodeAlertmanagerAlerts(const QByteArray &body, const QString &source)
{
    const Result<QJsonDocument> document = parse(body);
    if (!document)
        return failure(document.error());
    if (!document->isArray())
        return failure(QStringLiteral("expected a JSON array of alerts (Alertmanager's "
                                      "/api/v2/alerts), found an object"));
    DecodedAlerts decoded;
    const QJsonArray array = document->array();
    decoded.alerts.reserve(std::min(array.size(), DecodeLimits::maxAlerts));
    for (const QJsonValue &entry : array) {
        if (decoded.alerts.size() >= DecodeLimits::maxAlerts) {
            ++decoded.dropped;
            continue;
        }
        const QJsonObject object = entry.toObject();
        const auto labels = textMap(object.value(QLatin1String("labels")));
        const auto annotations = textMap(object.value(QLatin1String("annotations")));
        if (!entry.isObject() || !labels || !annotations || labels->isEmpty()) {
            ++decoded.skipped;
            continue;
        }
        Alert alert;
        alert.source = source;
        alert.labels = *labels;
        alert.annotations = *annotations;
        alert.fingerprint = validFingerprint(object.value(QLatin1String("fingerprint")));
        if (alert.fingerprint.isEmpty())
            alert.fingerprint = labelFingerprint(alert.labels);
        alert.startsAt = timeFrom(object.value(QLatin1String("startsAt")));
        alert.generatorUrl = cut(object.value(QLatin1String("generatorURL")).toString(),
                                 DecodeLimits::maxValueChars);
        const QJsonObject status = object.value(QLatin1String("status")).toObject();
        alert.silencedBy = idList(status.value(QLatin1String("silencedBy")));
        if (!alert.silencedBy.isEmpty())
            alert.state = AlertState::Silenced;
        else if (!status.value(QLatin1String("inhibitedBy")).toArray().isEmpty())
            alert.state = AlertState::Inhibited;
        keep(decoded, std::move(alert));
    }
    return decoded;
}

Result<DecodedAlerts> decodePrometheusAlerts(const QByteArray &body, const QString &source)
{
    const Result<QJsonDocument> document = parse(body);
    if (!document)
        return failure(document.error());
    const QJsonObject root = document->object();
    if (!document->isObject() || !root.value(QLatin1String("status")).isString())
        return failure(QStringLiteral("expected Prometheus's answer {\"status\", \"data\"} "
                                      "(/api/v1/alerts)"));
    if (root.value(QLatin1String("status")).toString() != QLatin1String("success"))
        return failure(QStringLiteral("Prometheus answered %1: %2")
                           .arg(cut(root.value(QLatin1String("errorType")).toString(), 64),
                                cut(root.value(QLatin1String("error")).toString(), 256)));
    const QJsonValue list =
        root.value(QLatin1String("data")).toObject().value(QLatin1String("alerts"));
    if (!list.isArray())
        return failure(QStringLiteral("Prometheus's answer has no data.alerts list"));
    DecodedAlerts decoded;
    for (const QJsonValue &entry : list.toArray()) {
        const QJsonObject object = entry.toObject();
        const auto labels = textMap(object.value(QLatin1String("labels")));
        const auto annotations = textMap(object.value(QLatin1String("annotations")));
        if (!entry.isObject() || !labels || !annotations || labels->isEmpty()) {
            ++decoded.skipped;
            continue;
        }
        const QString state = object.value(QLatin1String("state")).toString();
        if (state != QLatin1String("firing")) {
            if (state == QLatin1String("pending"))
                ++decoded.pending;
            else
                ++decoded.skipped;
            continue;
        }
        if (decoded.alerts.size() >= DecodeLimits::maxAlerts) {
            ++decoded.dropped;
            continue;
        }
        Alert alert;
        alert.source = source;
        alert.labels = *labels;
        alert.annotations = *annotations;
        alert.fingerprint = labelFingerprint(alert.labels);
        alert.startsAt = timeFrom(object.value(QLatin1String("activeAt")));
        keep(decoded, std::move(alert));
    }
    return decoded;
}

} // namespace ic::alerts
