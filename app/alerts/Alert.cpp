#include "Alert.h"

namespace ic::alerts {

QString alertStateId(AlertState state)
{
    switch (state) {
    case AlertState::Firing:
        return QStringLiteral("firing");
    case AlertState::Silenced:
        return QStringLiteral("silenced");
    case AlertState::Inhibited:
        return QStringLiteral("inhibited");
    }
    return {};
}

QString Alert::labelText() const
{
    QStringList parts;
    for (auto it = labels.begin(); it != labels.end(); ++it) {
        if (it.key() != QLatin1String("alertname"))
            parts << it.key() + QLatin1Char('=') + it.value();
    }
    return parts.join(QStringLiteral(", "));
}

QString labelFingerprint(const QMap<QString, QString> &labels)
{
    constexpr quint64 offset = 14695981039346656037ULL;
    constexpr quint64 prime = 1099511628211ULL;
    quint64 hash = offset;
    auto add = [&hash](const QByteArray &bytes) {
        for (const char c : bytes) {
            hash ^= quint64(quint8(c));
            hash *= prime;
        }
        hash ^= 0xffU;
        hash *= prime;
    };
    // QMap iterates in key order, which for UTF-16 keys is Go's byte order of UTF-8 too
    // (label names are ASCII by Prometheus's rules).
    for (auto it = labels.begin(); it != labels.end(); ++it) {
        add(it.key().toUtf8());
        add(it.value().toUtf8());
    }
    return QStringLiteral("%1").arg(hash, 16, 16, QLatin1Char('0'));
}

int severityRank(const QString &severity)
{
    const QString s = severity.trimmed().toLower();
    if (s == QLatin1String("critical"))
        return 0;
    if (s == QLatin1String("error"))
        return 1;
    if (s == QLatin1String("warning"))
        return 2;
    if (s == QLatin1String("info"))
        return 3;
    return 4;
}

} // namespace ic::alerts
