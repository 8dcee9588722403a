#include "RunbookTypes.h"

namespace ic::runbooks {

bool RunbookRecord::isStale(const QDateTime &now) const
{
    if (!meta.lastReviewed.isValid())
        return false;
    const auto interval = meta.reviewEvery.value_or(defaultReviewInterval);
    return meta.lastReviewed.startOfDay(Qt::UTC).addSecs(
               std::chrono::duration_cast<std::chrono::seconds>(interval).count()) < now;
}

} // namespace ic::runbooks
