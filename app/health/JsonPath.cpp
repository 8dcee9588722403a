#include "JsonPath.h"

#include "GatusLength.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace ic::health {
namespace {

JsonLookup describe(const QJsonValue &value)
{
    JsonLookup lookup;
    lookup.found = true;
    lookup.length = gatusLength(value);
    switch (value.type()) {
    case QJsonValue::String:
        lookup.text = value.toString();
        break;
    case QJsonValue::Double:
        lookup.text = QString::number(value.toDouble(), 'g', QLocale::FloatingPointShortest);
        break;
    case QJsonValue::Bool:
        lookup.text = value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        break;
    case QJsonValue::Null:
        lookup.text = QStringLiteral("null");
        lookup.null = true;
        break;
    case QJsonValue::Array:
        lookup.text =
            QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
        break;
    case QJsonValue::Object:
        lookup.text =
            QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
        break;
    case QJsonValue::Undefined:
        lookup.found = false;
        break;
    }
    return lookup;
}

} // namespace

JsonLookup lookupJsonPath(const QByteArray &body, const QString &path)
{
    if (path.isEmpty()) {
        JsonLookup whole;
        whole.found = true;
        whole.text = QString::fromUtf8(body);
        whole.length = body.size();
        return whole;
    }
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (document.isNull()) {
        JsonLookup failed;
        failed.error = QStringLiteral("the body is not JSON (%1 at byte %2)")
                           .arg(parseError.errorString())
                           .arg(parseError.offset);
        return failed;
    }
    QJsonValue current =
        document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
    QString walked = QStringLiteral("[BODY]");
    qsizetype at = 0;
    while (at < path.size()) {
        if (path.at(at) == QLatin1Char('.')) {
            qsizetype end = at + 1;
            while (end < path.size() && path.at(end) != QLatin1Char('.') &&
                   path.at(end) != QLatin1Char('['))
                ++end;
            const QString key = path.mid(at + 1, end - at - 1);
            walked += QLatin1Char('.') + key;
            if (!current.isObject() || !current.toObject().contains(key)) {
                JsonLookup missing;
                missing.error = QStringLiteral("%1 is not in the body").arg(walked);
                return missing;
            }
            current = current.toObject().value(key);
            at = end;
        } else if (path.at(at) == QLatin1Char('[')) {
            const qsizetype close = path.indexOf(QLatin1Char(']'), at);
            bool ok = false;
            const int index = close > at ? path.mid(at + 1, close - at - 1).toInt(&ok) : -1;
            if (!ok || index < 0) {
                JsonLookup bad;
                bad.error = QStringLiteral("bad index in %1").arg(path);
                return bad;
            }
            walked += QStringLiteral("[%1]").arg(index);
            if (!current.isArray() || index >= current.toArray().size()) {
                JsonLookup missing;
                missing.error = QStringLiteral("%1 is not in the body").arg(walked);
                return missing;
            }
            current = current.toArray().at(index);
            at = close + 1;
        } else {
            JsonLookup bad;
            bad.error = QStringLiteral("cannot follow the path %1").arg(path);
            return bad;
        }
    }
    return describe(current);
}

} // namespace ic::health
