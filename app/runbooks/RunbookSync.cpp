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

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
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
// While progress is shown: how often a batch is committed and reported at the latest.
constexpr qint64 progressEveryMs = 250;

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
    Syncer(const QSqlDatabase &db, ScanReport &report, const std::atomic<bool> *cancel,
           ScanProgress progress = {})
        : m_db(db), m_report(report), m_cancel(cancel), m_progress(std::move(progress))
    {}

    // Every folder under roots: the scan the window runs, and `runbooks reindex`.
    bool run(const QStringList &roots)
    {
        const qint64 startedMs = QDateTime::currentMSecsSinceEpoch();
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
        const int total = int(walk.files.size());
        if (m_progress)
            m_progress(0, total);
        QElapsedTimer batchAge;
        batchAge.start();
        for (int done = 0; done < total; ++done) {
            const FoundFile &file = walk.files.at(done);
            if (m_cancel && m_cancel->load()) {
                m_report.cancelled = true;
                return storeRankData() && storeFolders(walk, roots, startedMs) &&
                       storeRoots(roots) && (transaction->commit() || fail(transaction->error()));
            }
            seen.insert(file.path);
            if (!syncFile(file))
                return false;
            // Commit in batches: the window's own writes (a checklist tick) wait for the
            // write lock, and must not wait for a cold index of thousands of files. While
            // someone watches, also every fraction of a second, with the ranking data, so
            // what is done is searchable and ranked as it will be.
            const bool watchedBatchDue =
                m_progress && m_parsedInBatch > 0 && batchAge.elapsed() >= progressEveryMs;
            if (m_parsedInBatch >= filesPerTransaction || watchedBatchDue) {
                if (m_progress && !storeRankData())
                    return false;
                if (!transaction->commit())
                    return fail(transaction->error());
                if (m_progress)
                    m_progress(done + 1, total);
                transaction = std::make_unique<sql::WriteTransaction>(m_db);
                if (!transaction->isActive())
                    return fail(transaction->error());
                m_parsedInBatch = 0;
                batchAge.restart();
            }
        }
        for (auto it = m_stored.cbegin(); it != m_stored.cend(); ++it) {
            if (!seen.contains(it.key())) {
                if (!remove(it.value().num))
                    return false;
                ++m_report.removed;
            }
        }
        if (!storeProblems() || !storeRankData() || !storeFolders(walk, roots, startedMs) ||
            !storeRoots(roots))
            return false;
        if (!transaction->commit())
            return fail(transaction->error());
        if (m_progress)
            m_progress(total, total);
        return true;
    }

    // Only the given folders' own entries (and new subfolders), for an index that is
    // otherwise trusted: `refresh` found these folders changed or gone since last listed.
    bool runScoped(const QStringList &roots, const std::vector<FolderToRescan> &changed,
                   const QStringList &vanished, const std::vector<KnownFolder> &unchanged)
    {
        const qint64 startedMs = QDateTime::currentMSecsSinceEpoch();
        std::vector<KnownFolder> known = unchanged;
        QSet<QString> scope(vanished.cbegin(), vanished.cend());
        for (const FolderToRescan &folder : changed) {
            known.push_back({folder.path, QFileInfo(folder.path).canonicalFilePath()});
            scope.insert(folder.path);
        }
        const WalkResult walk = rescanRunbookFolders(changed, known, {dataDirOf(m_db)});
        for (const QString &folder : walk.directories)
            scope.insert(folder);
        m_scoped = true;
        m_report.problems = walk.problems;
        m_report.foldersRescanned = int(walk.directories.size());
        if (!loadStoredIn(scope))
            return false;
        sql::WriteTransaction transaction(m_db);
        if (!transaction.isActive())
            return fail(transaction.error());
        QSet<QString> seen;
        for (const FoundFile &file : walk.files) {
            seen.insert(file.path);
            if (!syncFile(file))
                return false;
        }
        for (auto it = m_stored.cbegin(); it != m_stored.cend(); ++it) {
            if (!seen.contains(it.key())) {
                if (!remove(it.value().num))
                    return false;
                ++m_report.removed;
            }
        }
        if (!storeProblemsIn(scope) || !storeRankData())
            return false;
        for (const QString &folder : vanished) {
            if (!execute(QStringLiteral("DELETE FROM runbook_folders WHERE path = ?"), {folder}))
                return false;
        }
        for (qsizetype i = 0; i < walk.directories.size(); ++i) {
            if (!storeFolder(walk.directories.at(i), rootOf(walk.directories.at(i), roots),
                             walk.canonicalDirectories.at(i), startedMs))
                return false;
        }
        return transaction.commit() || fail(transaction.error());
    }

private:
    static QString rootOf(const QString &folder, const QStringList &roots)
    {
        QString best;
        for (const QString &root : roots) {
            if ((folder == root || folder.startsWith(root + QLatin1Char('/'))) &&
                root.size() > best.size())
                best = root;
        }
        return best;
    }

    bool storeFolder(const QString &path, const QString &root, const QString &canonical,
                     qint64 listedMs)
    {
        return execute(QStringLiteral("INSERT OR REPLACE INTO runbook_folders (path, root, "
                                      "canonical, stamp) VALUES (?, ?, ?, ?)"),
                       {path, root, canonical, folderStamp(path, listedMs)});
    }

    // The folders a complete walk listed, for `refresh` to check instead of every file. A
    // cancelled walk leaves none: the next refresh then walks everything.
    bool storeFolders(const WalkResult &walk, const QStringList &roots, qint64 listedMs)
    {
        if (!execute(QStringLiteral("DELETE FROM runbook_folders"), {}))
            return false;
        if (m_report.cancelled)
            return true;
        for (qsizetype i = 0; i < walk.directories.size(); ++i) {
            if (!storeFolder(walk.directories.at(i), rootOf(walk.directories.at(i), roots),
                             walk.canonicalDirectories.at(i), listedMs))
                return false;
        }
        return true;
    }

    bool storeRoots(const QStringList &roots)
    {
        return execute(QStringLiteral("INSERT OR REPLACE INTO app_meta (key, value) VALUES "
                                      "('runbook_roots', ?)"),
                       {m_report.cancelled ? QStringLiteral("") : jsonList(roots)});
    }

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

    // The stored files whose folder is in scope, and the kept problems.
    bool loadStoredIn(const QSet<QString> &scope)
    {
        QString error;
        for (const QString &folder : scope) {
            // Every path under folder sorts between "folder/" and "folder0".
            auto query = sql::exec(
                m_db,
                QStringLiteral("SELECT num, id, path, size, modified_ms, "
                               "hash FROM runbooks WHERE path > ? AND path < ?"),
                {QString(folder + QLatin1Char('/')), QString(folder + QLatin1Char('0'))}, &error);
            if (!query)
                return fail(error);
            while (query->next()) {
                const QString path = query->value(2).toString();
                if (QFileInfo(path).path() != folder)
                    continue;
                m_stored.insert(
                    path, StoredFile{query->value(0).toLongLong(), query->value(1).toString(),
                                     query->value(3).toLongLong(), query->value(4).toLongLong(),
                                     query->value(5).toString()});
                m_takenIds.insert(query->value(1).toString());
            }
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

    // Replaces the problems of the folders in scope (their entries and themselves).
    bool storeProblemsIn(const QSet<QString> &scope)
    {
        QString error;
        auto stored =
            sql::exec(m_db, QStringLiteral("SELECT path FROM runbook_problems"), {}, &error);
        if (!stored)
            return fail(error);
        QStringList outdated;
        while (stored->next()) {
            const QString path = stored->value(0).toString();
            if (scope.contains(path) || scope.contains(QFileInfo(path).path()))
                outdated << path;
        }
        for (const QString &path : outdated) {
            if (!execute(QStringLiteral("DELETE FROM runbook_problems WHERE path = ?"), {path}))
                return false;
        }
        return insertProblems();
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

    // A scoped scan knows only its folders' ids; the index knows the others.
    bool idTaken(const QString &id)
    {
        if (m_takenIds.contains(id))
            return true;
        if (!m_scoped)
            return false;
        const bool taken =
            sql::scalar(m_db, QStringLiteral("SELECT 1 FROM runbooks WHERE id = ?"), {id})
                .isValid();
        if (taken)
            m_takenIds.insert(id);
        return taken;
    }

    QString uniqueId(const FoundFile &file)
    {
        QString id = baseId(file.relPath);
        if (idTaken(id))
            id = QFileInfo(file.root).fileName() % QLatin1Char('/') % id;
        const QString base = id;
        for (int n = 2; idTaken(id); ++n)
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
        return execute(QStringLiteral("DELETE FROM runbook_problems"), {}) && insertProblems();
    }

    bool insertProblems()
    {
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
    ScanProgress m_progress;
    QHash<QString, StoredFile> m_stored;
    QHash<QString, QString> m_keptProblems;
    QSet<QString> m_takenIds;
    int m_parsedInBatch = 0;
    bool m_changed = false;
    bool m_scoped = false;
};

} // namespace

namespace {

// Into the log file, not onto the terminal: `runbooks reindex` and `runbooks problems` show
// problems to people, and a search must not repeat them.
void logScan(const ScanReport &report)
{
    if (!report.error.isEmpty()) {
        log::get(log::Runbooks)->error("indexing runbooks failed: {}", report.error.toStdString());
        return;
    }
    for (const RunbookProblem &problem : report.problems)
        log::get(log::Runbooks)
            ->info("{}: {}", problem.path.toStdString(), problem.reason.toStdString());
    log::get(log::Runbooks)
        ->info("runbooks indexed{}: {} new, {} changed, {} unchanged, {} removed, {} problems",
               report.fullScan ? "" : " (changed folders only)", report.added, report.updated,
               report.unchanged + report.touched, report.removed, report.problems.size());
}

struct StoredFolder
{
    QString path;
    QString root;
    QString canonical;
    qint64 stamp = 0;
};

} // namespace

ScanReport RunbookLibrary::sync(const QStringList &roots, const std::atomic<bool> *cancel,
                                const ScanProgress &progress)
{
    ScanReport report;
    report.fullScan = true;
    Syncer(m_db, report, cancel, progress).run(roots);
    logScan(report);
    return report;
}

ScanReport RunbookLibrary::refresh(const QStringList &roots)
{
    QString error;
    const QString lastRoots =
        sql::scalar(m_db, QStringLiteral("SELECT value FROM app_meta WHERE key = 'runbook_roots'"),
                    {}, &error)
            .toString();
    if (!error.isEmpty()) {
        ScanReport report;
        report.error = error;
        return report;
    }
    if (lastRoots != jsonList(roots))
        return sync(roots);
    std::vector<StoredFolder> folders;
    auto query =
        sql::exec(m_db, QStringLiteral("SELECT path, root, canonical, stamp FROM runbook_folders"),
                  {}, &error);
    while (query && query->next())
        folders.push_back({query->value(0).toString(), query->value(1).toString(),
                           query->value(2).toString(), query->value(3).toLongLong()});
    if (!query || folders.empty())
        return sync(roots);
    QSet<QString> listed;
    for (const StoredFolder &folder : folders)
        listed.insert(folder.path);
    // A root that was missing and is back: everything under it is new.
    for (const QString &root : roots) {
        if (!listed.contains(root) && QFileInfo(root).isDir())
            return sync(roots);
    }
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    std::vector<FolderToRescan> changed;
    QStringList vanished;
    std::vector<KnownFolder> unchanged;
    for (const StoredFolder &folder : folders) {
        const qint64 stamp = folderStamp(folder.path, nowMs);
        if (stamp != 0 && stamp == folder.stamp) {
            unchanged.push_back({folder.path, folder.canonical});
        } else if (QFileInfo(folder.path).isDir()) {
            changed.push_back({folder.path, folder.root});
        } else if (roots.contains(folder.path)) {
            // A root gone: the full scan reports it as a problem.
            return sync(roots);
        } else {
            vanished << folder.path;
        }
    }
    ScanReport report;
    report.foldersChecked = int(folders.size());
    if (changed.empty() && vanished.isEmpty())
        return report;
    Syncer(m_db, report, nullptr).runScoped(roots, changed, vanished, unchanged);
    logScan(report);
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
