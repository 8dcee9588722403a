#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

namespace ic::runbooks {

// "KubePodCrashLooping" -> {"Kube", "Pod", "Crash", "Looping"},
// {"HTTP", "Error", "Rate"} for "HTTPErrorRate". A word without inner capitals comes back alone.
QStringList splitCamelCase(const QString &word);

// The CamelCase parts of every compound word in text, space separated, so the index can
// match "crash looping" against a runbook that only says KubePodCrashLooping.
QString camelCaseExpansions(const QString &text);

// Turns what someone typed into an FTS5 MATCH expression: every word must match (as a
// prefix for the last one while typing, i.e. when text does not end in a space); a
// CamelCase word also matches as its parts. Punctuation is dropped, so user input can never
// form FTS5 syntax. Empty when there is nothing to search for.
QString buildMatchQuery(const QString &text);

// The words of a query, lower-case, for the typo-tolerant fallback.
QStringList queryWords(const QString &text);

// The distinct three-letter pieces of a word, as the trigram tokenizer indexes them.
QStringList trigrams(const QString &word);

// A token character as FTS5's unicode61 tokenizer sees it: letters, digits, private use.
bool isTokenChar(char32_t c);

// Tokens as unicode61 counts them: maximal runs of token characters.
int tokenCount(const QString &text);

// A token as the index stores it: lower case, without diacritics (remove_diacritics 2).
QString foldedWord(QStringView word);

// How often a word occurs in text, as columns can say it: the distinct folded words that
// occur at least twice, and those that occur at least four times, space separated.
struct RepeatedWords
{
    QString twice;
    QString fourTimes;
};
RepeatedWords repeatedWords(const QString &text);

} // namespace ic::runbooks
