#include "RankFunction.h"

#include <QHash>
#include <QMutex>
#include <QSqlDriver>
#include <QVariant>
#include <cmath>
#include <memory>
#include <sqlite3.h>

namespace ic::runbooks {
namespace {

// One per connection that registered ic_rank; freed by SQLite when that connection closes.
struct ConnectionRank
{
    sqlite3 *handle = nullptr;
    RankInputs inputs;
};

// Never destroyed: a connection may close during static destruction.
QBasicMutex registryMutex;
QHash<sqlite3 *, ConnectionRank *> &registry()
{
    static auto *connections = new QHash<sqlite3 *, ConnectionRank *>;
    return *connections;
}

void forgetConnection(void *pointer)
{
    auto *rank = static_cast<ConnectionRank *>(pointer);
    {
        const QMutexLocker lock(&registryMutex);
        if (registry().value(rank->handle) == rank)
            registry().remove(rank->handle);
    }
    delete rank;
}

// What bm25() computes once per query: IDF of each phrase and the average row length.
struct QueryData
{
    std::vector<double> idf;
    double averageLength = 1;
};

int countRow(const Fts5ExtensionApi *, Fts5Context *, void *count)
{
    ++*static_cast<sqlite3_int64 *>(count);
    return SQLITE_OK;
}

QueryData *queryData(const Fts5ExtensionApi *api, Fts5Context *fts, const RankInputs &inputs,
                     int *rc)
{
    if (auto *data = static_cast<QueryData *>(api->xGetAuxdata(fts, 0)))
        return data;
    auto data = std::make_unique<QueryData>();
    sqlite3_int64 rows = 0;
    sqlite3_int64 tokens = 0;
    *rc = api->xRowCount(fts, &rows);
    if (*rc == SQLITE_OK)
        *rc = api->xColumnTotalSize(fts, -1, &tokens);
    if (*rc != SQLITE_OK)
        return nullptr;
    data->averageLength = inputs.averageLength > 0 ? inputs.averageLength
                          : rows > 0               ? double(tokens) / double(rows)
                                                   : 1;
    if (data->averageLength <= 0)
        data->averageLength = 1;
    const int phrases = api->xPhraseCount(fts);
    data->idf.resize(std::size_t(phrases));
    for (int phrase = 0; phrase < phrases; ++phrase) {
        sqlite3_int64 hits = 0;
        *rc = api->xQueryPhrase(fts, phrase, &hits, countRow);
        if (*rc != SQLITE_OK)
            return nullptr;
        // bm25()'s IDF, floored the same way so that very common words still count a little.
        const double idf = std::log((double(rows - hits) + 0.5) / (double(hits) + 0.5));
        data->idf[std::size_t(phrase)] = idf <= 0 ? 1e-6 : idf;
    }
    QueryData *raw = data.release();
    *rc = api->xSetAuxdata(fts, raw, [](void *p) { delete static_cast<QueryData *>(p); });
    return *rc == SQLITE_OK ? raw : nullptr;
}

template <typename T> T at(const std::vector<T> *values, sqlite3_int64 rowid)
{
    return values && rowid >= 0 && std::size_t(rowid) < values->size() ? (*values)[rowid] : T{};
}

void rankFunction(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *context, int argc,
                  sqlite3_value **argv)
{
    const RankInputs &inputs = static_cast<ConnectionRank *>(api->xUserData(fts))->inputs;
    const sqlite3_int64 rowid = api->xRowid(fts);
    if (at(inputs.excluded, rowid) != 0) {
        sqlite3_result_double(context, -1);
        return;
    }
    int rc = SQLITE_OK;
    const QueryData *data = queryData(api, fts, inputs, &rc);
    if (!data) {
        sqlite3_result_error_code(context, rc);
        return;
    }
    const quint32 stored = at(inputs.lengths, rowid);
    double length = double(stored >> 1);
    if (stored == 0) {
        int tokens = 0;
        if ((rc = api->xColumnSize(fts, -1, &tokens)) != SQLITE_OK) {
            sqlite3_result_error_code(context, rc);
            return;
        }
        length = tokens;
    }
    constexpr double k1 = 1.2;
    constexpr double b = 0.75;
    const double norm = k1 * (1 - b + b * length / data->averageLength);
    double score = 0;
    for (std::size_t phrase = 0; phrase < data->idf.size(); ++phrase) {
        // The weighted frequency of the phrase in this row: the weights of its columns.
        double frequency = 0;
        Fts5PhraseIter it;
        int column = -1;
        if ((rc = api->xPhraseFirstColumn(fts, int(phrase), &it, &column)) != SQLITE_OK) {
            sqlite3_result_error_code(context, rc);
            return;
        }
        for (; column >= 0; api->xPhraseNextColumn(fts, &it, &column))
            frequency += column < argc ? sqlite3_value_double(argv[column]) : 1.0;
        score += data->idf[phrase] * (frequency * (k1 + 1)) / (frequency + norm);
    }
    if (stored & 1)
        score *= sectionFactor;
    sqlite3_result_double(context, score);
}

sqlite3 *handleOf(const QSqlDatabase &db)
{
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

fts5_api *fts5Of(sqlite3 *handle)
{
    fts5_api *api = nullptr;
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v2(handle, "SELECT fts5(?1)", -1, &statement, nullptr) != SQLITE_OK)
        return nullptr;
    sqlite3_bind_pointer(statement, 1, static_cast<void *>(&api), "fts5_api_ptr", nullptr);
    sqlite3_step(statement);
    sqlite3_finalize(statement);
    return api;
}

} // namespace

RankInputs *rankInputsFor(const QSqlDatabase &db, QString *error)
{
    sqlite3 *handle = handleOf(db);
    if (!handle) {
        *error = QStringLiteral("the runbook index needs an open SQLite connection");
        return nullptr;
    }
    const QMutexLocker lock(&registryMutex);
    if (ConnectionRank *known = registry().value(handle))
        return &known->inputs;
    fts5_api *api = fts5Of(handle);
    if (!api || api->iVersion < 2) {
        *error = QStringLiteral("this SQLite has no FTS5, which the runbook index needs");
        return nullptr;
    }
    auto *rank = new ConnectionRank{handle, {}};
    // From here SQLite owns rank and calls forgetConnection when the connection closes; a
    // failed registration does not call it.
    if (api->xCreateFunction(api, "ic_rank", rank, rankFunction, forgetConnection) != SQLITE_OK) {
        delete rank;
        *error = QStringLiteral("cannot register the runbook ranking: %1")
                     .arg(QString::fromUtf8(sqlite3_errmsg(handle)));
        return nullptr;
    }
    registry().insert(handle, rank);
    return &rank->inputs;
}

bool inTransaction(const QSqlDatabase &db)
{
    sqlite3 *handle = handleOf(db);
    return handle && sqlite3_get_autocommit(handle) == 0;
}

QByteArray packLengths(const std::vector<quint32> &lengths)
{
    QByteArray blob(qsizetype(lengths.size() * 4), Qt::Uninitialized);
    auto *out = reinterpret_cast<uchar *>(blob.data());
    for (const quint32 value : lengths) {
        out[0] = uchar(value);
        out[1] = uchar(value >> 8);
        out[2] = uchar(value >> 16);
        out[3] = uchar(value >> 24);
        out += 4;
    }
    return blob;
}

std::vector<quint32> unpackLengths(const QByteArray &blob)
{
    std::vector<quint32> lengths(std::size_t(blob.size() / 4));
    const auto *in = reinterpret_cast<const uchar *>(blob.constData());
    for (quint32 &value : lengths) {
        value = quint32(in[0]) | quint32(in[1]) << 8 | quint32(in[2]) << 16 | quint32(in[3]) << 24;
        in += 4;
    }
    return lengths;
}

} // namespace ic::runbooks
