#pragma once

#include <QElapsedTimer>
#include <QFrame>

class QLabel;
class QProgressBar;
class QPushButton;

namespace ic::ui {

// A row under the runbook search while a scan is long enough to be noticed: "Indexing 2,340
// of 10,000 files" with a bar and Cancel, and after a cancel what was left undone with
// Resume. Quick scans (the usual refresh) never show it.
class IndexProgress : public QFrame
{
    Q_OBJECT
public:
    explicit IndexProgress(QWidget *parent = nullptr);

    void started();
    void advanced(int filesDone, int filesTotal);
    // The scan ended, complete or cancelled after filesDone files.
    void finished(bool cancelled, int filesDone);
    int percent() const;

Q_SIGNALS:
    void cancelRequested();
    void resumeRequested();

private:
    QProgressBar *m_bar;
    QLabel *m_text;
    QPushButton *m_cancel;
    QPushButton *m_resume;
    QElapsedTimer m_since;
    int m_done = 0;
    int m_total = 0;
};

} // namespace ic::ui
