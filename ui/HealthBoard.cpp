#include "HealthBoard.h"

#include "HealthDetailDialog.h"
#include "HealthGrid.h"
#include "HealthTile.h"
#include "core/Settings.h"
#include "health/HealthMonitor.h"

#include <QButtonGroup>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace ic::ui {

HealthBoard::HealthBoard(health::HealthMonitor *monitor, const QString &settingsDir,
                         QWidget *parent)
    : QWidget(parent), m_monitor(monitor), m_problems(new QLabel(this)),
      m_summary(new QLabel(this)), m_observerNote(new QLabel(this)), m_tilesArea(new QWidget),
      m_tilesLayout(nullptr), m_views(new QStackedWidget(this)),
      m_grid(new HealthGrid(monitor, m_views)), m_gridButton(new QToolButton(this)),
      m_tilesButton(new QToolButton(this)), m_settingsDir(settingsDir)
{
    setObjectName(QStringLiteral("healthBoard"));
    m_problems->setObjectName(QStringLiteral("healthProblems"));
    m_problems->setWordWrap(true);
    m_problems->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problems->setVisible(false);
    m_summary->setObjectName(QStringLiteral("healthSummary"));
    m_summary->setWordWrap(true);
    m_observerNote->setObjectName(QStringLiteral("healthObserverNote"));
    m_observerNote->setWordWrap(true);
    m_observerNote->setVisible(false);

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setAccessibleName(tr("Health checks"));
    scroll->setWidget(m_tilesArea);
    m_tilesLayout = new QVBoxLayout(m_tilesArea);
    m_tilesLayout->setContentsMargins(0, 0, 0, 0);
    m_tilesLayout->setSpacing(4);

    m_views->addWidget(m_grid);
    m_views->addWidget(scroll);
    connect(m_grid, &HealthGrid::detailsRequested, this, &HealthBoard::showDetails);
    connect(m_grid, &HealthGrid::runbookRequested, this, &HealthBoard::runbookRequested);
    connect(m_grid, &HealthGrid::probeNowRequested, m_monitor, &health::HealthMonitor::probeNow);

    auto *views = new QButtonGroup(this);
    for (QToolButton *button : {m_gridButton, m_tilesButton}) {
        button->setCheckable(true);
        button->setAutoRaise(true);
        views->addButton(button);
    }
    m_gridButton->setObjectName(QStringLiteral("healthGridButton"));
    m_gridButton->setText(tr("Grid"));
    m_gridButton->setToolTip(tr("Every check as a small cell, worst first, with filters"));
    m_tilesButton->setObjectName(QStringLiteral("healthTilesButton"));
    m_tilesButton->setText(tr("Tiles"));
    m_tilesButton->setToolTip(tr("Checks by group, each with its message and history"));
    connect(m_gridButton, &QToolButton::clicked, this, [this] { setView(View::Grid); });
    connect(m_tilesButton, &QToolButton::clicked, this, [this] { setView(View::Tiles); });
    if (!m_settingsDir.isEmpty()) {
        const QString chosen = Settings(m_settingsDir).get(settings::healthBoardView);
        m_viewChosen = chosen == QLatin1String("grid") || chosen == QLatin1String("tiles");
        m_view = chosen == QLatin1String("grid") ? View::Grid : View::Tiles;
    }

    auto *summaryRow = new QHBoxLayout;
    summaryRow->addWidget(m_summary, 1);
    summaryRow->addWidget(m_gridButton, 0, Qt::AlignTop);
    summaryRow->addWidget(m_tilesButton, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_problems);
    layout->addLayout(summaryRow);
    layout->addWidget(m_observerNote);
    layout->addWidget(m_views, 1);

    connect(m_monitor, &health::HealthMonitor::checksChanged, this, &HealthBoard::rebuild);
    // The summary counts every check: with thousands reporting, it is counted at most five
    // times a second, not once per result.
    m_summaryDue.setSingleShot(true);
    m_summaryDue.setInterval(200);
    connect(&m_summaryDue, &QTimer::timeout, this, &HealthBoard::updateSummary);
    connect(m_monitor, &health::HealthMonitor::statusChanged, this, [this](const QString &name) {
        refreshTile(name);
        if (!m_summaryDue.isActive())
            m_summaryDue.start();
    });
    connect(m_monitor, &health::HealthMonitor::observerImpaired, this,
            [this](const QDateTime &from, const QDateTime &to) {
                m_observerNote->setText(
                    tr("The console was not observing from %1 to %2 (sleep or a clock jump). "
                       "Checks run again now; that gap says nothing about the targets.")
                        .arg(from.toLocalTime().toString(QStringLiteral("HH:mm:ss")),
                             to.toLocalTime().toString(QStringLiteral("HH:mm:ss"))));
                m_observerNote->setVisible(true);
            });
    // "since" ages and STALE appears without any new result, so the board ticks on its own.
    m_clock.setInterval(1000);
    connect(&m_clock, &QTimer::timeout, this, &HealthBoard::refreshAll);
    m_clock.start();
    rebuild();
}

void HealthBoard::rebuild()
{
    m_tiles.clear();
    while (QLayoutItem *item = m_tilesLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    const QList<health::ConfigProblem> problems = m_monitor->problems();
    QStringList lines;
    for (const health::ConfigProblem &problem : problems)
        lines.append(problem.toString().toHtmlEscaped());
    const QString heading = problems.size() == 1
                                ? tr("1 problem in the health config")
                                : tr("%1 problems in the health config").arg(problems.size());
    m_problems->setText(QStringLiteral("<b>%1</b> %2<br>%3")
                            .arg(heading.toHtmlEscaped(),
                                 tr("(the other checks run):").toHtmlEscaped(),
                                 lines.join(QStringLiteral("<br>"))));
    m_problems->setVisible(!problems.isEmpty());

    // Groups in the order they first appear in health.yaml.
    QStringList order;
    m_groups.clear();
    const QStringList names = m_monitor->checkNames();
    for (const QString &name : names) {
        const QString group = m_monitor->status(name).check.group;
        if (!m_groups.contains(group))
            order.append(group);
        m_groups[group].members.append(name);
    }
    if (!m_viewChosen)
        m_view = names.size() > gridFrom ? View::Grid : View::Tiles;
    showView(m_view);
    // Folded when the board is large, unless the user unfolded it; a small board shows all.
    const bool large = names.size() > maxExpandedChecks;
    for (const QString &group : order) {
        if (!m_seenGroups.contains(group) && large)
            m_folded.insert(group);
        m_seenGroups.insert(group);
    }
    if (!large)
        m_folded.clear();
    for (const QString &group : order) {
        Group &entry = m_groups[group];
        auto *row = new QWidget(m_tilesArea);
        auto *rowLayout = new QHBoxLayout(row);
        rowLayout->setContentsMargins(0, 0, 0, 0);
        auto *heading = new QLabel(group.isEmpty() ? tr("Ungrouped") : group, row);
        heading->setObjectName(QStringLiteral("healthGroupHeading"));
        QFont font = heading->font();
        font.setBold(true);
        heading->setFont(font);
        entry.counts = new QLabel(row);
        entry.counts->setObjectName(QStringLiteral("healthGroupCounts"));
        entry.toggle = new QToolButton(row);
        entry.toggle->setObjectName(QStringLiteral("healthGroupToggle"));
        entry.toggle->setAutoRaise(true);
        connect(entry.toggle, &QToolButton::clicked, this,
                [this, group] { setGroupExpanded(group, !isGroupExpanded(group)); });
        rowLayout->addWidget(heading);
        rowLayout->addWidget(entry.counts, 1);
        rowLayout->addWidget(entry.toggle);
        m_tilesLayout->addWidget(row);
        entry.tiles = new QWidget(m_tilesArea);
        auto *tilesLayout = new QVBoxLayout(entry.tiles);
        tilesLayout->setContentsMargins(0, 0, 0, 0);
        tilesLayout->setSpacing(4);
        m_tilesLayout->addWidget(entry.tiles);
        if (isGroupExpanded(group) && m_view == View::Tiles)
            fillGroup(group);
        updateToggle(group);
    }
    m_tilesLayout->addStretch(1);
    refreshAll();
}

void HealthBoard::fillGroup(const QString &group)
{
    const Group &entry = m_groups[group];
    for (const QString &name : entry.members) {
        auto *tile = new HealthTile(name, entry.tiles);
        connect(tile, &HealthTile::runbookRequested, this, &HealthBoard::runbookRequested);
        connect(tile, &HealthTile::detailsRequested, this, &HealthBoard::showDetails);
        connect(tile, &HealthTile::probeNowRequested, m_monitor, &health::HealthMonitor::probeNow);
        entry.tiles->layout()->addWidget(tile);
        m_tiles.insert(name, tile);
    }
}

void HealthBoard::setGroupExpanded(const QString &group, bool expanded)
{
    if (!m_groups.contains(group) || expanded == isGroupExpanded(group))
        return;
    if (expanded) {
        m_folded.remove(group);
        if (m_view == View::Tiles)
            fillGroup(group);
        for (const QString &name : m_groups[group].members)
            refreshTile(name);
    } else {
        m_folded.insert(group);
        for (const QString &name : m_groups[group].members)
            delete m_tiles.take(name);
    }
    updateToggle(group);
    updateSummary();
}

void HealthBoard::setView(View view)
{
    m_viewChosen = true;
    if (!m_settingsDir.isEmpty())
        Settings(m_settingsDir)
            .set(settings::healthBoardView,
                 view == View::Grid ? QStringLiteral("grid") : QStringLiteral("tiles"));
    if (view == m_view) {
        showView(view);
        return;
    }
    m_view = view;
    // The tiles are made for the tile view only, and dropped again when it goes.
    rebuild();
}

void HealthBoard::showView(View view)
{
    m_views->setCurrentIndex(view == View::Grid ? 0 : 1);
    m_gridButton->setChecked(view == View::Grid);
    m_tilesButton->setChecked(view == View::Tiles);
}

void HealthBoard::updateToggle(const QString &group)
{
    const Group &entry = m_groups[group];
    const bool expanded = isGroupExpanded(group);
    const QString name = group.isEmpty() ? tr("Ungrouped") : group;
    entry.toggle->setText(expanded ? tr("Hide")
                                   : tr("Show %n check(s)", nullptr, int(entry.members.size())));
    entry.toggle->setAccessibleName(expanded ? tr("Hide the checks of %1").arg(name)
                                             : tr("Show the checks of %1").arg(name));
    entry.counts->setVisible(!expanded);
}

void HealthBoard::showDetails(const QString &name)
{
    for (HealthDetailDialog *open : findChildren<HealthDetailDialog *>()) {
        if (open->checkName() == name) {
            open->raise();
            open->activateWindow();
            return;
        }
    }
    auto *dialog = new HealthDetailDialog(m_monitor, name, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void HealthBoard::refreshTile(const QString &name)
{
    if (HealthTile *tile = m_tiles.value(name))
        tile->display(m_monitor->status(name), QDateTime::currentDateTimeUtc());
}

void HealthBoard::refreshAll()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (auto it = m_tiles.begin(); it != m_tiles.end(); ++it)
        it.value()->display(m_monitor->status(it.key()), now);
    m_grid->refresh();
    updateSummary();
}

void HealthBoard::updateSummary()
{
    const QStringList names = m_monitor->checkNames();
    if (names.isEmpty()) {
        m_summary->setText(tr("No checks in %1. Add some and save: the board picks them up.")
                               .arg(m_monitor->configPath()));
        return;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QMap<int, int> counts;
    int pending = 0;
    QHash<QString, QMap<int, int>> folded;
    for (const QString &name : names) {
        const health::CheckStatus *status = m_monitor->findStatus(name);
        if (!status)
            continue;
        const int state = status->hasResult ? int(health::displayedState(*status, now)) : -1;
        if (state < 0)
            ++pending;
        else
            ++counts[state];
        if (!isGroupExpanded(status->check.group))
            ++folded[status->check.group][state];
    }
    // A folded group's heading says what its tiles would, worst first.
    for (auto group = folded.cbegin(); group != folded.cend(); ++group) {
        QStringList states;
        for (const int state :
             {int(health::State::Crit), int(health::State::Warn), int(health::State::Unknown),
              int(health::State::Stale), int(health::State::Ok), -1}) {
            if (const int count = group.value().value(state); count > 0)
                states.append(QStringLiteral("%1 %2").arg(count).arg(
                    state < 0 ? tr("pending") : health::stateName(health::State(state))));
        }
        if (const auto entry = m_groups.constFind(group.key()); entry != m_groups.cend())
            entry->counts->setText(states.join(QStringLiteral(" · ")));
    }
    QStringList parts;
    for (auto it = counts.begin(); it != counts.end(); ++it)
        parts.append(QStringLiteral("%1 %2")
                         .arg(it.value())
                         .arg(health::stateName(health::State(it.key()))));
    if (pending > 0)
        parts.append(tr("%1 pending").arg(pending));
    const QString count = names.size() == 1 ? tr("1 check") : tr("%1 checks").arg(names.size());
    m_summary->setText(tr("%1: %2").arg(count, parts.join(QStringLiteral(", "))));
}

} // namespace ic::ui
