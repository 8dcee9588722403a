#include "HealthStrip.h"

#include "HealthSparkline.h"
#include "HealthTile.h"
#include "health/HealthMonitor.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>
#include <algorithm>

namespace ic::ui {
namespace {

constexpr const char *checkProperty = "healthCheck";
constexpr const char *groupProperty = "healthGroup";

// What one chip stands for: a group of checks and its worst member.
struct GroupSummary
{
    QString group;
    int order = 0; // first appearance in health.yaml, to keep equal groups stable
    bool anyResult = false;
    health::State worst = health::State::Ok;
    QString worstCheck;
    int notOk = 0;
    // Worst first: (rank, check name, "✖ CRIT db: message").
    QList<std::pair<int, QString>> lines;
    int total = 0;
};

QList<GroupSummary> summarize(const health::HealthMonitor &monitor, const QDateTime &now)
{
    QList<GroupSummary> groups;
    QHash<QString, qsizetype> indexOf;
    for (const QString &name : monitor.checkNames()) {
        const health::CheckStatus status = monitor.status(name);
        const QString group = status.check.group;
        if (!indexOf.contains(group)) {
            indexOf.insert(group, groups.size());
            GroupSummary summary;
            summary.group = group;
            summary.order = int(groups.size());
            groups.append(summary);
        }
        GroupSummary &summary = groups[indexOf.value(group)];
        ++summary.total;
        if (!status.hasResult) {
            summary.lines.append({-1, HealthStrip::tr("… %1: first probe pending").arg(name)});
            continue;
        }
        const health::State state = health::displayedState(status, now);
        const int rank = health::severityRank(state);
        if (!summary.anyResult || rank > health::severityRank(summary.worst)) {
            summary.worst = state;
            summary.worstCheck = name;
        }
        summary.anyResult = true;
        if (state != health::State::Ok)
            ++summary.notOk;
        summary.lines.append(
            {rank, HealthStrip::tr("%1 %2: %3")
                       .arg(HealthTile::stateText(state), name, status.last.message)});
    }
    for (GroupSummary &summary : groups)
        std::stable_sort(summary.lines.begin(), summary.lines.end(),
                         [](const auto &a, const auto &b) { return a.first > b.first; });
    std::stable_sort(groups.begin(), groups.end(),
                     [](const GroupSummary &a, const GroupSummary &b) {
                         const int rankA = a.anyResult ? health::severityRank(a.worst) : -1;
                         const int rankB = b.anyResult ? health::severityRank(b.worst) : -1;
                         return rankA != rankB ? rankA > rankB : a.order < b.order;
                     });
    return groups;
}

QString groupLabel(const QString &group)
{
    return group.isEmpty() ? HealthStrip::tr("Ungrouped") : group;
}

QString tooltipOf(const GroupSummary &summary)
{
    QStringList html;
    html.append(QStringLiteral("<b>%1</b>")
                    .arg(HealthStrip::tr("%1: %2 of %3 checks not OK")
                             .arg(groupLabel(summary.group))
                             .arg(summary.notOk)
                             .arg(summary.total)
                             .toHtmlEscaped()));
    const auto shown = std::min<qsizetype>(summary.lines.size(), HealthStrip::maxTooltipLines);
    for (qsizetype i = 0; i < shown; ++i)
        html.append(summary.lines.at(i).second.toHtmlEscaped());
    if (summary.lines.size() > shown)
        html.append(HealthStrip::tr("… and %1 more").arg(summary.lines.size() - shown));
    return html.join(QStringLiteral("<br>"));
}

} // namespace

HealthStrip::HealthStrip(health::HealthMonitor *monitor, QWidget *parent)
    : QWidget(parent), m_monitor(monitor), m_chips(new QHBoxLayout),
      m_empty(new QLabel(tr("no checks"), this)), m_more(new QToolButton(this)), m_title(nullptr)
{
    setObjectName(QStringLiteral("healthStrip"));
    setAccessibleName(tr("Health"));
    // All the row's width, so chips reappear as soon as there is room for them.
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    m_title = new QLabel(tr("Health:"), this);
    m_title->setObjectName(QStringLiteral("healthStripTitle"));
    layout->addWidget(m_title);
    m_chips->setSpacing(4);
    layout->addLayout(m_chips);
    m_empty->setObjectName(QStringLiteral("healthStripEmpty"));
    layout->addWidget(m_empty);
    m_more->setObjectName(QStringLiteral("healthStripMore"));
    m_more->setAutoRaise(true);
    m_more->setVisible(false);
    connect(m_more, &QToolButton::clicked, this, &HealthStrip::boardRequested);
    layout->addWidget(m_more);
    layout->addStretch(1);

    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(200);
    connect(&m_coalesce, &QTimer::timeout, this, &HealthStrip::refresh);
    const auto soon = [this] {
        if (!m_coalesce.isActive())
            m_coalesce.start();
    };
    connect(m_monitor, &health::HealthMonitor::checksChanged, this, soon);
    connect(m_monitor, &health::HealthMonitor::statusChanged, this, soon);
    m_clock.setInterval(1000);
    connect(&m_clock, &QTimer::timeout, this, &HealthStrip::refresh);
    m_clock.start();
    refresh();
}

QToolButton *HealthStrip::chip(int index)
{
    while (m_chipButtons.size() <= index) {
        auto *button = new QToolButton(this);
        button->setObjectName(QStringLiteral("healthStripChip"));
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        connect(button, &QToolButton::clicked, this, [this, button] {
            const QString check = button->property(checkProperty).toString();
            if (check.isEmpty())
                Q_EMIT boardRequested();
            else
                Q_EMIT detailsRequested(check);
        });
        m_chips->addWidget(button);
        m_chipButtons.append(button);
    }
    return m_chipButtons.at(index);
}

void HealthStrip::refresh()
{
    const QList<GroupSummary> groups = summarize(*m_monitor, QDateTime::currentDateTimeUtc());
    const bool overflow = groups.size() > maxChips;
    const int shown = int(overflow ? maxChips - 1 : groups.size());
    for (int i = 0; i < shown; ++i) {
        const GroupSummary &summary = groups.at(i);
        QToolButton *button = chip(i);
        QString text = summary.anyResult ? HealthTile::stateText(summary.worst) : tr("… waiting");
        text += QLatin1Char(' ') + groupLabel(summary.group);
        if (summary.notOk > 0 && summary.total > 1)
            text += tr(" (%1 of %2)").arg(summary.notOk).arg(summary.total);
        button->setText(text);
        button->setToolTip(tooltipOf(summary));
        button->setAccessibleName(
            tr("Health %1: %2, %3 of %4 checks not OK")
                .arg(groupLabel(summary.group),
                     summary.anyResult ? health::stateName(summary.worst) : tr("waiting"))
                .arg(summary.notOk)
                .arg(summary.total));
        button->setProperty(groupProperty, summary.group);
        // A bad group opens its worst check; a good one the board.
        button->setProperty(checkProperty, summary.anyResult && summary.worst != health::State::Ok
                                               ? summary.worstCheck
                                               : QString());
        const QColor colour = summary.anyResult ? stateColor(summary.worst) : QColor(Qt::gray);
        const bool darkText = summary.anyResult && summary.worst == health::State::Warn;
        button->setStyleSheet(
            QStringLiteral("QToolButton{background:%1;color:%2;border-radius:3px;"
                           "padding:1px 6px;font-weight:bold;border:2px solid %1}"
                           "QToolButton:focus{border-color:palette(highlight)}")
                .arg(colour.name(), darkText ? QStringLiteral("black") : QStringLiteral("white")));
        button->setVisible(true);
    }
    m_prepared = shown;
    m_groups = int(groups.size());
    fitChips();
    m_empty->setVisible(groups.isEmpty());
}

QSize HealthStrip::minimumSizeHint() const
{
    // The title and "+N more": every chip may give way to the count.
    m_more->ensurePolished();
    const QSize more =
        m_more->fontMetrics().size(Qt::TextSingleLine, tr("+%1 more").arg(999)) + QSize(16, 0);
    return {m_title->sizeHint().width() + 2 * layout()->spacing() + more.width(),
            std::max(m_title->sizeHint().height(),
                     m_chipButtons.isEmpty() ? more.height()
                                             : m_chipButtons.first()->sizeHint().height())};
}

void HealthStrip::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitChips();
}

void HealthStrip::fitChips()
{
    const int spacing = layout()->spacing();
    const int moreWidth = minimumSizeHint().width() - m_title->sizeHint().width() - spacing;
    int room = width() - m_title->sizeHint().width() - spacing;
    int visible = 0;
    for (; visible < m_prepared; ++visible) {
        const int needed = m_chipButtons.at(visible)->sizeHint().width() + m_chips->spacing();
        // The last chip needs no room for the count after it.
        const bool last = visible + 1 == m_groups;
        if (needed + (last ? 0 : moreWidth) > room)
            break;
        room -= needed;
    }
    // The worst group is always shown, cut to the room there is, rather than only a count.
    if (visible == 0 && m_prepared > 0)
        visible = 1;
    for (int i = 0; i < m_chipButtons.size(); ++i)
        m_chipButtons.at(i)->setVisible(i < visible);
    const int rest = m_groups - visible;
    m_more->setVisible(rest > 0);
    if (rest > 0) {
        m_more->setText(tr("+%1 more").arg(rest));
        m_more->setToolTip(
            tr("%1 more groups, none worse than those shown: open the board").arg(rest));
    }
}

} // namespace ic::ui
