#pragma once

#include "core/Result.h"

#include <QStringList>
#include <QTextBrowser>

namespace ic::runbooks {
struct ReaderDocument;
}

namespace ic::ui {

// Shows one rendered runbook at a time and keeps a back/forward history of the runbooks
// and anchors visited in it. Links are handled here, never by QTextBrowser itself:
// Copy links copy their code block, relative links open runbooks, http(s) goes to the
// system browser on a click. Only images inside the runbook's own folder tree are loaded.
// A runbook is read, rendered and built into a document on a pool thread, so no runbook
// stalls the window; past the bounds of runbooks/RenderBounds.h it is shown as plain text.
class RunbookBrowser : public QTextBrowser
{
    Q_OBJECT
public:
    explicit RunbookBrowser(QWidget *parent = nullptr);

    // Opens path (scrolled to anchor, if any) and records it in the history once it is shown
    // (runbookShown); one that cannot be shown is reported by openFailed instead.
    void openRunbook(const QString &path, const QString &root, const QString &anchor = {});
    // The runbook shown, or being prepared when none is shown yet.
    QString currentPath() const { return m_path.isEmpty() ? m_pendingPath : m_path; }
    // A runbook is being read and rendered; what is shown is the previous one.
    bool isLoading() const { return !m_pendingPath.isEmpty(); }
    // Why the runbook is shown as plain text instead of rendered; empty when rendered.
    QString plainTextReason() const { return m_plainReason; }
    QString currentTitle() const { return m_title; }
    QString currentRoot() const { return m_root; }
    // The exact text the Copy link of code block index puts on the clipboard.
    QString codeBlock(int index) const { return m_codeBlocks.value(index); }
    QStringList headingAnchors() const { return m_anchors; }
    QStringList headingTitles() const { return m_headingTitles; }
    QList<int> headingLevels() const { return m_headingLevels; }

    bool canGoBack() const { return m_position > 0; }
    bool canGoForward() const { return m_position + 1 < int(m_history.size()); }
    void goBack();
    void goForward();

    QVariant loadResource(int type, const QUrl &name) override;

Q_SIGNALS:
    void runbookShown(const QString &path, const QString &title);
    void historyChanged();
    void codeCopied(const QString &text);
    // A link that cannot be followed, with the reason, for the status line.
    void linkProblem(const QString &message);
    // The runbook asked for cannot be shown; the reason went to linkProblem.
    void openFailed(const QString &path);

private:
    struct Place
    {
        QString path;
        QString root;
        QString anchor;
    };

    enum class History
    {
        Record, // a new place: the forward history ends here
        Keep    // back or forward
    };

    void display(const Place &place, History history);
    void shown(const Place &place, History history, Result<runbooks::ReaderDocument> prepared);
    void showPlace(const Place &place, History history);
    void followLink(const QUrl &url);

    std::vector<Place> m_history;
    int m_position = -1;
    QString m_path;
    QString m_root;
    QString m_title;
    QString m_plainReason;
    QString m_pendingPath;
    // Only the newest request is shown, so a slow runbook cannot replace a later click.
    quint64 m_request = 0;
    QStringList m_codeBlocks;
    QStringList m_anchors;
    QStringList m_headingTitles;
    QList<int> m_headingLevels;
};

} // namespace ic::ui
