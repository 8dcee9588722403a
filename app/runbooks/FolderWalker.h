#pragma once

#include "RunbookTypes.h"

#include <QString>
#include <QStringList>
#include <vector>

namespace ic::runbooks {

struct FoundFile
{
    QString path; // absolute
    QString root;
    QString relPath;
    qint64 size = 0;
    qint64 modifiedMs = 0; // since the epoch
};

struct WalkResult
{
    std::vector<FoundFile> files;
    std::vector<RunbookProblem> problems;
    QStringList directories;          // every folder visited, for a file system watcher
    QStringList canonicalDirectories; // the same, with links resolved
};

// Finds *.md and *.markdown files under each root, recursively. Hidden folders (.git) are
// skipped; symbolic links are followed once, so a link back up the tree is reported as a
// loop instead of walked forever; unreadable folders and broken links are reported.
//
// A runbook folder may come from a shared repository, so it is a boundary: a symbolic link
// whose target lies outside its root, or names a *.secret file, is reported and not
// followed. A privateDirs folder (the console's data dir, with console.db, backups and the
// webhook secret) is never a root and never walked into from a root around it; only a
// root chosen inside it is walked, and links cannot leave that root.
WalkResult walkRunbookFolders(const QStringList &roots, const QStringList &privateDirs = {});

// A folder whose own entries are to be listed again, and the root it belongs to.
struct FolderToRescan
{
    QString path;
    QString root;
};

// A folder a walk recorded: as reached (WalkResult::directories) and with links resolved.
struct KnownFolder
{
    QString path;
    QString canonical;
};

// Lists only these folders' own entries, by the same rules; a subfolder in `known` is not
// entered (it has an entry of its own), any other subfolder is new and walked whole, and a
// link back to a known folder is a loop as in a full walk.
WalkResult rescanRunbookFolders(const std::vector<FolderToRescan> &folders,
                                const std::vector<KnownFolder> &known,
                                const QStringList &privateDirs = {});

// What tells whether a folder's entries may have changed since it was listed: its inode,
// modification and status change times. 0 when the folder cannot be read, or when it
// changed so recently (within `racyMs` of `nowMs`) that another change in the same clock
// tick would leave the stamp as it is: such a folder is listed again next time.
qint64 folderStamp(const QString &path, qint64 nowMs, qint64 racyMs = 2000);

} // namespace ic::runbooks
