#pragma once

#include <QString>
#include <vector>

namespace ic::runbooks {

// A word of a query as the index matches it: lower case without diacritics, a prefix for
// the last word while typing, and a CamelCase word also as its parts.
struct SnippetTerm
{
    QString text;
    bool prefix = false;
};

std::vector<SnippetTerm> snippetTerms(const QString &query);

// What FTS5's snippet() shows, made without it: up to `tokens` words of text around the
// query's words, each match wrapped in highlightOpen / highlightClose (RunbookTypes.h) and
// "…" where the text was cut. Windows with more of the different words win, then more
// matches, then a window that starts a sentence. Without any match it is the text's first
// words and *matched is false. snippet() tokenizes the whole column twice per row, which
// costs about a millisecond for a 6 KB runbook; this scans it once.
QString makeSnippet(const QString &text, const std::vector<SnippetTerm> &terms, int tokens,
                    bool *matched = nullptr);

} // namespace ic::runbooks
