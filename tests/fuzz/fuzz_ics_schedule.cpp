// A paging tool's .ics export is a file someone downloaded: any bytes must give shifts and
// problems, never a crash or a hang (recurrence rules are followed a bounded number of times).
#include "contacts/IcsSchedule.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray ics(reinterpret_cast<const char *>(data), qsizetype(size));
    const QDateTime at(QDate(2026, 12, 1), QTime(9, 0), QTimeZone::utc());
    const ic::contacts::IcsSchedule schedule = ic::contacts::readIcsSchedule(
        ics, QStringLiteral("x.ics"), {}, at.addDays(-400), at.addDays(400));
    for (qsizetype i = 1; i < schedule.shifts.size(); ++i) {
        if (schedule.shifts.at(i).start < schedule.shifts.at(i - 1).start)
            std::abort(); // shifts come sorted by start
    }
    for (const ic::contacts::IcsShift &shift : schedule.shifts) {
        if (shift.end <= at.addDays(-400) || shift.start > at.addDays(400))
            std::abort(); // only shifts that overlap the window
    }
    return 0;
}
