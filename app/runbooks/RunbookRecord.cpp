#include "RunbookTypes.h"

namespace ic::runbooks {

QDateTime RunbookRecord::reviewedAt() const
{
    if (meta.lastReviewed.isValid())
        return meta.lastReviewed.startOfDay(Qt::UTC);
    return modified;
}

bool RunbookRecord::isStale(const QDateTime &now) const
{
    const auto interval = meta.reviewEvery.value_or(defaultReviewInterval);
    const QDateTime reviewed = reviewedAt();
    return reviewed.isValid() &&
           reviewed.addSecs(std::chrono::duration_cast<std::chrono::seconds>(interval).count()) <
               now;
}

} // namespace ic::runbooks
