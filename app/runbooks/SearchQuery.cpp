#include "SearchQuery.h"

#include <QSet>

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
