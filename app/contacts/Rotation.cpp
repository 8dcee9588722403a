#include "Rotation.h"

namespace ic::contacts {
namespace {

constexpr qint64 secondsPerDay = 24 * 60 * 60;

} // namespace

QDateTime handoverAt(const Rota &rota, qint64 k)
{
    const qint64 every = rota.every.count();
    if (every % secondsPerDay != 0)
        return rota.handover.addSecs(k * every);
    const QDateTime local = rota.handover.toTimeZone(rota.zone);
    return QDateTime(local.date().addDays(k * (every / secondsPerDay)), local.time(), rota.zone);
}

Turn turnAt(const Rota &rota, const QDateTime &at)
{
    if (rota.every.count() <= 0 || at < rota.handover)
        return {-1, {}, rota.handover};
    // Exact for fixed periods; a daylight-saving change moves whole-day hand-overs by an hour
    // at most, which the two loops correct.
    qint64 k = rota.handover.secsTo(at) / rota.every.count();
    while (k > 0 && handoverAt(rota, k) > at)
        --k;
    while (handoverAt(rota, k + 1) <= at)
        ++k;
    return {k, handoverAt(rota, k), handoverAt(rota, k + 1)};
}

} // namespace ic::contacts
