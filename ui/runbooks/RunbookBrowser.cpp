#include "RunbookBrowser.h"

#include "ReaderDocument.h"
#include "core/AsyncTask.h"
#include "core/Logging.h"
#include "runbooks/RunbookLinks.h"

#include <QClipboard>
#include <QDesktopServices>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImage>
#include <QScrollBar>
#include <QTextDocument>

namespace ic::ui {

using runbooks::LinkTarget;

RunbookBrowser::RunbookBrowser(QWidget *parent) : QTextBrowser(parent)
{
    setObjectName(QStringLiteral("runbookBrowser"));
    setOpenLinks(false);
    setOpenExternalLinks(false);
    connect(this, &QTextBrowser::anchorClicked, this, &RunbookBrowser::followLink);
}

void RunbookBrowser::openRunbook(const QString &path, const QString &root, const QString &anchor)
{
    display({QFileInfo(path).absoluteFilePath(), root, anchor}, History::Record);
}

void RunbookBrowser::goBack()
{
    if (!canGoBack())
        return;
    --m_position;
    display(m_history[std::size_t(m_position)], History::Keep);
    Q_EMIT historyChanged();
}

void RunbookBrowser::goForward()
{
    if (!canGoForward())
        return;
    ++m_position;
    display(m_history[std::size_t(m_position)], History::Keep);
    Q_EMIT historyChanged();
}

void RunbookBrowser::display(const Place &place, History history)
{
    const quint64 request = ++m_request;
    if (place.path == m_path) {
        m_pendingPath.clear();
        showPlace(place, history);
        return;
    }
    m_pendingPath = place.path;
    runAsync(
        this,
        [path = place.path, font = font(), owner = thread()] {
            return runbooks::buildReaderDocument(path, font, owner);
        },
        [this, request, place, history](Result<runbooks::ReaderDocument> prepared) {
            if (request == m_request)
                shown(place, history, std::move(prepared));
        });
}

void RunbookBrowser::shown(const Place &place, History history,
                           Result<runbooks::ReaderDocument> prepared)
{
    m_pendingPath.clear();
    if (!prepared) {
        Q_EMIT linkProblem(prepared.error());
        Q_EMIT openFailed(place.path);
        return;
    }
    runbooks::ReaderDocument &runbook = prepared.value();
    m_path = place.path;
    m_root = place.root.isEmpty() ? QFileInfo(place.path).absolutePath() : place.root;
    m_title = runbook.title;
    m_plainReason = runbook.plainReason;
    m_codeBlocks = runbook.codeBlocks;
    m_anchors.clear();
    m_headingTitles.clear();
    m_headingLevels.clear();
    for (const auto &heading : runbook.headings) {
        m_anchors << heading.anchor;
        m_headingTitles << heading.text;
        m_headingLevels << heading.level;
    }
    // Parented here, the document asks loadResource() for its images like the one it replaces.
    QTextDocument *replacement = runbook.document->release();
    replacement->setParent(this);
    // The editor deletes the document it made itself; the ones given to it are ours.
    QTextDocument *previous = document()->parent() == this ? document() : nullptr;
    setDocument(replacement);
    delete previous;
    Q_EMIT runbookShown(m_path, m_title);
    showPlace(place, history);
}

void RunbookBrowser::showPlace(const Place &place, History history)
{
    if (place.anchor.isEmpty())
        verticalScrollBar()->setValue(0);
    else
        scrollToAnchor(place.anchor);
    if (history == History::Keep)
        return;
    m_history.resize(std::size_t(m_position + 1));
    m_history.push_back(place);
    m_position = int(m_history.size()) - 1;
    Q_EMIT historyChanged();
}

void RunbookBrowser::followLink(const QUrl &url)
{
    const LinkTarget target = runbooks::resolveLink(url, m_path);
    switch (target.kind) {
    case LinkTarget::Kind::CopyCode:
        if (target.codeBlock < m_codeBlocks.size()) {
            const QString text = m_codeBlocks.at(target.codeBlock);
            QGuiApplication::clipboard()->setText(text);
            Q_EMIT codeCopied(text);
        }
        return;
    case LinkTarget::Kind::Anchor:
        openRunbook(m_path, m_root, target.anchor);
        return;
    case LinkTarget::Kind::Runbook:
        openRunbook(target.path, m_root, target.anchor);
        return;
    case LinkTarget::Kind::External:
        // Only ever on an explicit click, and by the system browser: the reader fetches nothing.
        QDesktopServices::openUrl(target.url);
        return;
    case LinkTarget::Kind::Missing:
        Q_EMIT linkProblem(tr("The linked runbook does not exist: %1").arg(target.path));
        return;
    case LinkTarget::Kind::Blocked:
        Q_EMIT linkProblem(
            tr("This link is not opened from the reader: %1").arg(url.toDisplayString()));
        return;
    }
}

QVariant RunbookBrowser::loadResource(int type, const QUrl &name)
{
    if (type != QTextDocument::ImageResource)
        return {};
    const QString image = runbooks::resolveImage(name, m_path, m_root);
    if (image.isEmpty()) {
        log::get(log::Runbooks)
            ->debug("not loading image {} for {}", name.toDisplayString().toStdString(),
                    m_path.toStdString());
        return {};
    }
    return QImage(image);
}

} // namespace ic::ui
