#pragma once

#include <QString>
#include <QUrl>

namespace ic::runbooks {

// Where a link in a rendered runbook leads, decided without touching the network.
struct LinkTarget
{
    enum class Kind
    {
        CopyCode, // the Copy link under a code block
        Anchor,   // a heading in the same runbook
        Runbook,  // another Markdown file: open it in the reader
        External, // http(s) or mailto: only ever opened by the system browser on a click
        Missing,  // a relative link to a file that does not exist
        Blocked   // anything else (file outside Markdown, unknown schemes)
    };
    Kind kind = Kind::Blocked;
    int codeBlock = -1;
    QString path;   // Runbook, Missing: absolute file path
    QString anchor; // Anchor, Runbook: fragment to scroll to
    QUrl url;       // External
};

// Resolves href as written in the runbook at fromPath. Hugo and MkDocs style links without
// an extension ("../service-down/") find service-down.md, or _index.md / README.md /
// index.md inside that folder.
LinkTarget resolveLink(const QUrl &href, const QString &fromPath);

// The local file an image reference may show: only inside root, the runbook's own folder
// tree. Empty for remote or outside images, which are never loaded.
QString resolveImage(const QUrl &href, const QString &fromPath, const QString &root);

} // namespace ic::runbooks
