#pragma once

#include "RunbookTypes.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStringList>
#include <atomic>
#include <optional>
#include <vector>

namespace ic::runbooks {

// The runbook index in console.db: scanning folders into it, listing, searching and
// reading runbooks back. Works on one connection, so use one instance per thread.
class RunbookLibrary
{
public:
    explicit RunbookLibrary(QSqlDatabase connection);

    // Brings the index in line with the folders: new and edited files are parsed, files
    // whose size and modification time are unchanged are not even read, vanished files are
    // dropped. Every file that cannot be indexed is reported; the others still are.
    // cancel, when given and set (from another thread), stops the scan after the current
    // file; what was indexed so far is kept and the report says cancelled. With progress,
    // batches are also committed every fraction of a second, so what is indexed so far is
    // searchable from other connections while the scan goes on.
    ScanReport sync(const QStringList &roots, const std::atomic<bool> *cancel = nullptr,
                    const ScanProgress &progress = {});

    // Brings the index in line at the cost of one stat() per folder, trusting it otherwise:
    // a folder whose entries changed since it was listed (a file added, removed, renamed or
    // saved by replacing it, as editors, git and sed -i do) is listed again and only its
    // files are looked at; the other folders are not even opened. The first time, with other
    // roots, or when a root appeared or vanished, it is sync(). A file rewritten in place
    // leaves its folder as it was, so refresh() does not notice it; sync() does (the
    // window's scan, `runbooks reindex`).
    ScanReport refresh(const QStringList &roots);

    std::vector<RunbookRecord> list() const;
    std::optional<RunbookRecord> find(const QString &id) const;
    // Problems of the last scan.
    std::vector<RunbookProblem> problems() const;
    int problemCount() const;

    // Best matches first. Falls back to close spellings when no word matches exactly.
    std::vector<SearchHit> search(const QString &text, int limit = 20) const;

    // The runbook's `- [ ]` items with their headings; empty if it cannot be read.
    std::vector<RunbookTask> tasks(const QString &id) const;

    QString lastError() const { return m_error; }

private:
    std::vector<SearchHit> rankedSearch(const QString &text, const QString &match, int limit) const;
    std::vector<SearchHit> fuzzySearch(const QString &text, int limit) const;
    // The statement for sql on this library's connection, prepared on first use and kept.
    QSqlQuery *prepared(const char *sql) const;

    QSqlDatabase m_db;
    mutable QString m_error;
    // Kept between searches: prepared statements and the buffers ic_rank reads.
    mutable std::vector<std::pair<const char *, QSqlQuery>> m_statements;
    mutable std::vector<quint32> m_lengths;
    mutable std::vector<quint32> m_titleLengths;
    mutable std::vector<char> m_excluded;
};

// The folders to index: the bundled set first, then the user's, without duplicates.
QStringList runbookRoots(const QStringList &extraFolders);

} // namespace ic::runbooks
