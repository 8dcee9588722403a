#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QToolButton;

namespace ic::ui {

class RunbookBrowser;

// One reader tab: back/forward, a table of contents from the headings, the runbook, and a
// note saying why when the runbook is shown as plain text.
class RunbookReaderTab : public QWidget
{
    Q_OBJECT
public:
    explicit RunbookReaderTab(QWidget *parent = nullptr);

    RunbookBrowser *browser() const { return m_browser; }

private:
    void updateNavigation();
    void fillContents();
    void updatePlainTextNote();

    RunbookBrowser *m_browser;
    QToolButton *m_back;
    QToolButton *m_forward;
    QComboBox *m_contents;
    QLabel *m_plainTextNote;
};

} // namespace ic::ui
