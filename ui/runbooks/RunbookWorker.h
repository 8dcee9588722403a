#pragma once

#include "runbooks/RunbookTypes.h"

#include <QObject>
#include <QStringList>
#include <atomic>
#include <memory>
#include <vector>

namespace ic {
class Database;
namespace runbooks {
class RunbookLibrary;
}
} // namespace ic

namespace ic::ui {

// Every runbook the index holds and their tags, sorted: made on the worker thread and shared,
// never copied, on the way to the window.
struct RunbookList
{
    std::vector<runbooks::RunbookRecord> records;
    QStringList tags;
};
using SharedRunbookList = std::shared_ptr<const RunbookList>;

// Runs index and search work on its own thread with its own database connection, so the
// window never waits on the disk or on SQLite. Move it to a QThread and talk to it through
// queued signals only.
class RunbookWorker : public QObject
{
    Q_OBJECT
public:
    // latestSearch: the newest search generation the panel asked for; older requests still
    // queued are dropped unanswered, so a burst of keystrokes costs one query.
    // stop: set by the owner to end a running sync early (the window is closing).
    RunbookWorker(QString databasePath, std::shared_ptr<std::atomic<int>> latestSearch,
                  std::shared_ptr<std::atomic<bool>> stop);
    ~RunbookWorker() override;

public Q_SLOTS:
    void sync(const QStringList &roots);
    void list();
    void search(int generation, const QString &text);

Q_SIGNALS:
    // During a sync, after each committed batch: what is done is searchable.
    void progress(int filesDone, int filesTotal);
    void synced(const ic::runbooks::ScanReport &report);
    void listed(const ic::ui::SharedRunbookList &list);
    void found(int generation, const QString &text,
               const std::vector<ic::runbooks::SearchHit> &hits);
    void failed(const QString &message);

private:
    // This thread's connection and the library on it, opened on first use and kept, so
    // prepared statements and ranking buffers serve every later query.
    runbooks::RunbookLibrary *library();

    QString m_databasePath;
    std::shared_ptr<std::atomic<int>> m_latestSearch;
    std::shared_ptr<std::atomic<bool>> m_stop;
    std::unique_ptr<Database> m_database;
    // Declared after the database: destroyed first, while its connection is still open.
    std::unique_ptr<runbooks::RunbookLibrary> m_library;
};

// Registers the runbook types for queued signals; call once before connecting.
void registerRunbookMetaTypes();

} // namespace ic::ui
