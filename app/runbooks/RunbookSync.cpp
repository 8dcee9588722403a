// RunbookLibrary::sync: folders -> runbooks, runbook_text, runbooks_fts, runbooks_titles,
// runbooks_trigram, runbook_rank, runbook_problems.
#include "BundledRunbooks.h"
#include "FolderWalker.h"
#include "RankFunction.h"
#include "RunbookFile.h"
#include "RunbookLibrary.h"
#include "SearchQuery.h"
#include "core/Ids.h"
#include "core/Logging.h"
#include "storage/Sql.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <algorithm>
#include <limits>

namespace ic::runbooks {
namespace {

struct StoredFile
{
    qint64 num = 0;
    QString id;
    qint64 size = 0;
    qint64 modifiedMs = 0;
    QString hash;
};

QString jsonList(const QStringList &values)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(values)).toJson(QJsonDocument::Compact));
}

// QtSql binds a null QString as NULL; the text columns are NOT NULL.
QString notNull(const QString &text)
{
    return text.isNull() ? QLatin1String("") : text;
}

// "database/replication-lag.md" -> "database/replication-lag"; a section page names its
// folder ("database"), the top folder's own page is "index".
QString baseId(const QString &relPath)
{
    const QFileInfo info(relPath);
    if (isSectionPage(info.fileName())) {
        const QString folder = QDir::cleanPath(info.path());
        return folder == QLatin1String(".") ? QStringLiteral("index") : folder;
    }
    const QString folder = QDir::cleanPath(info.path());
    const QString stem = info.completeBaseName();
    return folder == QLatin1String(".") ? stem : folder % QLatin1Char('/') % stem;
}

constexpr int filesPerTransaction = 500;

// The folder console.db lives in: the data dir, which also holds the webhook secret and
// backups and is never indexed. Empty for a database without a file.
QString dataDirOf(const QSqlDatabase &db)
{
    const QFileInfo file(db.databaseName());
    return file.isAbsolute() && file.exists() ? file.absolutePath() : QString();
}

class Syncer
{
public:
    Syncer(const QSqlDatabase &db, ScanReport &report, const std::atomic<bool> *cancel)
        : m_db(db), m_report(report), m_cancel(cancel)
    {}

    bool run(const QStringList &roots)
    {
        const WalkResult walk = walkRunbookFolders(roots, {dataDirOf(m_db)});
        m_report.problems = walk.problems;
        m_report.folders = walk.directories;
        for (const FoundFile &file : walk.files)
            m_report.files << file.path;
        if (!loadStored())
            return false;
        // FTS5 merges its index segments through the page cache, which SQLite's 2 MB default
        // keeps small for a cold index of thousands of files.
        execute(QStringLiteral("PRAGMA cache_size = -65536"), {});
        auto transaction = std::make_unique<sql::WriteTransaction>(m_db);
        if (!transaction->isActive())
            return fail(transaction->error());
        QSet<QString> seen;
        for (const FoundFile &file : walk.files) {
            if (m_cancel && m_cancel->load()) {
                m_report.cancelled = true;
                return storeRankData() && (transaction->commit() || fail(transaction->error()));
            }
            seen.insert(file.path);
            if (!syncFile(file))
                return false;
            // Commit in batches: the window's own writes (a checklist tick) wait for the
            // write lock, and must not wait for a cold index of thousands of files.
            if (m_parsedInBatch >= filesPerTransaction) {
                if (!transaction->commit())
                    return fail(transaction->error());
                transaction = std::make_unique<sql::WriteTransaction>(m_db);
                if (!transaction->isActive())
                    return fail(transaction->error());
                m_parsedInBatch = 0;
            }
        }
        for (auto it = m_stored.cbegin(); it != m_stored.cend(); ++it) {
            if (!seen.contains(it.key())) {
                if (!remove(it.value().num))
                    return false;
                ++m_report.removed;
            }
        }
        if (!storeProblems() || !storeRankData())
            return false;
        return transaction->commit() || fail(transaction->error());
    }

private:
    bool fail(const QString &error)
    {
        m_report.error = error;
        return false;
    }

    bool loadStored()
    {
        QString error;
        auto query = sql::exec(
            m_db, QStringLiteral("SELECT num, id, path, size, modified_ms, hash FROM runbooks"), {},
            &error);
        if (!query)
            return fail(error);
        while (query->next()) {
            m_stored.insert(query->value(2).toString(),
                            {query->value(0).toLongLong(), query->value(1).toString(),
                             query->value(3).toLongLong(), query->value(4).toLongLong(),
                             query->value(5).toString()});
            m_takenIds.insert(query->value(1).toString());
        }
        auto problems = sql::exec(
            m_db, QStringLiteral("SELECT path, reason FROM runbook_problems WHERE indexed = 1"), {},
            &error);
        if (!problems)
            return fail(error);
        while (problems->next())
            m_keptProblems.insert(problems->value(0).toString(), problems->value(1).toString());
        return true;
    }

    bool syncFile(const FoundFile &file)
    {
        const auto stored = m_stored.constFind(file.path);
        const bool known = stored != m_stored.cend();
        if (known && stored->size == file.size && stored->modifiedMs == file.modifiedMs) {
            ++m_report.unchanged;
            if (m_keptProblems.contains(file.path))
                m_report.problems.push_back({file.path, m_keptProblems.value(file.path), true});
            return true;
        }
        const LoadedFile loaded = loadRunbookFile(file.path);
        if (!loaded.skipReason.isEmpty()) {
            m_report.problems.push_back({file.path, loaded.skipReason, false});
            if (known) {
                ++m_report.removed;
                return remove(stored->num);
            }
            return true;
        }
        if (known && stored->hash == QString::fromLatin1(loaded.hash)) {
            ++m_report.touched;
            if (m_keptProblems.contains(file.path))
                m_report.problems.push_back({file.path, m_keptProblems.value(file.path), true});
            return execute(QStringLiteral("UPDATE runbooks SET size = ?, modified_ms = ? "
                                          "WHERE num = ?"),
                           {file.size, file.modifiedMs, stored->num});
        }
        const ParsedRunbook parsed = parseRunbook(loaded.text, file.path);
        if (!parsed.frontMatterError.isEmpty())
            m_report.problems.push_back(
                {file.path, parsed.frontMatterError % QStringLiteral(" (indexed without it)"),
                 true});
        if (loaded.truncated)
            m_report.problems.push_back(
                {file.path,
                 QStringLiteral("larger than %1 MB; only the first %1 MB are indexed")
                     .arg(maxRunbookBytes / (1024 * 1024)),
                 true});
        if (known) {
            ++m_report.updated;
            return remove(stored->num) && insert(file, loaded, parsed, stored->id);
        }
        ++m_report.added;
        return insert(file, loaded, parsed, uniqueId(file));
    }

    QString uniqueId(const FoundFile &file)
    {
        QString id = baseId(file.relPath);
        if (m_takenIds.contains(id))
            id = QFileInfo(file.root).fileName() % QLatin1Char('/') % id;
        const QString base = id;
        for (int n = 2; m_takenIds.contains(id); ++n)
            id = base % QLatin1Char('-') % QString::number(n);
        m_takenIds.insert(id);
        return id;
    }

    bool insert(const FoundFile &file, const LoadedFile &loaded, const ParsedRunbook &parsed,
                const QString &id)
    {
        const RunbookMeta &meta = parsed.meta;
        const QString aliases = meta.aliases.join(QLatin1Char(' '));
        const QString tags = meta.tags.join(QLatin1Char(' '));
        const QString fileName =
            file.relPath % QLatin1Char(' ') % QFileInfo(file.path).completeBaseName();
        const QString terms =
            camelCaseExpansions(meta.title % QLatin1Char(' ') % aliases % QLatin1Char(' ') %
                                fileName % QLatin1Char(' ') % parsed.outline.plainText);
        const QStringList ftsColumns{
            notNull(meta.title),      aliases, tags, fileName, notNull(meta.description),
            parsed.outline.plainText, terms};
        int tokens = 0;
        for (const QString &column : ftsColumns)
            tokens += tokenCount(column);
        const RepeatedWords repeated = repeatedWords(parsed.outline.plainText);
        const QString parts = camelCaseExpansions(meta.title % QLatin1Char(' ') % aliases);
        const int titleTokens = tokenCount(meta.title) + tokenCount(aliases) + tokenCount(parts);
        QString error;
        auto query = sql::exec(
            m_db,
            QStringLiteral(
                "INSERT INTO runbooks (id, path, root, rel_path, size, modified_ms, hash, title, "
                "description, tags, severity, owner, last_reviewed, review_every_seconds, "
                "services, checks, aliases, extra, is_section, truncated, indexed_at, tokens, "
                "title_tokens) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                "?, ?, ?)"),
            {id,
             file.path,
             file.root,
             file.relPath,
             file.size,
             file.modifiedMs,
             QString::fromLatin1(loaded.hash),
             notNull(meta.title),
             notNull(meta.description),
             jsonList(meta.tags),
             notNull(meta.severity),
             notNull(meta.owner),
             meta.lastReviewed.isValid() ? QVariant(meta.lastReviewed.toString(Qt::ISODate))
                                         : QVariant(),
             meta.reviewEvery ? QVariant(qint64(meta.reviewEvery->count())) : QVariant(),
             jsonList(meta.services),
             jsonList(meta.checks),
             jsonList(meta.aliases),
             QString::fromUtf8(QJsonDocument(meta.extra).toJson(QJsonDocument::Compact)),
             isSectionPage(file.relPath) ? 1 : 0,
             loaded.truncated ? 1 : 0,
             storedNow(),
             tokens,
             titleTokens},
            &error);
        if (!query)
            return fail(error);
        const QVariant num = query->lastInsertId();
        ++m_parsedInBatch;
        m_changed = true;
        QVariantList ftsValues{num};
        for (const QString &column : ftsColumns)
            ftsValues << notNull(column);
        ftsValues << notNull(repeated.twice) << notNull(repeated.fourTimes);
        // runbooks_fts keeps no text: removing the row again takes these exact values.
        return execute(QStringLiteral("INSERT INTO runbook_text (num, title, aliases, tags, "
                                      "file_name, description, body, terms, body_repeated, "
                                      "body_frequent) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                       ftsValues) &&
               execute(QStringLiteral("INSERT INTO runbooks_fts (rowid, title, aliases, tags, "
                                      "file_name, description, body, terms, body_repeated, "
                                      "body_frequent) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                       ftsValues) &&
               execute(QStringLiteral("INSERT INTO runbooks_titles (rowid, title, aliases, "
                                      "parts) VALUES (?, ?, ?, ?)"),
                       {num, notNull(meta.title), notNull(aliases), notNull(parts)}) &&
               execute(QStringLiteral("INSERT INTO runbooks_trigram (rowid, words) VALUES (?, ?)"),
                       {num, QStringList{meta.title, aliases, tags, file.relPath}.join(
                                 QLatin1Char(' '))});
    }

    bool remove(qint64 num)
    {
        m_changed = true;
        // A contentless index forgets a row when told the values it was given.
        return execute(QStringLiteral("INSERT INTO runbooks_fts (runbooks_fts, rowid, title, "
                                      "aliases, tags, file_name, description, body, terms, "
                                      "body_repeated, body_frequent) SELECT 'delete', num, "
                                      "title, aliases, tags, file_name, description, body, "
                                      "terms, body_repeated, body_frequent FROM runbook_text "
                                      "WHERE num = ?"),
                       {num}) &&
               execute(QStringLiteral("DELETE FROM runbook_text WHERE num = ?"), {num}) &&
               execute(QStringLiteral("DELETE FROM runbooks_titles WHERE rowid = ?"), {num}) &&
               execute(QStringLiteral("DELETE FROM runbooks_trigram WHERE rowid = ?"), {num}) &&
               execute(QStringLiteral("DELETE FROM runbooks WHERE num = ?"), {num});
    }

    // Every row's lengths and section flag in one blob per index for ic_rank; after any
    // change, and when missing (a database the previous schema indexed).
    bool storeRankData()
    {
        QString error;
        if (!m_changed &&
            sql::scalar(m_db, QStringLiteral("SELECT count(*) FROM runbook_rank"), {}, &error)
                    .toInt() > 0)
            return true;
        auto rows = sql::exec(
            m_db, QStringLiteral("SELECT num, tokens, title_tokens, is_section FROM runbooks"), {},
            &error);
        if (!rows)
            return fail(error);
        std::vector<quint32> lengths;
        std::vector<quint32> titleLengths;
        // tokens * 2 + the section flag, so a length stays below 2^31; 0 when unknown.
        const auto packed = [](qint64 tokens, bool section) {
            const auto clamped = quint32(std::clamp<qint64>(tokens, 0, 1 << 30));
            return clamped == 0 ? 0 : clamped * 2 + (section ? 1 : 0);
        };
        while (rows->next()) {
            const qint64 num = rows->value(0).toLongLong();
            if (num < 0 || num > std::numeric_limits<int>::max())
                continue;
            if (std::size_t(num) >= lengths.size()) {
                lengths.resize(std::size_t(num) + 1, 0);
                titleLengths.resize(std::size_t(num) + 1, 0);
            }
            const bool section = rows->value(3).toBool();
            lengths[std::size_t(num)] = packed(rows->value(1).toLongLong(), section);
            titleLengths[std::size_t(num)] = packed(rows->value(2).toLongLong(), section);
        }
        return execute(QStringLiteral("INSERT OR REPLACE INTO runbook_rank (id, lengths, "
                                      "title_lengths) VALUES (1, ?, ?)"),
                       {packLengths(lengths), packLengths(titleLengths)});
    }

    bool storeProblems()
    {
        if (!execute(QStringLiteral("DELETE FROM runbook_problems"), {}))
            return false;
        const QString now = storedNow();
        for (const RunbookProblem &problem : m_report.problems) {
            if (!execute(QStringLiteral("INSERT OR REPLACE INTO runbook_problems (path, reason, "
                                        "indexed, seen_at) VALUES (?, ?, ?, ?)"),
                         {problem.path, problem.reason, problem.indexed ? 1 : 0, now}))
                return false;
        }
        return true;
    }

    bool execute(const QString &statement, const QVariantList &params)
    {
        QString error;
        return sql::exec(m_db, statement, params, &error).has_value() || fail(error);
    }

    QSqlDatabase m_db;
    ScanReport &m_report;
    const std::atomic<bool> *m_cancel;
    QHash<QString, StoredFile> m_stored;
    QHash<QString, QString> m_keptProblems;
    QSet<QString> m_takenIds;
    int m_parsedInBatch = 0;
    bool m_changed = false;
};

} // namespace

ScanReport RunbookLibrary::sync(const QStringList &roots, const std::atomic<bool> *cancel)
{
    ScanReport report;
    if (!Syncer(m_db, report, cancel).run(roots)) {
        log::get(log::Runbooks)->error("indexing runbooks failed: {}", report.error.toStdString());
        return report;
    }
    for (const RunbookProblem &problem : report.problems)
        log::get(log::Runbooks)
            ->warn("{}: {}", problem.path.toStdString(), problem.reason.toStdString());
    log::get(log::Runbooks)
        ->info("runbooks indexed: {} new, {} changed, {} unchanged, {} removed, {} problems",
               report.added, report.updated, report.unchanged + report.touched, report.removed,
               report.problems.size());
    return report;
}

QStringList runbookRoots(const QStringList &extraFolders)
{
    QStringList roots;
    QSet<QString> seen;
    QStringList candidates = extraFolders;
    if (const QString bundled = bundledRunbookDir(); !bundled.isEmpty())
        candidates.prepend(bundled);
    for (const QString &folder : candidates) {
        const QFileInfo info(folder);
        const QString key = info.exists() ? info.canonicalFilePath() : info.absoluteFilePath();
        if (seen.contains(key))
            continue;
        seen.insert(key);
        roots << QDir::cleanPath(info.absoluteFilePath());
    }
    return roots;
}

} // namespace ic::runbooks
