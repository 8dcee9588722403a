#pragma once

#include "FrontMatter.h"
#include "MarkdownOutline.h"

#include <QByteArray>
#include <QString>

namespace ic::runbooks {

// Larger files are indexed up to this size and flagged: a runbook this big is a mistake,
// and reading it whole would stall the scan.
inline constexpr qint64 maxRunbookBytes = 5 * 1024 * 1024;

struct LoadedFile
{
    QString text;
    QByteArray hash; // of the bytes read
    bool truncated = false;
    QString skipReason; // not indexable: unreadable, empty, binary, not UTF-8
};

// Reads a runbook and checks it is text worth indexing.
LoadedFile loadRunbookFile(const QString &path, qint64 cap = maxRunbookBytes);

// Content hash used to tell an edited file from a merely touched one.
QByteArray contentHash(const QByteArray &bytes);

struct ParsedRunbook
{
    RunbookMeta meta; // title and description fall back to the content, then the file name
    QString body;     // Markdown without front matter
    int bodyLine = 1;
    MarkdownOutline outline;
    QString frontMatterError;
};

// path names the file for the title fallback (a section page takes its folder's name).
ParsedRunbook parseRunbook(const QString &text, const QString &path);

// Hugo's _index.md and a folder's README.md / index.md describe the folder itself.
bool isSectionPage(const QString &fileName);

bool isRunbookFileName(const QString &fileName);

} // namespace ic::runbooks
