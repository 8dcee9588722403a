#include "RunbookLibrary.h"

#include "RankFunction.h"
#include "RunbookFile.h"
#include "SearchQuery.h"
#include "SearchSql.h"
#include "Snippet.h"
#include "storage/Sql.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <algorithm>

namespace ic::runbooks {
namespace {

const QString recordColumns = QStringLiteral(
    "id, path, root, rel_path, size, modified_ms, title, description, tags, severity, owner, "
    "last_reviewed, review_every_seconds, services, checks, aliases, extra, is_section, "
    "truncated");

QStringList listFrom(const QVariant &value)
{
    QStringList values;
    const QJsonArray array = QJsonDocument::fromJson(value.toString().toUtf8()).array();
    for (const auto &item : array)
        values << item.toString();
    return values;
}

RunbookRecord recordFrom(const QSqlQuery &query)
{
    RunbookRecord record;
    record.id = query.value(0).toString();
    record.path = query.value(1).toString();
    record.root = query.value(2).toString();
    record.relPath = query.value(3).toString();
    record.size = query.value(4).toLongLong();
    record.modified = QDateTime::fromMSecsSinceEpoch(query.value(5).toLongLong(), Qt::UTC);
    RunbookMeta &meta = record.meta;
    meta.title = query.value(6).toString();
    meta.description = query.value(7).toString();
    meta.tags = listFrom(query.value(8));
    meta.severity = query.value(9).toString();
    meta.owner = query.value(10).toString();
    meta.lastReviewed = QDate::fromString(query.value(11).toString(), Qt::ISODate);
    if (!query.value(12).isNull())
        meta.reviewEvery = std::chrono::seconds(query.value(12).toLongLong());
    meta.services = listFrom(query.value(13));
    meta.checks = listFrom(query.value(14));
    meta.aliases = listFrom(query.value(15));
    meta.extra = QJsonDocument::fromJson(query.value(16).toString().toUtf8()).object();
    record.isSection = query.value(17).toBool();
    record.truncated = query.value(18).toBool();
    return record;
}

// A word's distinct three-letter pieces as sorted numbers, so comparing two words takes no
// allocation: the fallback compares every query word with every word of 200 candidates.
using Pieces = std::vector<quint64>;

void piecesOf(QStringView lowerWord, Pieces &out)
{
    out.clear();
    for (qsizetype i = 0; i + 3 <= lowerWord.size(); ++i)
        out.push_back(quint64(lowerWord[i].unicode()) << 32 |
                      quint64(lowerWord[i + 1].unicode()) << 16 | lowerWord[i + 2].unicode());
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
}

// How alike a query word and a candidate's closest word are: shared three-letter pieces over
// all pieces of both (Jaccard), so a missing letter scores high and a chance overlap low.
class Similarity
{
public:
    explicit Similarity(const QStringList &words)
    {
        for (const QString &word : words) {
            m_words.emplace_back();
            piecesOf(word, m_words.back());
        }
    }

    // The mean over the query words of their best match among candidate's words.
    double of(const QString &candidate)
    {
        const QString lower = candidate.toLower();
        m_best.assign(m_words.size(), 0.0);
        qsizetype start = -1;
        const auto finish = [&](qsizetype end) {
            piecesOf(QStringView(lower).mid(start, end - start), m_candidate);
            for (std::size_t w = 0; w < m_words.size(); ++w) {
                const Pieces &pieces = m_words[w];
                std::size_t shared = 0;
                auto a = pieces.cbegin();
                auto b = m_candidate.cbegin();
                while (a != pieces.cend() && b != m_candidate.cend()) {
                    if (*a == *b) {
                        ++shared;
                        ++a;
                        ++b;
                    } else if (*a < *b) {
                        ++a;
                    } else {
                        ++b;
                    }
                }
                const std::size_t all = pieces.size() + m_candidate.size() - shared;
                if (all > 0)
                    m_best[w] = std::max(m_best[w], double(shared) / double(all));
            }
            start = -1;
        };
        for (qsizetype i = 0; i < lower.size(); ++i) {
            if (lower.at(i).isLetterOrNumber()) {
                if (start < 0)
                    start = i;
            } else if (start >= 0) {
                finish(i);
            }
        }
        if (start >= 0)
            finish(lower.size());
        double total = 0;
        for (const double best : m_best)
            total += best;
        return m_words.empty() ? 0 : total / double(m_words.size());
    }

private:
    std::vector<Pieces> m_words;
    Pieces m_candidate;
    std::vector<double> m_best;
};

} // namespace

RunbookLibrary::RunbookLibrary(QSqlDatabase connection) : m_db(std::move(connection)) {}

std::vector<RunbookRecord> RunbookLibrary::list() const
{
    std::vector<RunbookRecord> records;
    auto query = sql::exec(m_db,
                           // security-check: allow %1 is the constant column list
                           QStringLiteral("SELECT %1 FROM runbooks ORDER BY is_section, title "
                                          "COLLATE NOCASE")
                               .arg(recordColumns),
                           {}, &m_error);
    while (query && query->next())
        records.push_back(recordFrom(*query));
    return records;
}

std::optional<RunbookRecord> RunbookLibrary::find(const QString &id) const
{
    auto query =
        // security-check: allow %1 is the constant column list
        sql::exec(m_db, QStringLiteral("SELECT %1 FROM runbooks WHERE id = ?").arg(recordColumns),
                  {id}, &m_error);
    if (query && query->next())
        return recordFrom(*query);
    return std::nullopt;
}

std::vector<RunbookProblem> RunbookLibrary::problems() const
{
    std::vector<RunbookProblem> problems;
    auto query = sql::exec(
        m_db, QStringLiteral("SELECT path, reason, indexed FROM runbook_problems ORDER BY path"),
        {}, &m_error);
    while (query && query->next())
        problems.push_back(
            {query->value(0).toString(), query->value(1).toString(), query->value(2).toBool()});
    return problems;
}

QSqlQuery *RunbookLibrary::prepared(const char *sql) const
{
    for (auto &[text, query] : m_statements) {
        if (text == sql)
            return &query;
    }
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.prepare(QString::fromUtf8(sql))) {
        m_error = query.lastError().text() + QStringLiteral(" (in: ") + QString::fromUtf8(sql) +
                  QLatin1Char(')');
        return nullptr;
    }
    m_statements.emplace_back(sql, std::move(query));
    return &m_statements.back().second;
}

namespace {

bool run(QSqlQuery *query, const QVariantList &params, QString *error)
{
    if (!query)
        return false;
    for (int i = 0; i < params.size(); ++i)
        query->bindValue(i, params.at(i));
    if (query->exec())
        return true;
    *error = query->lastError().text() + QStringLiteral(" (in: ") + query->lastQuery() +
             QLatin1Char(')');
    return false;
}

// Clears what ic_rank reads when the search is over, however it ends.
class RankInputsInUse
{
public:
    explicit RankInputsInUse(RankInputs *inputs) : m_inputs(inputs) {}
    ~RankInputsInUse() { *m_inputs = {}; }
    RankInputsInUse(const RankInputsInUse &) = delete;
    RankInputsInUse &operator=(const RankInputsInUse &) = delete;

private:
    RankInputs *m_inputs;
};

} // namespace

int RunbookLibrary::problemCount() const
{
    return sql::scalar(m_db, QStringLiteral("SELECT count(*) FROM runbook_problems"), {}, &m_error)
        .toInt();
}

std::vector<SearchHit> RunbookLibrary::search(const QString &text, int limit) const
{
    m_error.clear();
    const QString match = buildMatchQuery(text);
    if (match.isEmpty())
        return {};
    // One snapshot for every statement of the search, unless the caller has one open.
    const bool ownTransaction =
        !inTransaction(m_db) && sql::exec(m_db, QStringLiteral("BEGIN")).has_value();
    std::vector<SearchHit> hits = rankedSearch(text, match, limit);
    if (ownTransaction)
        sql::exec(m_db, QStringLiteral("COMMIT"));
    if (hits.empty() && m_error.isEmpty())
        return fuzzySearch(text, limit);
    return hits;
}

std::vector<SearchHit> RunbookLibrary::rankedSearch(const QString &text, const QString &match,
                                                    int limit) const
{
    std::vector<SearchHit> hits;
    RankInputs *inputs = rankInputsFor(m_db, &m_error);
    if (!inputs)
        return hits;
    QSqlQuery *lengths = prepared(search_sql::lengths);
    if (!run(lengths, {}, &m_error))
        return hits;
    const bool haveLengths = lengths->next();
    m_lengths =
        haveLengths ? unpackLengths(lengths->value(0).toByteArray()) : std::vector<quint32>();
    m_titleLengths =
        haveLengths ? unpackLengths(lengths->value(1).toByteArray()) : std::vector<quint32>();
    lengths->finish();

    const auto mean = [](const std::vector<quint32> &values) {
        double sum = 0;
        int known = 0;
        for (const quint32 value : values) {
            sum += value >> 1;
            known += value != 0 ? 1 : 0;
        }
        return known > 0 ? sum / known : 0.0;
    };
    const RankInputsInUse inUse(inputs);
    std::vector<qint64> rows;
    const auto collect = [&](QSqlQuery *query, double shownBonus) {
        while (query->next()) {
            rows.push_back(query->value(0).toLongLong());
            hits.push_back({query->value(1).toString(), query->value(2).toString(),
                            query->value(3).toString(), query->value(4).toDouble() + shownBonus,
                            QString(), false});
        }
        query->finish();
    };
    // The title tier first, shown 100 above the body tier as the scores always were.
    inputs->lengths = &m_titleLengths;
    inputs->averageLength = mean(m_titleLengths);
    QSqlQuery *titles = prepared(search_sql::titleRanked);
    if (!run(titles, {match, limit}, &m_error))
        return {};
    collect(titles, 100.0);
    // The bodies only for what the titles could not fill.
    if (int(hits.size()) < limit) {
        m_excluded.assign(m_lengths.size(), 0);
        for (const qint64 row : rows) {
            if (std::size_t(row) >= m_excluded.size())
                m_excluded.resize(std::size_t(row) + 1, 0);
            m_excluded[std::size_t(row)] = 1;
        }
        inputs->lengths = &m_lengths;
        inputs->averageLength = mean(m_lengths);
        inputs->excluded = &m_excluded;
        QSqlQuery *bodies = prepared(search_sql::bodyRanked);
        if (!run(bodies, {match, limit - int(hits.size())}, &m_error))
            return {};
        collect(bodies, 0.0);
    }

    const std::vector<SnippetTerm> terms = snippetTerms(text);
    QSqlQuery *texts = prepared(search_sql::snippetText);
    for (std::size_t i = 0; i < hits.size(); ++i) {
        if (!run(texts, {rows[i]}, &m_error))
            return {};
        if (texts->next()) {
            bool bodyMatched = false;
            hits[i].snippet = makeSnippet(texts->value(0).toString(), terms, 16, &bodyMatched);
            if (!bodyMatched) {
                bool descriptionMatched = false;
                const QString description =
                    makeSnippet(texts->value(1).toString(), terms, 16, &descriptionMatched);
                if (descriptionMatched)
                    hits[i].snippet = description;
            }
        }
        texts->finish();
    }
    return hits;
}

std::vector<SearchHit> RunbookLibrary::fuzzySearch(const QString &text, int limit) const
{
    std::vector<SearchHit> hits;
    const QStringList words = queryWords(text);
    QStringList pieces;
    for (const QString &word : words) {
        for (const QString &piece : trigrams(word))
            pieces << QLatin1Char('"') % piece % QLatin1Char('"');
    }
    if (pieces.isEmpty())
        return hits;
    // Any shared piece makes a candidate; the share of pieces then decides.
    QSqlQuery *query = prepared(search_sql::fuzzyCandidates);
    if (!run(query, {pieces.join(QLatin1String(" OR "))}, &m_error))
        return hits;
    constexpr double minimumOverlap = 0.4;
    Similarity similarity(words);
    while (query->next()) {
        const double overlap = similarity.of(query->value(3).toString());
        if (overlap >= minimumOverlap)
            hits.push_back({query->value(0).toString(), query->value(1).toString(),
                            query->value(2).toString(), overlap, QString(), true});
    }
    query->finish();
    std::stable_sort(hits.begin(), hits.end(),
                     [](const SearchHit &a, const SearchHit &b) { return a.score > b.score; });
    if (int(hits.size()) > limit)
        hits.resize(std::size_t(limit));
    return hits;
}

std::vector<RunbookTask> RunbookLibrary::tasks(const QString &id) const
{
    const auto record = find(id);
    if (!record)
        return {};
    const LoadedFile loaded = loadRunbookFile(record->path);
    if (!loaded.skipReason.isEmpty())
        return {};
    return parseRunbook(loaded.text, record->path).outline.tasks;
}

} // namespace ic::runbooks
