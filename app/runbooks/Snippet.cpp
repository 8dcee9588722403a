#include "Snippet.h"

#include "RunbookTypes.h"
#include "SearchQuery.h"

#include <algorithm>
#include <bit>

namespace ic::runbooks {
namespace {

bool isAscii(QStringView text)
{
    return std::all_of(text.begin(), text.end(), [](QChar c) { return c.unicode() < 0x80; });
}

bool matchesTerm(QStringView token, bool ascii, const SnippetTerm &term)
{
    if (ascii)
        return term.prefix ? token.startsWith(term.text, Qt::CaseInsensitive)
                           : token.compare(term.text, Qt::CaseInsensitive) == 0;
    const QString word = foldedWord(token);
    return term.prefix ? word.startsWith(term.text) : word == term.text;
}

bool hasInnerCapital(QStringView token)
{
    return std::any_of(token.begin() + 1, token.end(), [](QChar c) { return c.isUpper(); });
}

// The query's terms, with what lets most words of a text be passed over at a glance.
class TermMatcher
{
public:
    explicit TermMatcher(const std::vector<SnippetTerm> &terms) : m_terms(terms)
    {
        for (const SnippetTerm &term : terms) {
            const char16_t first = term.text.isEmpty() ? 0 : term.text.front().unicode();
            if (first < 0x80)
                m_firstLetters[first] = true;
        }
    }

    // Index of the first term the token matches, whole or by one of its CamelCase parts;
    // -1 when none does.
    int match(QStringView token) const
    {
        const bool ascii = isAscii(token);
        // An ASCII word can only match a term that starts with its first letter.
        if (!ascii || m_firstLetters[QChar::toLower(token.front().unicode()) & 0x7f]) {
            for (std::size_t i = 0; i < m_terms.size(); ++i) {
                if (matchesTerm(token, ascii, m_terms[i]))
                    return int(i);
            }
        }
        if (token.size() < 4 || !hasInnerCapital(token))
            return -1;
        for (const QString &part : splitCamelCase(token.toString())) {
            for (std::size_t i = 0; i < m_terms.size(); ++i) {
                if (matchesTerm(part, isAscii(part), m_terms[i]))
                    return int(i);
            }
        }
        return -1;
    }

private:
    const std::vector<SnippetTerm> &m_terms;
    bool m_firstLetters[128] = {};
};

struct Token
{
    qsizetype start = 0;
    qsizetype end = 0;
    int term = -1;               // the matched term, or -1
    bool startsSentence = false; // first token, or after ". " and the like
};

std::vector<Token> tokenize(const QString &text, const std::vector<SnippetTerm> &terms)
{
    const TermMatcher matcher(terms);
    std::vector<Token> tokens;
    tokens.reserve(std::size_t(text.size() / 6));
    qsizetype start = -1;
    qsizetype previousEnd = 0;
    const auto finish = [&](qsizetype end) {
        Token token{start, end, -1, tokens.empty()};
        for (qsizetype i = previousEnd; i < start && !token.startsSentence; ++i) {
            const QChar c = text.at(i);
            token.startsSentence = c == QLatin1Char('.') || c == QLatin1Char('!') ||
                                   c == QLatin1Char('?') || c == QLatin1Char('\n');
        }
        token.term = matcher.match(QStringView(text).mid(start, end - start));
        tokens.push_back(token);
        previousEnd = end;
        start = -1;
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        char32_t c = text.at(i).unicode();
        if (c < 0x80) {
            // Most of a runbook: letters and digits are the token characters of ASCII.
            const bool tokenChar =
                (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (tokenChar && start < 0)
                start = i;
            else if (!tokenChar && start >= 0)
                finish(i);
            continue;
        }
        qsizetype width = 1;
        if (QChar::isHighSurrogate(c) && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            c = QChar::surrogateToUcs4(text.at(i), text.at(i + 1));
            width = 2;
        }
        if (isTokenChar(c)) {
            if (start < 0)
                start = i;
        } else if (start >= 0) {
            finish(i);
        }
        i += width - 1;
    }
    if (start >= 0)
        finish(text.size());
    return tokens;
}

// Different terms weigh most (as in snippet()), then the number of matches.
int windowScore(const std::vector<Token> &tokens, std::size_t from, std::size_t size)
{
    quint64 seen = 0;
    int matches = 0;
    for (std::size_t i = from; i < std::min(tokens.size(), from + size); ++i) {
        if (tokens[i].term < 0)
            continue;
        seen |= quint64(1) << (tokens[i].term % 64);
        ++matches;
    }
    return 1000 * std::popcount(seen) + matches;
}

} // namespace

std::vector<SnippetTerm> snippetTerms(const QString &query)
{
    std::vector<SnippetTerm> terms;
    // The words as typed: CamelCase needs the capitals.
    QStringList original;
    QString current;
    for (const QChar c : query) {
        if (c.isLetterOrNumber()) {
            current += c;
        } else if (!current.isEmpty()) {
            original << current;
            current.clear();
        }
    }
    if (!current.isEmpty())
        original << current;
    const bool prefixLast = !query.isEmpty() && !query.back().isSpace();
    for (qsizetype i = 0; i < original.size(); ++i) {
        const bool prefix = prefixLast && i == original.size() - 1;
        terms.push_back({foldedWord(original.at(i)), prefix});
        const QStringList parts = splitCamelCase(original.at(i));
        for (qsizetype p = 0; parts.size() > 1 && p < parts.size(); ++p)
            terms.push_back({foldedWord(parts.at(p)), prefix && p == parts.size() - 1});
    }
    return terms;
}

QString makeSnippet(const QString &text, const std::vector<SnippetTerm> &terms, int size,
                    bool *matched)
{
    const std::vector<Token> tokens = tokenize(text, terms);
    const std::size_t window = std::size_t(std::max(1, size));
    std::size_t start = 0;
    int best = -1;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (tokens[i].term < 0)
            continue;
        // The window from this match, shifted so the matches in it sit in its middle.
        const int score = windowScore(tokens, i, window);
        if (score > best) {
            std::size_t last = i;
            for (std::size_t j = i; j < std::min(tokens.size(), i + window); ++j) {
                if (tokens[j].term >= 0)
                    last = j;
            }
            const std::size_t spare = window - (last - i + 1);
            best = score;
            start = i > spare / 2 ? i - spare / 2 : 0;
        }
        // The window from the start of this match's sentence, when it still holds the match.
        std::size_t sentence = i;
        while (sentence > 0 && !tokens[sentence].startsSentence && i - sentence + 1 < window)
            --sentence;
        if (tokens[sentence].startsSentence && sentence < i) {
            const int fromSentence =
                windowScore(tokens, sentence, window) + (sentence == 0 ? 120 : 100);
            if (fromSentence > best) {
                best = fromSentence;
                start = sentence;
            }
        }
    }
    if (matched)
        *matched = best >= 0;
    if (tokens.empty())
        return {};
    if (tokens.size() > window)
        start = std::min(start, tokens.size() - window);
    else
        start = 0;
    const std::size_t end = std::min(tokens.size(), start + window);
    QString out;
    if (start > 0)
        out += QStringLiteral("…");
    for (std::size_t i = start; i < end; ++i) {
        if (i > start)
            out += QStringView(text).mid(tokens[i - 1].end, tokens[i].start - tokens[i - 1].end);
        const QStringView word =
            QStringView(text).mid(tokens[i].start, tokens[i].end - tokens[i].start);
        if (tokens[i].term >= 0)
            out += highlightOpen + word + highlightClose;
        else
            out += word;
    }
    if (end < tokens.size())
        out += QStringLiteral("…");
    return out;
}

} // namespace ic::runbooks
