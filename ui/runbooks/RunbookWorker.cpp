#include "RunbookWorker.h"

#include "runbooks/RunbookLibrary.h"
#include "storage/Database.h"

#include <QMetaType>
#include <set>

namespace ic::ui {

RunbookWorker::RunbookWorker(QString databasePath, std::shared_ptr<std::atomic<int>> latestSearch,
                             std::shared_ptr<std::atomic<bool>> stop)
    : m_databasePath(std::move(databasePath)), m_latestSearch(std::move(latestSearch)),
      m_stop(std::move(stop))
{}

RunbookWorker::~RunbookWorker() = default;

runbooks::RunbookLibrary *RunbookWorker::library()
{
    if (!m_database) {
        QString error;
        m_database = Database::openAdditional(m_databasePath, &error);
        if (!m_database) {
            Q_EMIT failed(error);
            return nullptr;
        }
        m_library = std::make_unique<runbooks::RunbookLibrary>(m_database->connection());
    }
    return m_library.get();
}

void RunbookWorker::sync(const QStringList &roots)
{
    if (runbooks::RunbookLibrary *runbooks = library())
        Q_EMIT synced(runbooks->sync(
            roots, m_stop.get(), [this](int done, int total) { Q_EMIT progress(done, total); }));
}

void RunbookWorker::list()
{
    runbooks::RunbookLibrary *runbooks = library();
    if (!runbooks)
        return;
    auto list = std::make_shared<RunbookList>();
    list->records = runbooks->list();
    std::set<QString> tags;
    for (const auto &record : list->records)
        tags.insert(record.meta.tags.cbegin(), record.meta.tags.cend());
    list->tags = QStringList(tags.cbegin(), tags.cend());
    Q_EMIT listed(list);
}

void RunbookWorker::search(int generation, const QString &text)
{
    if (generation != m_latestSearch->load())
        return;
    if (runbooks::RunbookLibrary *runbooks = library())
        Q_EMIT found(generation, text, runbooks->search(text, 50));
}

void registerRunbookMetaTypes()
{
    qRegisterMetaType<ic::runbooks::ScanReport>();
    qRegisterMetaType<ic::ui::SharedRunbookList>();
    qRegisterMetaType<std::vector<ic::runbooks::SearchHit>>();
}

} // namespace ic::ui
