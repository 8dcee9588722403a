#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <chrono>
#include <functional>
#include <optional>
#include <vector>

namespace ic::runbooks {

// Runbooks not reviewed for this long are flagged stale: the seeds review them monthly.
inline constexpr std::chrono::hours defaultReviewInterval{24 * 30};

// What the optional YAML front matter says. Unknown keys are kept in `extra`.
struct RunbookMeta
{
    QString title;
    QString description;
    QStringList tags;
    QString severity;
    QString owner;
    QDate lastReviewed;
    std::optional<std::chrono::seconds> reviewEvery;
    QStringList services;
    QStringList checks;
    QStringList aliases;
    QJsonObject extra;
};

// One indexed runbook as the index stores it.
struct RunbookRecord
{
    QString id;       // stable, from the path relative to its folder ("database/replication-lag")
    QString path;     // absolute file path
    QString root;     // the runbook folder it was found in
    QString relPath;  // path relative to root
    RunbookMeta meta; // with title and description already falling back to the content
    bool isSection = false; // a folder's _index.md or README.md
    bool truncated = false; // larger than the size cap; only the first part is indexed
    QDateTime modified;     // file modification time
    qint64 size = 0;

    // Due for review: its last_reviewed is older than its review_every (or the default).
    // Only review data says so: a file's modification time tells when it was checked out or
    // copied, so a repository without last_reviewed is never stale from top to bottom.
    bool isStale(const QDateTime &now) const;
};

// A file or folder that could not be indexed (or only partly), and why.
struct RunbookProblem
{
    QString path;
    QString reason;
    bool indexed = false; // true: indexed anyway (e.g. broken front matter, truncated)
};

struct ScanReport
{
    int added = 0;
    int updated = 0;   // content changed and parsed again
    int touched = 0;   // size or mtime changed but content hash did not: not parsed again
    int unchanged = 0; // size and mtime unchanged: not even read
    int removed = 0;
    std::vector<RunbookProblem> problems;
    QStringList folders;      // every folder scanned, for a file system watcher
    QStringList files;        // every runbook file found
    bool cancelled = false;   // stopped early: files not reached keep their old entries
    QString error;            // a database failure; batches committed before it stay
    bool fullScan = false;    // every folder walked (sync), not only changed ones (refresh)
    int foldersChecked = 0;   // refresh: folders whose stamp was compared
    int foldersRescanned = 0; // refresh: folders listed again
    int indexedTotal() const { return added + updated + touched + unchanged; }
};

// Told during a scan after each batch is committed (and once when the folders are walked):
// how many of the files found are done, so the window can show progress and list what is
// already searchable. Called on the scanning thread.
using ScanProgress = std::function<void(int filesDone, int filesTotal)>;

struct SearchHit
{
    QString id;
    QString path;
    QString title;
    double score = 0;   // higher is better
    QString snippet;    // matched words wrapped in highlightOpen/highlightClose
    bool fuzzy = false; // from the typo-tolerant fallback, not an exact word match
};

// Markers around matched words in snippets; callers turn them into markup of their own.
inline constexpr QChar highlightOpen{0x2};
inline constexpr QChar highlightClose{0x3};

// The snippet with its markers replaced, e.g. by "**" for text or "<b>" for escaped HTML.
inline QString markHighlights(QString snippet, const QString &open, const QString &close)
{
    return snippet.replace(highlightOpen, open).replace(highlightClose, close);
}

// A `- [ ]` item and the headings above it, so a checklist can show where it came from.
struct RunbookTask
{
    QString text;
    QStringList headingPath; // outermost heading first
    bool done = false;
    int line = 0; // 1-based line in the file
};

} // namespace ic::runbooks
