#pragma once

#include "RunbookWorker.h"
#include "runbooks/RunbookTypes.h"

#include <QElapsedTimer>
#include <QHash>
#include <QStringList>
#include <QWidget>
#include <atomic>
#include <functional>
#include <memory>

class QComboBox;
class QFileSystemWatcher;
class QLabel;
class QLineEdit;
class QListWidget;
class QModelIndex;
class QSortFilterProxyModel;
class QPushButton;
class QTabWidget;
class QTableView;
class QThread;
class QTimer;
class QToolButton;

namespace ic::ui {

class IndexProgress;
class RunbookTableModel;
class RunbookWorker;

// The runbook area: search box, sortable index filtered by tag, reader tabs and the list of
// files that could not be indexed. Indexing and every query run on worker threads; a file
// system watcher re-indexes when the folders change.
class RunbookPanel : public QWidget
{
    Q_OBJECT
public:
    RunbookPanel(const QString &databasePath, const QStringList &roots, QWidget *parent = nullptr);
    ~RunbookPanel() override;

    // Opens a runbook in a reader tab (an existing tab if it is open already).
    void openRunbook(const QString &path, const QString &root = {});
    // Opens a runbook by its index id (health checks and palettes link by id); false when
    // the index does not know it.
    bool openRunbookById(const QString &id);
    // The title of an indexed runbook, or an empty string when the index does not know it.
    QString runbookTitle(const QString &id) const;
    // What "Attach tasks to checklist" does with the open runbook's `- [ ]` items; the
    // button stays hidden until the incident cockpit provides this.
    using TaskAttacher = std::function<bool(const QString &runbookTitle,
                                            const std::vector<runbooks::RunbookTask> &tasks)>;
    void setTaskAttacher(TaskAttacher attacher);
    // Attaches the tasks of the runbook in the current reader tab.
    bool attachCurrentTasks();
    // Opens the runbook in the table's first row, e.g. on Enter in the search box.
    bool openFirstResult();
    // Shows what the index holds and scans the folders in the background. Runs by itself
    // right after the panel's first paint (or a second after it was made, if never shown),
    // so nothing of it delays the window's first frame.
    void start();

Q_SIGNALS:
    // After every scan of the folders, once the list shows its result: tests and the
    // status line wait on it.
    void indexReady(int runbookCount);
    // Whenever the list shows every runbook anew, the first time with what the index held
    // before the scan (which may take a while for thousands of files).
    void runbooksShown(int runbookCount);
    void resultsShown(const QString &query, int count);
    void requestSync(const QStringList &roots);
    void requestList();
    void requestSearch(int generation, const QString &text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    bool event(QEvent *event) override;

private:
    void buildLayout();
    // Tags, owner and review date give way to the description when the index is narrow.
    void fitIndexColumns();
    void connectWorkers();
    void onSearchEdited(const QString &text);
    void onSynced(const runbooks::ScanReport &report);
    // A batch of a running scan is committed: the bar moves, and the list (with the search
    // on show) is read again now and then, so runbooks appear while a big folder is indexed.
    void onProgress(int filesDone, int filesTotal);
    void onListed(const SharedRunbookList &list);
    void showRunbookCount();
    void onFound(int generation, const QString &text, const std::vector<runbooks::SearchHit> &hits);
    void openRow(const QModelIndex &index);
    void updateTagFilter(const QStringList &tags);
    void watch(const runbooks::ScanReport &report);
    void scheduleSync();
    void listAll();

    QString m_databasePath;
    QStringList m_roots;
    std::shared_ptr<std::atomic<int>> m_latestSearch;
    std::shared_ptr<std::atomic<bool>> m_stop;
    QThread *m_indexThread;
    QThread *m_searchThread;
    RunbookWorker *m_indexWorker;
    RunbookWorker *m_searchWorker;
    bool m_syncRunning = false;
    bool m_syncAgain = false;
    bool m_started = false;
    // Lists asked for and received, in order (one worker answers them in turn), and which
    // of them follows the last finished scan: its arrival is indexReady.
    int m_listsRequested = 0;
    int m_listsReceived = 0;
    int m_listAfterSync = 0;
    int m_runbookCount = 0;
    int m_runbooksWithoutSections = 0;

    QLineEdit *m_search;
    QComboBox *m_tagFilter;
    QLabel *m_status;
    RunbookTableModel *m_model;
    QHash<int, int> m_hiddenColumnWidths;
    TaskAttacher m_attachTasks;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table;
    QTabWidget *m_reader;
    QListWidget *m_problems;
    QToolButton *m_problemsToggle; // folds the problems away, folded at first
    QFileSystemWatcher *m_watcher;
    QTimer *m_syncDelay;
    QPushButton *m_attachButton;
    IndexProgress *m_progress;
    QElapsedTimer m_sinceProgressList;
};

} // namespace ic::ui
