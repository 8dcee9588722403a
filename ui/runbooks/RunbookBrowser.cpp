#include "RunbookBrowser.h"

#include "core/Logging.h"
#include "runbooks/FrontMatter.h"
#include "runbooks/MarkdownRenderer.h"
#include "runbooks/RunbookFile.h"
#include "runbooks/RunbookLinks.h"

#include <QClipboard>
#include <QDesktopServices>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImage>
#include <QScrollBar>

namespace ic::ui {

using runbooks::LinkTarget;

RunbookBrowser::RunbookBrowser(QWidget *parent) : QTextBrowser(parent)
{
    setObjectName(QStringLiteral("runbookBrowser"));
    setOpenLinks(false);
    setOpenExternalLinks(false);
    connect(this, &QTextBrowser::anchorClicked, this, &RunbookBrowser::followLink);
}

bool RunbookBrowser::openRunbook(const QString &path, const QString &root, const QString &anchor)
{
    const Place place{QFileInfo(path).absoluteFilePath(), root, anchor};
    if (!display(place))
        return false;
    m_history.resize(std::size_t(m_position + 1));
    m_history.push_back(place);
    m_position = int(m_history.size()) - 1;
    Q_EMIT historyChanged();
    return true;
}

void RunbookBrowser::goBack()
{
    if (!canGoBack())
        return;
    --m_position;
    display(m_history[std::size_t(m_position)]);
    Q_EMIT historyChanged();
}

void RunbookBrowser::goForward()
{
    if (!canGoForward())
        return;
    ++m_position;
    display(m_history[std::size_t(m_position)]);
    Q_EMIT historyChanged();
}

bool RunbookBrowser::display(const Place &place)
{
    if (place.path != m_path) {
        const runbooks::LoadedFile loaded = runbooks::loadRunbookFile(place.path);
        if (!loaded.skipReason.isEmpty()) {
            Q_EMIT linkProblem(tr("%1: %2").arg(place.path, loaded.skipReason));
            return false;
        }
        const runbooks::ParsedRunbook parsed = runbooks::parseRunbook(loaded.text, place.path);
        const runbooks::RenderedRunbook rendered = runbooks::renderMarkdown(parsed.body);
        m_path = place.path;
        m_root = place.root.isEmpty() ? QFileInfo(place.path).absolutePath() : place.root;
        m_title = parsed.meta.title;
        m_codeBlocks = rendered.codeBlocks;
        m_anchors.clear();
        m_headingTitles.clear();
        m_headingLevels.clear();
        for (const auto &heading : rendered.headings) {
            m_anchors << heading.anchor;
            m_headingTitles << heading.text;
            m_headingLevels << heading.level;
        }
        setHtml(rendered.html);
        Q_EMIT runbookShown(m_path, m_title);
    }
    if (place.anchor.isEmpty())
        verticalScrollBar()->setValue(0);
    else
        scrollToAnchor(place.anchor);
    return true;
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
