#include "SearchQuery.h"

#include <QHash>
#include <QSet>
#include <algorithm>

namespace ic::runbooks {
namespace {

QStringList wordsOf(const QString &text)
{
    QStringList words;
    QString current;
    for (const QChar c : text) {
        if (c.isLetterOrNumber()) {
            current += c;
        } else if (!current.isEmpty()) {
            words << current;
            current.clear();
        }
    }
    if (!current.isEmpty())
        words << current;
    return words;
}

QString quoted(const QString &word, bool prefix)
{
    return QLatin1Char('"') % word.toLower() % QLatin1Char('"') %
           (prefix ? QStringLiteral("*") : QString());
}

} // namespace

QStringList splitCamelCase(const QString &word)
{
    QStringList parts;
    QString current;
    for (qsizetype i = 0; i < word.size(); ++i) {
        const QChar c = word.at(i);
        const QChar previous = i > 0 ? word.at(i - 1) : QChar();
        const QChar next = i + 1 < word.size() ? word.at(i + 1) : QChar();
        const bool startsWord =
            !current.isEmpty() && ((c.isUpper() && previous.isLower()) ||
                                   (c.isUpper() && previous.isUpper() && next.isLower()) ||
                                   (c.isDigit() && previous.isLetter() && !previous.isUpper()) ||
                                   (c.isLetter() && c.isUpper() && previous.isDigit()));
        if (startsWord) {
            parts << current;
            current.clear();
        }
        current += c;
    }
    if (!current.isEmpty())
        parts << current;
    return parts;
}

QString camelCaseExpansions(const QString &text)
{
    // Runs over every runbook's whole text while indexing, so words are only copied when a
    // capital inside them makes them a candidate.
    QSet<QString> seen;
    QStringList expansions;
    qsizetype start = -1;
    bool innerCapital = false;
    const auto finishWord = [&](qsizetype end) {
        if (!innerCapital || end - start < 4)
            return;
        const QString word = text.mid(start, end - start);
        if (seen.contains(word))
            return;
        seen.insert(word);
        const QStringList parts = splitCamelCase(word);
        if (parts.size() > 1)
            expansions << parts.join(QLatin1Char(' '));
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isLetterOrNumber()) {
            if (start < 0) {
                start = i;
                innerCapital = false;
            } else if (c.isUpper()) {
                innerCapital = true;
            }
        } else if (start >= 0) {
            finishWord(i);
            start = -1;
        }
    }
    if (start >= 0)
        finishWord(text.size());
    return expansions.join(QLatin1Char(' '));
}

QString buildMatchQuery(const QString &text)
{
    const QStringList words = wordsOf(text);
    const bool prefixLast = !text.isEmpty() && !text.back().isSpace();
    QStringList terms;
    for (qsizetype i = 0; i < words.size(); ++i) {
        const bool prefix = prefixLast && i == words.size() - 1;
        const QStringList parts = splitCamelCase(words.at(i));
        if (parts.size() < 2) {
            terms << quoted(words.at(i), prefix);
            continue;
        }
        QStringList partTerms;
        for (qsizetype p = 0; p < parts.size(); ++p)
            partTerms << quoted(parts.at(p), prefix && p == parts.size() - 1);
        terms << QStringLiteral("(%1 OR (%2))")
                     .arg(quoted(words.at(i), prefix), partTerms.join(QLatin1String(" AND ")));
    }
    return terms.join(QLatin1String(" AND "));
}

QStringList queryWords(const QString &text)
{
    QStringList words;
    for (const QString &word : wordsOf(text))
        words << word.toLower();
    return words;
}

bool isTokenChar(char32_t c)
{
    return QChar::isLetterOrNumber(c) || QChar::category(c) == QChar::Other_PrivateUse;
}

namespace {

// Calls visit(start, end) for every token of text, in UTF-16 offsets.
template <typename Visit> void forEachToken(const QString &text, Visit visit)
{
    qsizetype start = -1;
    for (qsizetype i = 0; i < text.size(); ++i) {
        char32_t c = text.at(i).unicode();
        qsizetype width = 1;
        if (QChar::isHighSurrogate(c) && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            c = QChar::surrogateToUcs4(text.at(i), text.at(i + 1));
            width = 2;
        }
        if (isTokenChar(c)) {
            if (start < 0)
                start = i;
        } else if (start >= 0) {
            visit(start, i);
            start = -1;
        }
        i += width - 1;
    }
    if (start >= 0)
        visit(start, text.size());
}

bool isAscii(QStringView text)
{
    return std::all_of(text.begin(), text.end(), [](QChar c) { return c.unicode() < 0x80; });
}

} // namespace

int tokenCount(const QString &text)
{
    int tokens = 0;
    forEachToken(text, [&](qsizetype, qsizetype) { ++tokens; });
    return tokens;
}

QString foldedWord(QStringView word)
{
    if (isAscii(word))
        return word.toString().toLower();
    const QString decomposed = word.toString().normalized(QString::NormalizationForm_D);
    QString out;
    out.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (c.category() != QChar::Mark_NonSpacing)
            out += c;
    }
    return out.toLower();
}

RepeatedWords repeatedWords(const QString &text)
{
    QHash<QString, int> counts;
    forEachToken(text, [&](qsizetype start, qsizetype end) {
        ++counts[foldedWord(QStringView(text).mid(start, end - start))];
    });
    QStringList twice;
    QStringList fourTimes;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        if (it.value() >= 2)
            twice << it.key();
        if (it.value() >= 4)
            fourTimes << it.key();
    }
    // Sorted, so the same text always gives the same columns.
    twice.sort();
    fourTimes.sort();
    return {twice.join(QLatin1Char(' ')), fourTimes.join(QLatin1Char(' '))};
}

QStringList trigrams(const QString &word)
{
    QStringList pieces;
    const QString lower = word.toLower();
    for (qsizetype i = 0; i + 3 <= lower.size(); ++i) {
        const QString piece = lower.mid(i, 3);
        if (!pieces.contains(piece))
            pieces << piece;
    }
    return pieces;
}

} // namespace ic::runbooks
