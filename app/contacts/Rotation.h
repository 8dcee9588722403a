#pragma once

#include "Directory.h"

namespace ic::contacts {

// One turn of a rota: people[index % people.size()] holds the role from start until end.
struct Turn
{
    qint64 index = -1; // -1: before the first hand-over (start invalid, end = the hand-over)
    QDateTime start;
    QDateTime end;
};

// The k-th hand-over (k = 0 is rota.handover). Whole-day periods keep the wall-clock time
// of the first hand-over in rota.zone, so a weekly 09:00 Berlin hand-over stays at 09:00
// across daylight-saving changes; shorter periods are exact.
QDateTime handoverAt(const Rota &rota, qint64 k);

Turn turnAt(const Rota &rota, const QDateTime &at);

} // namespace ic::contacts
