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
    QStringList directories; // every folder visited, for a file system watcher
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

} // namespace ic::runbooks
