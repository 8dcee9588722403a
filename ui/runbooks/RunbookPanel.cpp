#include "RunbookPanel.h"

#include "IndexProgress.h"
#include "RunbookBrowser.h"
#include "RunbookReaderTab.h"
#include "RunbookTableModel.h"
#include "RunbookWorker.h"
#include "SnippetDelegate.h"
#include "core/Logging.h"
#include "runbooks/RunbookFile.h"
#include "ui/Counted.h"

#include <QComboBox>
#include <QEvent>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QThread>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace ic::ui {
namespace {

// Keeps rows carrying the chosen tag; an empty tag keeps all.
class TagFilterProxy : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setTag(const QString &tag)
    {
        m_tag = tag;
        invalidateRowsFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        if (m_tag.isEmpty())
            return true;
        const QModelIndex index = sourceModel()->index(row, 0, parent);
        return index.data(RunbookTableModel::TagsRole).toStringList().contains(m_tag);
    }

private:
    QString m_tag;
};

// How many files a watcher follows besides the folders: inotify watches are a per-user
// resource, and folder events already catch files that editors save by renaming.
constexpr int maxWatchedFiles = 2000;

// The index shares the centre with the reader. Below the room every column needs, the table
// would scroll sideways and show a sliver of each description; the columns marked optional
// give way first (the tag filter and the reader still show what they held).
constexpr int titleColumnWidth = 240;
constexpr int minimumDescriptionWidth = 200;
constexpr int listColumnWidth = 120; // tags and owner: a few words; longer ones end in "…"
// Beside a short column's heading: cell margins and the sort arrow.
constexpr int headingAllowance = 32;
constexpr int optionalColumns[] = {RunbookTableModel::Tags, RunbookTableModel::Owner,
                                   RunbookTableModel::LastReviewed};

} // namespace

RunbookPanel::RunbookPanel(const QString &databasePath, const QStringList &roots, QWidget *parent)
    : QWidget(parent), m_databasePath(databasePath), m_roots(roots),
      m_latestSearch(std::make_shared<std::atomic<int>>(0)),
      m_stop(std::make_shared<std::atomic<bool>>(false)), m_indexThread(new QThread(this)),
      m_searchThread(new QThread(this)),
      m_indexWorker(new RunbookWorker(databasePath, m_latestSearch, m_stop)),
      m_searchWorker(new RunbookWorker(databasePath, m_latestSearch, m_stop)),
      m_search(new QLineEdit(this)), m_tagFilter(new QComboBox(this)), m_status(new QLabel(this)),
      m_model(new RunbookTableModel(this)), m_proxy(new TagFilterProxy(this)),
      m_table(new QTableView(this)), m_reader(new QTabWidget(this)),
      m_problems(new QListWidget(this)), m_problemsToggle(new QToolButton(this)),
      m_watcher(new QFileSystemWatcher(this)), m_syncDelay(new QTimer(this)),
      m_attachButton(new QPushButton(tr("Attach tasks"), this)), m_progress(new IndexProgress(this))
{
    registerRunbookMetaTypes();
    buildLayout();
    connectWorkers();
    m_syncDelay->setSingleShot(true);
    m_syncDelay->setInterval(400);
    connect(m_syncDelay, &QTimer::timeout, this, &RunbookPanel::scheduleSync);
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, m_syncDelay,
            qOverload<>(&QTimer::start));
    connect(m_watcher, &QFileSystemWatcher::fileChanged, m_syncDelay, qOverload<>(&QTimer::start));
    // Never shown (a test, a hidden area): start anyway.
    QTimer::singleShot(1000, this, &RunbookPanel::start);
}

bool RunbookPanel::event(QEvent *event)
{
    // Queued: the frame this paint belongs to is finished and shown first.
    if (event->type() == QEvent::Paint && !m_started)
        QTimer::singleShot(0, this, &RunbookPanel::start);
    return QWidget::event(event);
}

void RunbookPanel::start()
{
    if (m_started)
        return;
    m_started = true;
    // What the index already holds, at once; the scan runs beside it on the index thread.
    listAll();
    scheduleSync();
}

bool RunbookPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_table->viewport() && event->type() == QEvent::Resize)
        fitIndexColumns();
    return QWidget::eventFilter(watched, event);
}

void RunbookPanel::fitIndexColumns()
{
    QHeaderView *header = m_table->horizontalHeader();
    int needed = minimumDescriptionWidth;
    for (int column = 0; column < RunbookTableModel::ColumnCount; ++column) {
        // A hidden section has no size; shown again, it needs the width it had.
        if (column != RunbookTableModel::Description)
            needed += header->isSectionHidden(column) ? m_hiddenColumnWidths.value(column)
                                                      : header->sectionSize(column);
    }
    const bool narrow = m_table->viewport()->width() < needed;
    if (narrow == header->isSectionHidden(optionalColumns[0]))
        return;
    for (int column : optionalColumns) {
        if (narrow)
            m_hiddenColumnWidths.insert(column, header->sectionSize(column));
        header->setSectionHidden(column, narrow);
        if (!narrow)
            header->resizeSection(column, m_hiddenColumnWidths.value(column));
    }
}

RunbookPanel::~RunbookPanel()
{
    // Pending queries are dropped, a running scan stops after its current file.
    m_latestSearch->store(-1);
    m_stop->store(true);
    m_indexThread->quit();
    m_searchThread->quit();
    m_indexThread->wait();
    m_searchThread->wait();
}

void RunbookPanel::buildLayout()
{
    m_search->setObjectName(QStringLiteral("runbookSearch"));
    m_search->setPlaceholderText(tr("Search runbooks: title, alias, alert name, command…"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search runbooks"));
    m_tagFilter->setObjectName(QStringLiteral("runbookTagFilter"));
    m_tagFilter->addItem(tr("All tags"), QString());
    m_tagFilter->setAccessibleName(tr("Filter by tag"));
    m_status->setObjectName(QStringLiteral("runbookStatus"));
    m_status->setText(tr("Indexing runbooks…"));

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(RunbookTableModel::SortRole);
    m_table->setObjectName(QStringLiteral("runbookIndex"));
    m_table->setModel(m_proxy);
    m_table->setAccessibleName(tr("Runbooks"));
    // Arrows move between rows; Tab leaves the table instead of walking every cell.
    m_table->setTabKeyNavigation(false);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(-1, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(RunbookTableModel::Description,
                                                      QHeaderView::Stretch);
    m_table->setColumnWidth(RunbookTableModel::Title, titleColumnWidth);
    // Sized from the font, not from the rows: measuring every row costs O(n) per change.
    const QFontMetrics metrics = m_table->fontMetrics();
    for (int column :
         {RunbookTableModel::Severity, RunbookTableModel::LastReviewed, RunbookTableModel::Stale}) {
        const QString heading =
            m_model->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString();
        m_table->setColumnWidth(column, metrics.horizontalAdvance(heading) + headingAllowance);
    }
    m_table->setColumnWidth(RunbookTableModel::Tags, listColumnWidth);
    m_table->setColumnWidth(RunbookTableModel::Owner, listColumnWidth);
    // The viewport, not the table: the table's own resize reaches a filter before its
    // viewport has the new width.
    m_table->viewport()->installEventFilter(this);
    m_table->setItemDelegateForColumn(RunbookTableModel::Description, new SnippetDelegate(m_table));

    m_reader->setObjectName(QStringLiteral("runbookReader"));
    m_reader->setTabsClosable(true);
    m_reader->setDocumentMode(true);
    m_reader->setAccessibleName(tr("Open runbooks"));
    m_problems->setObjectName(QStringLiteral("runbookProblems"));
    m_problems->setAccessibleName(tr("Runbook files that could not be indexed"));
    m_problems->hide();

    auto *top = new QHBoxLayout;
    top->addWidget(m_search, 1);
    top->addWidget(m_tagFilter);
    m_attachButton->setObjectName(QStringLiteral("runbookAttachTasks"));
    m_attachButton->setToolTip(tr("Add the open runbook's task list to the incident checklist"));
    m_attachButton->hide();
    connect(m_attachButton, &QPushButton::clicked, this, &RunbookPanel::attachCurrentTasks);
    top->addWidget(m_attachButton);
    top->addWidget(m_status);
    // The problems are a folded line under the index: a repository with dozens of broken
    // files must not take the index's rows, least of all while a runbook is open.
    m_problemsToggle->setObjectName(QStringLiteral("runbookProblemsToggle"));
    m_problemsToggle->setCheckable(true);
    m_problemsToggle->setAutoRaise(true);
    m_problemsToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_problemsToggle->setArrowType(Qt::RightArrow);
    m_problemsToggle->hide();
    m_problems->setMaximumHeight(m_problems->fontMetrics().height() * 8);
    connect(m_problemsToggle, &QToolButton::toggled, this, [this](bool open) {
        m_problemsToggle->setArrowType(open ? Qt::DownArrow : Qt::RightArrow);
        m_problems->setVisible(open);
    });
    auto *indexSide = new QWidget(this);
    auto *indexLayout = new QVBoxLayout(indexSide);
    indexLayout->setContentsMargins(0, 0, 0, 0);
    indexLayout->setSpacing(0);
    indexLayout->addWidget(m_table, 1);
    indexLayout->addWidget(m_problemsToggle, 0, Qt::AlignLeft);
    indexLayout->addWidget(m_problems);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(QStringLiteral("runbookSplitter"));
    split->addWidget(indexSide);
    split->addWidget(m_reader);
    // The reader gets most of the height; the index needs a handful of rows. Without an
    // open runbook the reader is hidden and the index has all the room.
    split->setSizes({280, 620});
    m_reader->setVisible(m_reader->count() > 0);
    connect(m_reader, &QTabWidget::currentChanged, m_reader, [this](int index) {
        m_reader->setVisible(index >= 0);
        m_attachButton->setVisible(m_attachTasks && index >= 0);
    });
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_progress);
    layout->addWidget(split, 1);
    connect(m_progress, &IndexProgress::cancelRequested, this, [this] { m_stop->store(true); });
    connect(m_progress, &IndexProgress::resumeRequested, this, &RunbookPanel::scheduleSync);

    connect(m_search, &QLineEdit::textEdited, this, &RunbookPanel::onSearchEdited);
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (text.isEmpty())
            onSearchEdited(text);
    });
    connect(m_search, &QLineEdit::returnPressed, this, &RunbookPanel::openFirstResult);
    connect(m_table, &QTableView::activated, this, &RunbookPanel::openRow);
    connect(m_tagFilter, &QComboBox::currentIndexChanged, this, [this] {
        static_cast<TagFilterProxy *>(m_proxy)->setTag(m_tagFilter->currentData().toString());
    });
    connect(m_reader, &QTabWidget::tabCloseRequested, this, [this](int index) {
        QWidget *tab = m_reader->widget(index);
        m_reader->removeTab(index);
        tab->deleteLater();
    });
}

void RunbookPanel::connectWorkers()
{
    m_indexWorker->moveToThread(m_indexThread);
    m_searchWorker->moveToThread(m_searchThread);
    connect(m_indexThread, &QThread::finished, m_indexWorker, &QObject::deleteLater);
    connect(m_searchThread, &QThread::finished, m_searchWorker, &QObject::deleteLater);
    connect(this, &RunbookPanel::requestSync, m_indexWorker, &RunbookWorker::sync);
    connect(this, &RunbookPanel::requestList, m_searchWorker, &RunbookWorker::list);
    connect(this, &RunbookPanel::requestSearch, m_searchWorker, &RunbookWorker::search);
    connect(m_indexWorker, &RunbookWorker::synced, this, &RunbookPanel::onSynced);
    connect(m_indexWorker, &RunbookWorker::progress, this, &RunbookPanel::onProgress);
    connect(m_searchWorker, &RunbookWorker::listed, this, &RunbookPanel::onListed);
    connect(m_searchWorker, &RunbookWorker::found, this, &RunbookPanel::onFound);
    for (RunbookWorker *worker : {m_indexWorker, m_searchWorker})
        connect(worker, &RunbookWorker::failed, this, [this](const QString &message) {
            m_status->setText(tr("Runbook index unavailable"));
            m_status->setToolTip(message);
            m_syncRunning = false;
        });
    m_indexThread->start();
    m_searchThread->start();
}

void RunbookPanel::listAll()
{
    ++m_listsRequested;
    Q_EMIT requestList();
}

void RunbookPanel::scheduleSync()
{
    if (m_syncRunning) {
        m_syncAgain = true;
        return;
    }
    m_syncRunning = true;
    // A cancel ended the last scan; this one runs to the end unless cancelled again.
    m_stop->store(false);
    m_progress->started();
    Q_EMIT requestSync(m_roots);
}

void RunbookPanel::onProgress(int filesDone, int filesTotal)
{
    m_progress->advanced(filesDone, filesTotal);
    // Often enough that the first runbooks (the bundled set is scanned first) appear at once,
    // rarely enough that listing thousands of rows never competes with the typing.
    constexpr qint64 listEveryMs = 1000;
    if (filesDone == 0 || filesDone == filesTotal)
        return;
    if (m_sinceProgressList.isValid() && m_sinceProgressList.elapsed() < listEveryMs)
        return;
    m_sinceProgressList.start();
    listAll();
}

void RunbookPanel::onSynced(const runbooks::ScanReport &report)
{
    m_syncRunning = false;
    m_sinceProgressList.invalidate();
    m_progress->finished(report.cancelled, report.indexedTotal());
    if (!report.error.isEmpty()) {
        m_status->setText(tr("Runbook index not updated"));
        m_status->setToolTip(report.error);
    }
    m_problems->clear();
    for (const auto &problem : report.problems) {
        auto *item = new QListWidgetItem(
            (problem.indexed ? tr("Partly indexed: %1 — %2") : tr("Not indexed: %1 — %2"))
                .arg(problem.path, problem.reason),
            m_problems);
        item->setData(Qt::UserRole, problem.path);
        item->setToolTip(problem.path);
    }
    m_problemsToggle->setText(counted(report.problems.size(),
                                      tr("1 file could not be indexed (or only partly)"),
                                      tr("%1 files could not be indexed (or only partly)")));
    m_problemsToggle->setVisible(!report.problems.empty());
    m_problems->setVisible(!report.problems.empty() && m_problemsToggle->isChecked());
    watch(report);
    // The list on show is the index as it is unless the scan changed something.
    if (report.added + report.updated + report.touched + report.removed > 0 ||
        !report.error.isEmpty()) {
        listAll();
        m_listAfterSync = m_listsRequested;
    } else {
        Q_EMIT indexReady(m_runbookCount);
    }
    if (m_syncAgain) {
        m_syncAgain = false;
        scheduleSync();
    }
}

void RunbookPanel::watch(const runbooks::ScanReport &report)
{
    const QStringList watched = m_watcher->directories() + m_watcher->files();
    if (!watched.isEmpty())
        m_watcher->removePaths(watched);
    QStringList paths = report.folders;
    // A root that is missing now is watched through its parent, to notice it coming back.
    for (const QString &root : m_roots) {
        if (!QFileInfo::exists(root) && QFileInfo::exists(QFileInfo(root).absolutePath()))
            paths << QFileInfo(root).absolutePath();
    }
    paths += report.files.mid(0, maxWatchedFiles);
    if (!paths.isEmpty())
        m_watcher->addPaths(paths);
}

void RunbookPanel::setTaskAttacher(TaskAttacher attacher)
{
    m_attachTasks = std::move(attacher);
    m_attachButton->setVisible(m_attachTasks && m_reader->count() > 0);
}

bool RunbookPanel::attachCurrentTasks()
{
    auto *tab = static_cast<RunbookReaderTab *>(m_reader->currentWidget());
    if (!tab || !m_attachTasks)
        return false;
    const QString path = tab->browser()->currentPath();
    // One runbook file, already read for the reader moments ago: small enough for this thread.
    const runbooks::LoadedFile loaded = runbooks::loadRunbookFile(path);
    if (!loaded.skipReason.isEmpty()) {
        m_status->setText(tr("Cannot read %1: %2").arg(path, loaded.skipReason));
        return false;
    }
    const runbooks::ParsedRunbook parsed = runbooks::parseRunbook(loaded.text, path);
    if (parsed.outline.tasks.empty()) {
        m_status->setText(tr("\"%1\" has no task list").arg(parsed.meta.title));
        return false;
    }
    const bool attached = m_attachTasks(parsed.meta.title, parsed.outline.tasks);
    m_status->setText(attached ? counted(parsed.outline.tasks.size(),
                                         tr("1 task attached to the checklist"),
                                         tr("%1 tasks attached to the checklist"))
                               : tr("Tasks not attached"));
    return attached;
}

bool RunbookPanel::openRunbookById(const QString &id)
{
    const runbooks::RunbookRecord *record = m_model->record(id);
    if (!record) {
        m_status->setText(tr("No runbook \"%1\" in the index").arg(id));
        return false;
    }
    openRunbook(record->path);
    return true;
}

QString RunbookPanel::runbookTitle(const QString &id) const
{
    const runbooks::RunbookRecord *record = m_model->record(id);
    return record ? record->meta.title : QString();
}

void RunbookPanel::onListed(const SharedRunbookList &list)
{
    updateTagFilter(list->tags);
    // The records stay where the worker made them; the model shares them.
    std::shared_ptr<const std::vector<runbooks::RunbookRecord>> records(list, &list->records);
    // During a search its results stay on show until the search below answers.
    if (m_search->text().trimmed().isEmpty())
        m_model->showAll(records);
    else
        m_model->updateRecords(records);
    m_runbookCount = int(records->size());
    m_runbooksWithoutSections = 0;
    for (const auto &record : *records)
        m_runbooksWithoutSections += record.isSection ? 0 : 1;
    if (m_search->text().trimmed().isEmpty())
        showRunbookCount();
    else
        onSearchEdited(m_search->text());
    Q_EMIT runbooksShown(m_runbookCount);
    if (++m_listsReceived == m_listAfterSync)
        Q_EMIT indexReady(m_runbookCount);
}

void RunbookPanel::showRunbookCount()
{
    m_status->setText(counted(m_runbooksWithoutSections, tr("1 runbook"), tr("%1 runbooks")));
}

void RunbookPanel::updateTagFilter(const QStringList &tags)
{
    QStringList shown;
    for (int i = 1; i < m_tagFilter->count(); ++i)
        shown << m_tagFilter->itemData(i).toString();
    if (shown == tags)
        return;
    const QString current = m_tagFilter->currentData().toString();
    const QSignalBlocker blocker(m_tagFilter);
    while (m_tagFilter->count() > 1)
        m_tagFilter->removeItem(1);
    for (const QString &tag : tags)
        m_tagFilter->addItem(tag, tag);
    const int index = m_tagFilter->findData(current);
    m_tagFilter->setCurrentIndex(index < 0 ? 0 : index);
    static_cast<TagFilterProxy *>(m_proxy)->setTag(m_tagFilter->currentData().toString());
}

void RunbookPanel::onSearchEdited(const QString &text)
{
    const int generation = m_latestSearch->fetch_add(1) + 1;
    if (text.trimmed().isEmpty()) {
        // Every runbook is already here: shown again without asking the worker, so a
        // cleared field never waits behind anything and never waits for a copy.
        m_model->showAll();
        showRunbookCount();
        return;
    }
    Q_EMIT requestSearch(generation, text);
}

void RunbookPanel::onFound(int generation, const QString &text,
                           const std::vector<runbooks::SearchHit> &hits)
{
    if (generation != m_latestSearch->load())
        return;
    m_model->showHits(hits);
    m_table->sortByColumn(-1, Qt::AscendingOrder);
    m_proxy->sort(-1);
    if (hits.empty())
        m_status->setText(tr("No runbook matches"));
    else
        m_status->setText(counted(hits.size(), tr("1 match"), tr("%1 matches")));
    Q_EMIT resultsShown(text, m_proxy->rowCount());
}

bool RunbookPanel::openFirstResult()
{
    if (m_proxy->rowCount() == 0)
        return false;
    openRow(m_proxy->index(0, 0));
    return true;
}

void RunbookPanel::openRow(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    openRunbook(index.data(RunbookTableModel::PathRole).toString());
}

void RunbookPanel::openRunbook(const QString &path, const QString &root)
{
    for (int i = 0; i < m_reader->count(); ++i) {
        auto *tab = static_cast<RunbookReaderTab *>(m_reader->widget(i));
        if (tab->browser()->currentPath() == path) {
            m_reader->setCurrentIndex(i);
            return;
        }
    }
    QString folder = root;
    for (const QString &candidate : m_roots) {
        if (folder.isEmpty() && path.startsWith(candidate + QLatin1Char('/')))
            folder = candidate;
    }
    auto *tab = new RunbookReaderTab(m_reader);
    RunbookBrowser *browser = tab->browser();
    connect(browser, &RunbookBrowser::runbookShown, this,
            [this, tab](const QString &, const QString &title) {
                const int index = m_reader->indexOf(tab);
                if (index >= 0) {
                    m_reader->setTabText(index, title);
                    m_reader->setTabToolTip(index, tab->browser()->currentPath());
                }
            });
    connect(browser, &RunbookBrowser::linkProblem, this, [this](const QString &message) {
        m_status->setText(message);
        log::get(log::Ui)->info("{}", message.toStdString());
    });
    connect(browser, &RunbookBrowser::codeCopied, this,
            [this] { m_status->setText(tr("Command copied")); });
    // A tab that never showed its runbook goes again; one showing another keeps it.
    connect(browser, &RunbookBrowser::openFailed, tab, [tab] {
        if (tab->browser()->currentTitle().isEmpty())
            tab->deleteLater();
    });
    m_reader->setCurrentIndex(m_reader->addTab(tab, QFileInfo(path).fileName()));
    browser->openRunbook(path, folder);
}

} // namespace ic::ui
