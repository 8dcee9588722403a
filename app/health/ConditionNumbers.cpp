#include "ConditionNumbers.h"

#include "core/Duration.h"

#include <QRegularExpression>
#include <cmath>

namespace ic::health {
namespace {

std::optional<ConditionNumber> prefixedInteger(const QString &text)
{
    static const QRegularExpression shape(QStringLiteral("^([+-]?)0([xXoObB])([0-9a-fA-F]+)$"));
    const QRegularExpressionMatch match = shape.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    const QChar prefix = match.captured(2).at(0).toLower();
    const int base = prefix == QLatin1Char('x') ? 16 : prefix == QLatin1Char('o') ? 8 : 2;
    bool ok = false;
    const qint64 magnitude = match.captured(3).toLongLong(&ok, base);
    if (!ok)
        return std::nullopt; // a digit the base does not have, or too large
    const qint64 value = match.captured(1) == QLatin1String("-") ? -magnitude : magnitude;
    return ConditionNumber{true, value, double(value)};
}

} // namespace

std::optional<ConditionNumber> parseConditionNumber(const QString &written)
{
    const QString text = written.trimmed();
    if (auto prefixed = prefixedInteger(text))
        return prefixed;
    bool ok = false;
    const qint64 integer = text.toLongLong(&ok, 10);
    if (ok)
        return ConditionNumber{true, integer, double(integer)};
    const double real = text.toDouble(&ok);
    if (ok)
        return ConditionNumber{false, 0, real};
    if (const auto duration = parseDuration(text))
        return ConditionNumber{true, qint64(duration->count()), double(duration->count())};
    return std::nullopt;
}

std::optional<int> compareNumbers(const ConditionNumber &a, const ConditionNumber &b)
{
    if (a.integral && b.integral)
        return a.integer < b.integer ? -1 : a.integer > b.integer ? 1 : 0;
    if (std::isnan(a.real) || std::isnan(b.real))
        return std::nullopt;
    return a.real < b.real ? -1 : a.real > b.real ? 1 : 0;
}

} // namespace ic::health
