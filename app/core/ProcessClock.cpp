#include "ProcessClock.h"

#include <QByteArray>
#include <QFile>
#include <QList>
#include <ctime>
#include <unistd.h>

namespace ic {

qint64 millisecondsSinceProcessStart()
{
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = stat.readAll();
    // The command name (field 2) may contain spaces; fields are counted after its ')'.
    const qsizetype close = line.lastIndexOf(')');
    if (close < 0)
        return -1;
    const QList<QByteArray> fields = line.mid(close + 2).split(' ');
    constexpr int startTimeIndex = 22 - 3; // field 22, counted from field 3
    if (fields.size() <= startTimeIndex)
        return -1;
    const double ticksPerSecond = double(::sysconf(_SC_CLK_TCK));
    const double startedSeconds = fields.at(startTimeIndex).toDouble() / ticksPerSecond;
    timespec now{};
    ::clock_gettime(CLOCK_BOOTTIME, &now);
    const double nowSeconds = double(now.tv_sec) + double(now.tv_nsec) / 1e9;
    return qint64((nowSeconds - startedSeconds) * 1000.0);
}

} // namespace ic
