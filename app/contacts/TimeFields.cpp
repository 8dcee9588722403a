#include "TimeFields.h"

namespace ic::contacts {

QDateTime parseTimeIn(const QString &text, const QTimeZone &zone, QString *why)
{
    const QDateTime parsed = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!parsed.isValid()) {
        *why = QStringLiteral("'%1' is not a time; use ISO 8601 such as "
                              "2026-11-30T09:00:00+01:00")
                   .arg(text.left(60));
        return {};
    }
    if (parsed.timeSpec() != Qt::LocalTime)
        return parsed;
    if (!zone.isValid()) {
        *why = QStringLiteral("'%1' has no offset; add one (+01:00 or Z) or give the entry a tz")
                   .arg(text.left(60));
        return {};
    }
    return QDateTime(parsed.date(), parsed.time(), zone);
}

} // namespace ic::contacts
