#include "HealthGrid.h"

#include "HealthGridDelegate.h"
#include "HealthGridFilter.h"
#include "HealthGridModel.h"
#include "health/HealthMonitor.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QVBoxLayout>

namespace ic::ui {

namespace {

// The state filter's entries: label, what it lets through, and the board position for One.
struct StateChoice
{
    const char *label;
    HealthGridFilter::States states;
    int position;
};

const StateChoice stateChoices[] = {
    {QT_TRANSLATE_NOOP("HealthGrid", "All states"), HealthGridFilter::States::All, 0},
    {QT_TRANSLATE_NOOP("HealthGrid", "Not OK"), HealthGridFilter::States::NotOk, 0},
    {"CRIT", HealthGridFilter::States::One, health::boardPosition(health::State::Crit)},
    {"WARN", HealthGridFilter::States::One, health::boardPosition(health::State::Warn)},
    {"STALE", HealthGridFilter::States::One, health::boardPosition(health::State::Stale)},
    {"UNKNOWN", HealthGridFilter::States::One, health::boardPosition(health::State::Unknown)},
    {"OK", HealthGridFilter::States::One, health::boardPosition(health::State::Ok)},
    {QT_TRANSLATE_NOOP("HealthGrid", "Pending"), HealthGridFilter::States::One,
     HealthGridModel::pendingPosition},
};

} // namespace

HealthGrid::HealthGrid(health::HealthMonitor *monitor, QWidget *parent)
    : QWidget(parent), m_monitor(monitor), m_model(new HealthGridModel(monitor, this)),
      m_filter(new HealthGridFilter(this)), m_delegate(nullptr), m_text(new QLineEdit(this)),
      m_group(new QComboBox(this)), m_state(new QComboBox(this)), m_count(new QLabel(this)),
      m_view(new QListView(this))
{
    setObjectName(QStringLiteral("healthGrid"));
    m_filter->setSourceModel(m_model);

    m_text->setObjectName(QStringLiteral("healthGridText"));
    m_text->setPlaceholderText(tr("Filter by name, group or message"));
    m_text->setClearButtonEnabled(true);
    m_text->setAccessibleName(tr("Filter health checks"));
    // The dock may be narrow: the filters shrink before the window grows.
    m_text->setMinimumWidth(m_text->fontMetrics().averageCharWidth() * 10);
    connect(m_text, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_filter->setText(text);
        updateCount();
    });
    m_group->setObjectName(QStringLiteral("healthGridGroup"));
    m_group->setAccessibleName(tr("Group"));
    m_group->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_group->setMinimumContentsLength(6);
    connect(m_group, &QComboBox::currentIndexChanged, this, [this] {
        const QVariant group = m_group->currentData();
        m_filter->setGroup(group.isValid() ? std::optional<QString>(group.toString())
                                           : std::nullopt);
        updateCount();
    });
    m_state->setObjectName(QStringLiteral("healthGridState"));
    m_state->setAccessibleName(tr("State"));
    m_state->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_state->setMinimumContentsLength(6);
    for (const StateChoice &choice : stateChoices)
        m_state->addItem(tr(choice.label));
    connect(m_state, &QComboBox::currentIndexChanged, this, &HealthGrid::applyStateFilter);
    m_count->setObjectName(QStringLiteral("healthGridCount"));

    m_view->setObjectName(QStringLiteral("healthGridView"));
    m_view->setAccessibleName(tr("Health checks, worst first"));
    m_view->setModel(m_filter);
    m_delegate = new HealthGridDelegate(m_view);
    m_view->setItemDelegate(m_delegate);
    // Cells flow left to right and wrap: as many columns as the dock is wide.
    m_view->setViewMode(QListView::ListMode);
    m_view->setFlow(QListView::LeftToRight);
    m_view->setWrapping(true);
    m_view->setResizeMode(QListView::Adjust);
    m_view->setUniformItemSizes(true);
    m_view->setLayoutMode(QListView::Batched);
    m_view->setBatchSize(500);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setMouseTracking(true);
    m_view->installEventFilter(this);
    connect(m_view, &QListView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT detailsRequested(index.data(HealthGridModel::NameRole).toString());
    });
    connect(m_view, &QListView::customContextMenuRequested, this, &HealthGrid::showMenu);
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, &HealthGrid::updateCount);
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &HealthGrid::updateCount);
    connect(m_filter, &QAbstractItemModel::modelReset, this, [this] {
        fillGroups();
        fitCells();
        updateCount();
    });

    auto *filters = new QHBoxLayout;
    filters->setContentsMargins(0, 0, 0, 0);
    filters->addWidget(m_text, 1);
    filters->addWidget(m_group);
    filters->addWidget(m_state);
    filters->addWidget(m_count);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(filters);
    layout->addWidget(m_view, 1);
    fillGroups();
    fitCells();
    updateCount();
}

QStringList HealthGrid::shownChecks() const
{
    QStringList names;
    for (int row = 0; row < m_filter->rowCount(); ++row)
        names.append(m_filter->index(row, 0).data(HealthGridModel::NameRole).toString());
    return names;
}

void HealthGrid::refresh()
{
    m_model->refresh();
}

bool HealthGrid::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_view || event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    const auto *key = static_cast<QKeyEvent *>(event);
    const QString check = currentCheck();
    if (check.isEmpty() || key->modifiers() & ~Qt::KeypadModifier)
        return false;
    switch (key->key()) {
    case Qt::Key_Return:
    case Qt::Key_Enter:
        Q_EMIT detailsRequested(check);
        return true;
    case Qt::Key_R:
        if (!currentRunbook().isEmpty())
            Q_EMIT runbookRequested(currentRunbook());
        return true;
    case Qt::Key_P:
        Q_EMIT probeNowRequested(check);
        return true;
    default:
        return false;
    }
}

void HealthGrid::fillGroups()
{
    const QVariant chosen = m_group->currentData();
    QStringList groups;
    for (const QString &name : m_monitor->checkNames()) {
        const health::CheckStatus *status = m_monitor->findStatus(name);
        const QString group = status ? status->check.group : QString();
        if (!groups.contains(group))
            groups.append(group);
    }
    const QSignalBlocker blocker(m_group);
    m_group->clear();
    m_group->addItem(tr("All groups"));
    for (const QString &group : groups)
        m_group->addItem(group.isEmpty() ? tr("Ungrouped") : group, group);
    const int index = chosen.isValid() ? m_group->findData(chosen) : 0;
    m_group->setCurrentIndex(std::max(index, 0));
    m_filter->setGroup(index > 0 ? std::optional<QString>(chosen.toString()) : std::nullopt);
}

void HealthGrid::fitCells()
{
    m_delegate->fitNames(m_monitor->checkNames(), m_view->font());
    m_view->doItemsLayout();
}

void HealthGrid::applyStateFilter()
{
    const StateChoice &choice = stateChoices[std::max(m_state->currentIndex(), 0)];
    m_filter->setStates(choice.states, choice.position);
    updateCount();
}

void HealthGrid::updateCount()
{
    // Only while a filter hides some: the board's summary counts them all already.
    const int shown = m_filter->rowCount();
    const int all = m_model->rowCount();
    m_count->setText(tr("%1 of %2").arg(shown).arg(all));
    m_count->setVisible(shown != all);
}

void HealthGrid::showMenu(const QPoint &at)
{
    const QModelIndex index = m_view->indexAt(at);
    if (!index.isValid())
        return;
    m_view->setCurrentIndex(index);
    const QString check = currentCheck();
    const QString runbook = currentRunbook();
    QMenu menu(this);
    menu.addAction(tr("Details\tEnter"), this, [this, check] { Q_EMIT detailsRequested(check); });
    QAction *openRunbook = menu.addAction(
        runbook.isEmpty() ? tr("No runbook named") : tr("Open runbook %1\tR").arg(runbook), this,
        [this, runbook] { Q_EMIT runbookRequested(runbook); });
    openRunbook->setEnabled(!runbook.isEmpty());
    menu.addAction(tr("Probe now\tP"), this, [this, check] { Q_EMIT probeNowRequested(check); });
    menu.exec(m_view->viewport()->mapToGlobal(at));
}

QString HealthGrid::currentCheck() const
{
    return m_view->currentIndex().data(HealthGridModel::NameRole).toString();
}

QString HealthGrid::currentRunbook() const
{
    return m_view->currentIndex().data(HealthGridModel::RunbookRole).toString();
}

} // namespace ic::ui
