#include "Ids.h"

#include <QTimeZone>
#include <QUuid>

namespace ic {

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString toStoredTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QString storedNow()
{
    return toStoredTime(QDateTime::currentDateTimeUtc());
}

QDateTime fromStoredTime(const QString &text)
{
    if (text.isEmpty())
        return {};
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        time = QDateTime::fromString(text, Qt::ISODate);
    return time.toUTC();
}

namespace {

QString isoWithOffset(const QDateTime &time, Qt::DateFormat format)
{
    if (!time.isValid())
        return {};
    return time.toLocalTime().toOffsetFromUtc(time.toLocalTime().offsetFromUtc()).toString(format);
}

} // namespace

QString toIsoWithOffset(const QDateTime &time)
{
    return isoWithOffset(time, Qt::ISODate);
}

QString toIsoWithOffsetMs(const QDateTime &time)
{
    return isoWithOffset(time, Qt::ISODateWithMs);
}

} // namespace ic
