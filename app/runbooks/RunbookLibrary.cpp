#include "RunbookLibrary.h"

#include "RunbookFile.h"
#include "SearchQuery.h"
#include "SearchSql.h"
#include "storage/Sql.h"

#include <QJsonArray>
#include <QJsonDocument>
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

// How alike a query word and a candidate's closest word are: shared three-letter pieces over
// all pieces of both (Jaccard), so a missing letter scores high and a chance overlap low.
double wordSimilarity(const QString &word, const QStringList &candidateWords)
{
    const QStringList pieces = trigrams(word);
    double best = 0;
    for (const QString &candidate : candidateWords) {
        const QStringList other = trigrams(candidate);
        const auto shared = std::count_if(pieces.cbegin(), pieces.cend(),
                                          [&](const QString &p) { return other.contains(p); });
        const auto all = pieces.size() + other.size() - shared;
        if (all > 0)
            best = std::max(best, double(shared) / double(all));
    }
    return best;
}

double similarity(const QStringList &words, const QString &candidate)
{
    const QStringList candidateWords = queryWords(candidate);
    double total = 0;
    for (const QString &word : words)
        total += wordSimilarity(word, candidateWords);
    return words.isEmpty() ? 0 : total / double(words.size());
}

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

std::vector<SearchHit> RunbookLibrary::search(const QString &text, int limit) const
{
    std::vector<SearchHit> hits;
    const QString match = buildMatchQuery(text);
    if (match.isEmpty())
        return hits;
    auto query =
        sql::exec(m_db, QString::fromUtf8(search_sql::ranked),
                  {QStringLiteral("{title aliases} : (%1)").arg(match), match, limit}, &m_error);
    std::vector<qint64> rows;
    while (query && query->next()) {
        rows.push_back(query->value(0).toLongLong());
        hits.push_back({query->value(1).toString(), query->value(2).toString(),
                        query->value(3).toString(), query->value(4).toDouble(), QString(), false});
    }
    const QString snippetSql = QString::fromUtf8(search_sql::snippets);
    for (std::size_t i = 0; i < hits.size(); ++i) {
        auto snippet = sql::exec(m_db, snippetSql, {match, rows[i]}, &m_error);
        if (snippet && snippet->next()) {
            const QString body = snippet->value(0).toString();
            const QString description = snippet->value(1).toString();
            hits[i].snippet = body.contains(highlightOpen) || !description.contains(highlightOpen)
                                  ? body
                                  : description;
        }
    }
    if (hits.empty())
        return fuzzySearch(text, limit);
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
    auto query = sql::exec(
        m_db,
        QStringLiteral("SELECT r.id, r.path, r.title, t.words FROM runbooks_trigram t "
                       "JOIN runbooks r ON r.num = t.rowid WHERE runbooks_trigram MATCH ? "
                       "ORDER BY bm25(runbooks_trigram) LIMIT 200"),
        {pieces.join(QLatin1String(" OR "))}, &m_error);
    constexpr double minimumOverlap = 0.4;
    while (query && query->next()) {
        const double overlap = similarity(words, query->value(3).toString());
        if (overlap >= minimumOverlap)
            hits.push_back({query->value(0).toString(), query->value(1).toString(),
                            query->value(2).toString(), overlap, QString(), true});
    }
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
