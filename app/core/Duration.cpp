#include "Duration.h"

#include <QRegularExpression>

namespace ic {

std::optional<std::chrono::milliseconds> parseDuration(const QString &text)
{
    static const QRegularExpression part(QStringLiteral("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d)"));
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    double total = 0;
    qsizetype position = 0;
    auto it = part.globalMatch(trimmed);
    while (it.hasNext()) {
        const auto match = it.next();
        if (match.capturedStart() != position)
            return std::nullopt;
        position = match.capturedEnd();
        const double value = match.captured(1).toDouble();
        const QString unit = match.captured(2);
        if (unit == QLatin1String("ms"))
            total += value;
        else if (unit == QLatin1String("s"))
            total += value * 1000;
        else if (unit == QLatin1String("m"))
            total += value * 60'000;
        else if (unit == QLatin1String("h"))
            total += value * 3'600'000;
        else
            total += value * 86'400'000;
    }
    if (position != trimmed.size())
        return std::nullopt;
    // "99999999999999999999d" has no millisecond count (converting it would be undefined);
    // 9e18 ms is about 285 million years, so nothing meant as a duration is refused.
    if (total >= 9e18)
        return std::nullopt;
    return std::chrono::milliseconds(qint64(total));
}

QString formatDuration(std::chrono::milliseconds duration)
{
    qint64 ms = duration.count();
    if (ms == 0)
        return QStringLiteral("0s");
    QString result = ms < 0 ? QStringLiteral("-") : QString();
    ms = qAbs(ms);
    const struct
    {
        qint64 size;
        const char *unit;
    } units[] = {{86'400'000, "d"}, {3'600'000, "h"}, {60'000, "m"}, {1000, "s"}, {1, "ms"}};
    for (const auto &unit : units) {
        if (ms >= unit.size) {
            result += QString::number(ms / unit.size) + QLatin1String(unit.unit);
            ms %= unit.size;
        }
    }
    return result;
}

QString formatClock(std::chrono::seconds duration)
{
    qint64 seconds = duration.count();
    const bool negative = seconds < 0;
    seconds = qAbs(seconds);
    const qint64 hours = seconds / 3600;
    const qint64 minutes = (seconds % 3600) / 60;
    const qint64 rest = seconds % 60;
    const QString sign = negative ? QStringLiteral("-") : QString();
    if (hours > 0)
        return sign + QStringLiteral("%1:%2:%3")
                          .arg(hours)
                          .arg(minutes, 2, 10, QLatin1Char('0'))
                          .arg(rest, 2, 10, QLatin1Char('0'));
    return sign + QStringLiteral("%1:%2").arg(minutes).arg(rest, 2, 10, QLatin1Char('0'));
}

} // namespace ic
