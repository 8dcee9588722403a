#include "CurlCommand.h"

#include "core/Duration.h"

namespace ic::health {
namespace {

QString shellQuoted(const QString &text)
{
    QString quoted = text;
    quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

} // namespace

QString curlCommand(const CheckDefinition &check)
{
    QStringList parts{QStringLiteral("curl"), QStringLiteral("-sS"), QStringLiteral("-i")};
    if (check.method != QLatin1String("GET"))
        parts << QStringLiteral("-X") << shellQuoted(check.method);
    for (auto it = check.headers.begin(); it != check.headers.end(); ++it)
        parts << QStringLiteral("-H") << shellQuoted(it.key() + QStringLiteral(": ") + it.value());
    if (!check.requestBody.isEmpty())
        parts << QStringLiteral("--data-raw") << shellQuoted(check.requestBody);
    if (check.maxRedirects > 0)
        parts << QStringLiteral("-L") << QStringLiteral("--max-redirs")
              << QString::number(check.maxRedirects);
    if (!check.tlsVerify)
        parts << QStringLiteral("-k");
    const double seconds = double(check.timeout.count()) / 1000.0;
    parts << QStringLiteral("--max-time") << QString::number(seconds, 'g', 6);
    parts << shellQuoted(check.url);
    return parts.join(QLatin1Char(' '));
}

} // namespace ic::health
