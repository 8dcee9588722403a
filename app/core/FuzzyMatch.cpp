#include "FuzzyMatch.h"

namespace ic {
namespace {

bool isWordStart(const QString &text, qsizetype i)
{
    if (i == 0)
        return true;
    const QChar before = text.at(i - 1);
    const QChar here = text.at(i);
    return !before.isLetterOrNumber() || (before.isLower() && here.isUpper());
}

} // namespace

std::optional<int> fuzzyScore(const QString &pattern, const QString &candidate)
{
    const QString needle = pattern.simplified();
    if (needle.isEmpty())
        return 0;
    int score = 0;
    qsizetype position = 0;
    qsizetype previousMatch = -2;
    for (const QChar wanted : needle) {
        if (wanted.isSpace())
            continue;
        qsizetype found = -1;
        for (qsizetype i = position; i < candidate.size(); ++i) {
            if (candidate.at(i).toCaseFolded() == wanted.toCaseFolded()) {
                found = i;
                break;
            }
        }
        if (found < 0)
            return std::nullopt;
        score += 1;
        if (found == previousMatch + 1)
            score += 5;
        if (isWordStart(candidate, found))
            score += 8;
        if (found == 0)
            score += 4;
        previousMatch = found;
        position = found + 1;
    }
    // Among equal matches, shorter candidates are the more specific ones.
    return score * 100 - int(qMin<qsizetype>(candidate.size(), 99));
}

} // namespace ic
