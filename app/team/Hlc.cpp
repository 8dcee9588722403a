#include "Hlc.h"

#include <QStringList>
#include <tuple>

namespace ic::team {

QString Hlc::toString() const
{
    return QStringLiteral("%1-%2-%3")
        .arg(wallMs, 16, 10, QLatin1Char('0'))
        .arg(counter, 6, 10, QLatin1Char('0'))
        .arg(console);
}

std::optional<Hlc> Hlc::parse(const QString &text)
{
    const QStringList parts = text.split(QLatin1Char('-'));
    // The console is a UUID with dashes of its own: the first two fields are the clock.
    if (parts.size() < 3 || parts[0].size() != 16 || parts[1].size() != 6)
        return std::nullopt;
    bool wallOk = false;
    bool counterOk = false;
    Hlc hlc;
    hlc.wallMs = parts[0].toLongLong(&wallOk);
    hlc.counter = parts[1].toInt(&counterOk);
    hlc.console = parts.mid(2).join(QLatin1Char('-'));
    if (!wallOk || !counterOk || hlc.wallMs < 0 || hlc.counter < 0 || hlc.console.isEmpty())
        return std::nullopt;
    return hlc;
}

bool operator<(const Hlc &a, const Hlc &b)
{
    return std::tie(a.wallMs, a.counter, a.console) < std::tie(b.wallMs, b.counter, b.console);
}

Hlc nextHlc(const Hlc &last, qint64 nowMs, const QString &console)
{
    if (nowMs > last.wallMs)
        return Hlc{nowMs, 0, console};
    return Hlc{last.wallMs, last.counter + 1, console};
}

Hlc observedHlc(const Hlc &last, const Hlc &remote)
{
    return last < remote ? remote : last;
}

} // namespace ic::team
