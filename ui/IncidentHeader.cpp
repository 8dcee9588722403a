#include "IncidentHeader.h"

#include "ActiveIncident.h"
#include "ElidedLabel.h"
#include "MilestonesDialog.h"
#include "core/Duration.h"
#include "incidents/Roles.h"

#include <QAction>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QStackedWidget>
#include <QToolButton>

namespace ic::ui {
namespace {

QString clock(qint64 seconds)
{
    return formatClock(std::chrono::seconds(seconds));
}

} // namespace

IncidentHeader::IncidentHeader(QWidget *parent)
    : QFrame(parent), m_stack(new QStackedWidget(this)), m_rows(new QVBoxLayout(this)),
      m_state(new QLabel(tr("No incident in progress"))), m_hint(new QLabel),
      m_steps(new QGridLayout), m_live(new QWidget)
{
    setObjectName(QStringLiteral("incidentHeader"));
    setFrameShape(QFrame::StyledPanel);
    m_state->setObjectName(QStringLiteral("incidentHeaderState"));
    m_hint->setObjectName(QStringLiteral("incidentHeaderHint"));
    m_hint->setText(tr("Declaring one fills this strip with its severity, status, clocks and "
                       "commander."));
    m_hint->setWordWrap(true);

    auto *peacetime = new QWidget;
    peacetime->setObjectName(QStringLiteral("incidentHeaderPeacetime"));
    // Heading above the steps, so the strip never needs more width than the steps themselves.
    auto *peaceLayout = new QVBoxLayout(peacetime);
    peaceLayout->setContentsMargins(0, 0, 0, 0);
    peaceLayout->setSpacing(8);
    auto *intro = new QHBoxLayout;
    intro->setSpacing(16);
    intro->addWidget(m_state);
    intro->addWidget(m_hint, 1);
    peaceLayout->addLayout(intro);
    m_steps->setHorizontalSpacing(16);
    m_steps->setVerticalSpacing(2);
    peaceLayout->addLayout(m_steps);
    m_stack->addWidget(peacetime);
    m_stack->addWidget(m_live);

    m_rows->setContentsMargins(12, 8, 12, 8);
    m_rows->setSpacing(6);
    m_rows->addWidget(m_stack);
    setAccessibleName(tr("Incident header"));
}

void IncidentHeader::addFirstStep(QAction *action, const QString &explanation, bool primary)
{
    auto *button = new QPushButton(action->text().remove(QLatin1Char('&')), m_stack->widget(0));
    button->setObjectName(action->objectName() + QStringLiteral("Button"));
    const QString shortcut = action->shortcut().toString(QKeySequence::NativeText);
    button->setToolTip(shortcut.isEmpty() ? explanation : tr("%1 (%2)").arg(explanation, shortcut));
    button->setAccessibleName(button->text());
    button->setAccessibleDescription(explanation);
    connect(button, &QPushButton::clicked, action, &QAction::trigger);
    auto *label =
        new QLabel(shortcut.isEmpty() ? explanation : tr("%1 <b>%2</b>").arg(explanation, shortcut),
                   m_stack->widget(0));
    label->setObjectName(QStringLiteral("firstStepExplanation"));
    label->setWordWrap(true);
    label->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    label->setBuddy(button);
    // The primary step takes the first column; the others move one to the right.
    const int column = primary ? 0 : m_stepCount;
    if (primary) {
        for (int index = m_steps->count() - 1; index >= 0; --index) {
            int row = 0;
            int col = 0;
            int rowSpan = 0;
            int colSpan = 0;
            m_steps->getItemPosition(index, &row, &col, &rowSpan, &colSpan);
            QLayoutItem *item = m_steps->takeAt(index);
            m_steps->addItem(item, row, col + 1);
        }
        button->setObjectName(QStringLiteral("firstStepPrimary"));
        button->setDefault(true);
        // A first-time user's Enter or Space declares: no hunting for the button.
        button->setFocus();
    }
    m_steps->addWidget(button, 0, column);
    m_steps->addWidget(label, 1, column);
    m_steps->setColumnStretch(m_stepCount, 1);
    ++m_stepCount;
    // Walking the strip with Tab follows the columns.
    QList<QPushButton *> buttons;
    for (int col = 0; col < m_stepCount; ++col) {
        if (QLayoutItem *item = m_steps->itemAtPosition(0, col))
            buttons.append(qobject_cast<QPushButton *>(item->widget()));
    }
    for (int i = 1; i < buttons.size(); ++i)
        setTabOrder(buttons.at(i - 1), buttons.at(i));
}

void IncidentHeader::addRow(QWidget *row)
{
    m_rows->addWidget(row);
}

template <typename Label> Label *IncidentHeader::addLabel(const char *objectName, QBoxLayout *row)
{
    auto *label = new Label(m_live);
    label->setObjectName(QLatin1String(objectName));
    row->addWidget(label);
    return label;
}

void IncidentHeader::addIncidentButton(QAction *action)
{
    auto *button = new QToolButton(m_live);
    button->setObjectName(QStringLiteral("header_") + action->objectName());
    button->setDefaultAction(action);
    m_topRow->addWidget(button);
}

void IncidentHeader::showIncident(ActiveIncident *incident)
{
    m_incident = incident;
    // Two rows, so the header never forces the window wider than the screen: what and who
    // on top, the state and the clocks below. The title, the text everyone reads first, wraps
    // onto more lines rather than being cut; other long texts end in "…" and their tooltips
    // carry them whole.
    auto *rows = new QVBoxLayout(m_live);
    rows->setContentsMargins(0, 0, 0, 0);
    rows->setSpacing(4);
    auto *layout = new QHBoxLayout;
    layout->setSpacing(14);
    auto *clocks = new QHBoxLayout;
    clocks->setSpacing(18);
    rows->addLayout(layout);
    rows->addLayout(clocks);
    m_badge = addLabel("headerSeverityBadge", layout);
    m_title = addLabel<QLabel>("headerTitle", layout);
    m_title->setWordWrap(true);
    // Its length never widens the window: the width is the layout's to give, the text wraps.
    m_title->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    layout->setStretchFactor(m_title, 1);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_status = new QComboBox(m_live);
    m_status->setObjectName(QStringLiteral("headerStatus"));
    m_status->setAccessibleName(tr("Status"));
    for (const QString &id : incidents::statusChoices())
        m_status->addItem(incidents::statusLabel(*incidents::parseStatus(id)), id);
    clocks->addWidget(m_status);
    m_severity = new QComboBox(m_live);
    m_severity->setObjectName(QStringLiteral("headerSeverity"));
    m_severity->setAccessibleName(tr("Severity"));
    for (const incidents::SeverityLevel &level : incident->severities().levels)
        m_severity->addItem(level.id, level.id);
    clocks->addWidget(m_severity);
    m_elapsed = addLabel("headerElapsed", clocks);
    m_nextUpdate = addLabel("headerNextUpdate", clocks);
    m_nextUpdate->setContextMenuPolicy(Qt::CustomContextMenu);
    m_nextUpdate->setToolTip(tr("Right-click (or Incident ▸ Next update) to snooze or stop the "
                                "reminder, with a reason for the timeline"));
    m_updateClock = makeUpdateClockMenu();
    connect(m_nextUpdate, &QLabel::customContextMenuRequested, this,
            [this](const QPoint &position) {
                m_updateClock->popup(m_nextUpdate->mapToGlobal(position));
            });
    m_commander = addLabel("headerCommander", layout);
    m_nearestDue = addLabel<ElidedLabel>("headerNearestDue", clocks);
    clocks->setStretchFactor(m_nearestDue, 1);
    auto *milestones = new QToolButton(m_live);
    milestones->setObjectName(QStringLiteral("headerMilestones"));
    milestones->setText(tr("Milestones…"));
    milestones->setToolTip(tr("Started, detected, acknowledged, mitigated, resolved; MTTA/MTTR"));
    layout->addWidget(milestones);
    m_topRow = layout;
    connect(milestones, &QToolButton::clicked, this, [this] {
        auto *dialog = new MilestonesDialog(*m_incident, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });

    connect(m_status, &QComboBox::activated, this, [this] {
        if (!m_rebuilding &&
            !m_incident->setStatus(*incidents::parseStatus(m_status->currentData().toString())))
            rebuild();
    });
    connect(m_severity, &QComboBox::activated, this, [this] {
        if (!m_rebuilding && !m_incident->setSeverity(m_severity->currentData().toString()))
            rebuild();
    });
    connect(incident, &ActiveIncident::changed, this, &IncidentHeader::rebuild);
    rebuild();
}

void IncidentHeader::rebuild()
{
    const bool live = m_incident && m_incident->hasIncident();
    m_stack->setCurrentIndex(live ? 1 : 0);
    // The strip is as tall as the page it shows, not as the tallest page.
    for (int page = 0; page < m_stack->count(); ++page) {
        const auto policy =
            page == m_stack->currentIndex() ? QSizePolicy::Preferred : QSizePolicy::Ignored;
        m_stack->widget(page)->setSizePolicy(policy, policy);
    }
    if (!live)
        return;
    m_rebuilding = true;
    const incidents::Incident &incident = m_incident->incident();
    m_badge->setText(incident.drill ? tr("%1 DRILL").arg(incident.severity) : incident.severity);
    // Most severe first in the scheme: red, orange, amber, then blue for the rest.
    static const QStringList badgeColours{QStringLiteral("#c62828"), QStringLiteral("#e65100"),
                                          QStringLiteral("#f9a825"), QStringLiteral("#1565c0")};
    const QStringList levels = m_incident->severities().ids();
    const auto rank = std::max<qsizetype>(0, levels.indexOf(incident.severity));
    m_badge->setStyleSheet(
        QStringLiteral("QLabel { background: %1; color: white; font-weight: bold; padding: 2px "
                       "8px; border-radius: 3px; }")
            .arg(badgeColours.at(std::min(rank, badgeColours.size() - 1))));
    m_title->setText(incident.title);
    m_title->setToolTip(incident.title);
    m_status->setCurrentIndex(m_status->findData(incidents::statusId(incident.status)));
    m_status->setToolTip(incidents::statusSentence(incident.status));
    m_severity->setCurrentIndex(m_severity->findData(incident.severity));
    m_commander->setText(tr("Commander: %1").arg(incident.commander));
    m_commander->setToolTip(incidents::rolesSummary(incident));
    m_rebuilding = false;
    updateClocks();
}

QMenu *IncidentHeader::makeUpdateClockMenu()
{
    // A menu rather than a button: the clocks row is already as wide as a laptop allows.
    auto *menu = new QMenu(tr("&Next update"), this);
    menu->setObjectName(QStringLiteral("headerUpdateClockMenu"));
    const auto pause = [this](int minutes, const QString &question) {
        if (!m_incident || !m_incident->hasIncident())
            return;
        bool ok = false;
        const QString reason =
            QInputDialog::getText(this, tr("Next update"), question, QLineEdit::Normal, {}, &ok);
        if (ok && !reason.trimmed().isEmpty())
            m_incident->pauseUpdates(minutes, reason.trimmed());
    };
    for (const int minutes : {10, 30, 60})
        menu->addAction(tr("Snooze %1 minutes…").arg(minutes), this, [pause, minutes, this] {
            pause(minutes, tr("Why is the next update %1 minutes later?").arg(minutes));
        });
    menu->addAction(tr("No further updates needed…"), this, [pause, this] {
        pause(0, tr("Why are no further updates needed? (Sending one starts the clock again.)"));
    });
    return menu;
}

void IncidentHeader::updateClocks()
{
    if (!m_incident || !m_incident->hasIncident())
        return;
    const incidents::Incident &incident = m_incident->incident();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime end =
        incident.isOpen() ? now : incident.milestone(incidents::Milestone::Resolved);
    m_elapsed->setText(
        tr("Elapsed %1").arg(clock(incident.milestone(incidents::Milestone::Started).secsTo(end))));
    const QDateTime next = m_incident->nextUpdateDue();
    m_nextUpdate->setText(next.isValid()
                              ? (next < now ? tr("⚠ Update overdue %1").arg(clock(now.secsTo(next)))
                                            : tr("Next update in %1").arg(clock(now.secsTo(next))))
                              : tr("No update due"));
    const incidents::ChecklistItem *nearest = nullptr;
    for (const incidents::ChecklistItem &item : m_incident->items()) {
        if (!item.isChecked() && item.dueAt.isValid() && (!nearest || item.dueAt < nearest->dueAt))
            nearest = &item;
    }
    // The countdown leads and is never cut; the item's text after it may be.
    const QString lead = nearest
                             ? (nearest->isOverdue(now) ? tr("⚠ OVERDUE %1") : tr("Next due in %1"))
                                   .arg(clock(now.secsTo(nearest->dueAt)))
                             : QString();
    m_nearestDue->setLead(lead);
    m_nearestDue->setText(nearest ? tr("%1 · %2").arg(lead, nearest->text) : QString());
    m_nearestDue->setToolTip(m_nearestDue->text());
    m_nearestDue->setStyleSheet(
        nearest && nearest->isOverdue(now)
            ? QStringLiteral("QLabel { color: #c62828; font-weight: bold; }")
            : QString());
}

} // namespace ic::ui
