#pragma once

#include <QStringList>
#include <QTextBrowser>

namespace ic::ui {

// Shows one rendered runbook at a time and keeps a back/forward history of the runbooks
// and anchors visited in it. Links are handled here, never by QTextBrowser itself:
// Copy links copy their code block, relative links open runbooks, http(s) goes to the
// system browser on a click. Only images inside the runbook's own folder tree are loaded.
class RunbookBrowser : public QTextBrowser
{
    Q_OBJECT
public:
    explicit RunbookBrowser(QWidget *parent = nullptr);

    // Opens path (scrolled to anchor, if any) and records it in the history.
    bool openRunbook(const QString &path, const QString &root, const QString &anchor = {});
    QString currentPath() const { return m_path; }
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

private:
    struct Place
    {
        QString path;
        QString root;
        QString anchor;
    };

    bool display(const Place &place);
    void followLink(const QUrl &url);

    std::vector<Place> m_history;
    int m_position = -1;
    QString m_path;
    QString m_root;
    QString m_title;
    QStringList m_codeBlocks;
    QStringList m_anchors;
    QStringList m_headingTitles;
    QList<int> m_headingLevels;
};

} // namespace ic::ui
