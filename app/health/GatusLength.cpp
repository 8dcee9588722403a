#include "GatusLength.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <cmath>

namespace ic::health {
namespace {

// The shortest decimal digits that read back as value, and where the decimal point goes
// (value = 0.digits × 10^point), as Go's strconv computes them.
struct Decimal
{
    QString digits;
    int point = 0;
};

Decimal shortestDecimal(double value)
{
    // "d.ddde±XX"
    const QString scientific =
        QString::number(std::fabs(value), 'e', QLocale::FloatingPointShortest);
    const qsizetype e = scientific.indexOf(QLatin1Char('e'));
    Decimal decimal;
    decimal.digits = scientific.left(e).remove(QLatin1Char('.'));
    decimal.point = scientific.mid(e + 1).toInt() + 1;
    return decimal;
}

// The length of Go's %e form with the shortest digits: "1e+06", "1.5e-07".
qsizetype exponentLength(const Decimal &decimal, bool trimExponentZero)
{
    const int exponent = decimal.point - 1;
    qsizetype length = decimal.digits.size() + (decimal.digits.size() > 1 ? 1 : 0) + 2;
    const qsizetype exponentDigits = QString::number(std::abs(exponent)).size();
    // Go writes at least two exponent digits; its JSON encoder turns e-07 back into e-7.
    length +=
        trimExponentZero && exponent < 0 ? exponentDigits : std::max<qsizetype>(2, exponentDigits);
    return length;
}

// The length of Go's %f form with the shortest digits: "0.0001", "100000".
qsizetype fixedLength(const Decimal &decimal)
{
    const qsizetype digits = decimal.digits.size();
    if (decimal.point <= 0)
        return 2 - decimal.point + digits; // "0." zeros digits
    if (decimal.point >= digits)
        return decimal.point; // digits, then zeros
    return digits + 1;
}

// fmt.Sprintf("%v", value): %g with the shortest digits, exponent form from 1e+06 or below 1e-4.
qsizetype formattedNumberLength(double value)
{
    const qsizetype sign = std::signbit(value) ? 1 : 0;
    if (value == 0)
        return sign + 1;
    const Decimal decimal = shortestDecimal(value);
    const int exponent = decimal.point - 1;
    if (exponent < -4 || exponent >= 6)
        return sign + exponentLength(decimal, false);
    return sign + fixedLength(decimal);
}

// json.Marshal of a float64: exponent form only below 1e-6 or from 1e21.
qsizetype jsonNumberLength(double value)
{
    const qsizetype sign = std::signbit(value) ? 1 : 0;
    if (value == 0)
        return sign + 1;
    const double magnitude = std::fabs(value);
    const Decimal decimal = shortestDecimal(value);
    if (magnitude < 1e-6 || magnitude >= 1e21)
        return sign + exponentLength(decimal, true);
    return sign + fixedLength(decimal);
}

// json.Marshal of a string, quotes included, with Go's HTML-safe escaping.
qsizetype jsonStringLength(const QString &text)
{
    qsizetype length = 2;
    for (const char32_t c : text.toUcs4()) {
        if (c == '"' || c == '\\' || c == '\n' || c == '\r' || c == '\t' || c == '\b' || c == '\f')
            length += 2;
        else if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == 0x2028 || c == 0x2029)
            length += 6; // \u00XX
        else
            length += QString::fromUcs4(&c, 1).toUtf8().size();
    }
    return length;
}

qsizetype jsonLength(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return jsonStringLength(value.toString());
    case QJsonValue::Double:
        return jsonNumberLength(value.toDouble());
    case QJsonValue::Bool:
        return value.toBool() ? 4 : 5;
    case QJsonValue::Array: {
        const QJsonArray array = value.toArray();
        qsizetype length = 2 + std::max<qsizetype>(0, array.size() - 1);
        for (const QJsonValue &item : array)
            length += jsonLength(item);
        return length;
    }
    case QJsonValue::Object: {
        const QJsonObject object = value.toObject();
        qsizetype length = 2 + std::max<qsizetype>(0, object.size() - 1);
        for (auto it = object.begin(); it != object.end(); ++it)
            length += jsonStringLength(it.key()) + 1 + jsonLength(it.value());
        return length;
    }
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return 4;
    }
    return 0;
}

} // namespace

qsizetype gatusLength(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Array:
        return value.toArray().size();
    case QJsonValue::Object:
        return jsonLength(value);
    case QJsonValue::String:
        return value.toString().toUtf8().size();
    case QJsonValue::Double:
        return formattedNumberLength(value.toDouble());
    case QJsonValue::Bool:
        return value.toBool() ? 4 : 5;
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return -1;
    }
    return -1;
}

} // namespace ic::health
