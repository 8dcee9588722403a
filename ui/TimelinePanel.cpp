#include "TimelinePanel.h"

#include "ActiveIncident.h"
#include "EmptyState.h"
#include "NoteTimeDialog.h"
#include "core/Ids.h"
#include "incidents/Incident.h"

#include <QHBoxLayout>
#include <QInputDialog>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QScrollBar>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace ic::ui {
namespace {

// What a note moved in time says besides its text: the time it had and why.
QString correctionText(const incidents::TimelineEvent &event, bool withDate)
{
    if (event.kind != incidents::EventKind::NoteRetimed)
        return {};
    const QDateTime previous =
        fromStoredTime(event.data.value(QStringLiteral("previous_at")).toString());
    const QString was = previous.toLocalTime().toString(
        withDate ? QStringLiteral("yyyy-MM-dd HH:mm:ss") : QStringLiteral("HH:mm:ss"));
    const QString reason = event.data.value(QStringLiteral("reason")).toString();
    return reason.isEmpty() ? TimelinePanel::tr("  (time corrected from %1)").arg(was)
                            : TimelinePanel::tr("  (time corrected from %1: %2)").arg(was, reason);
}

} // namespace

TimelinePanel::TimelinePanel(ActiveIncident &incident, QWidget *parent)
    : QWidget(parent), m_incident(incident), m_pages(new QStackedWidget(this)),
      m_list(new QListWidget(m_pages)), m_loadOlder(new QPushButton(tr("Show older events"), this)),
      m_note(new QLineEdit(this)), m_add(new QPushButton(tr("Add note"), this))
{
    setObjectName(QStringLiteral("timelinePanel"));
    m_list->setObjectName(QStringLiteral("timelineList"));
    m_list->setAccessibleName(tr("Timeline"));
    m_list->setWordWrap(true);
    m_note->setObjectName(QStringLiteral("timelineNoteInput"));
    m_note->setPlaceholderText(tr("Note for the timeline (start with TODO: for a follow-up)"));
    m_note->setAccessibleName(tr("Note for the timeline"));
    m_add->setObjectName(QStringLiteral("timelineAddNote"));
    m_loadOlder->setObjectName(QStringLiteral("timelineLoadOlder"));
    m_loadOlder->setFlat(true);

    m_pages->addWidget(new EmptyState(
        tr("No timeline yet"),
        tr("Every tick, note, status change, announcement and health change of an incident "
           "lands here with its time, and becomes the postmortem's timeline."),
        m_pages));
    m_pages->addWidget(m_list);

    auto *entry = new QHBoxLayout;
    entry->addWidget(m_note, 1);
    entry->addWidget(m_add);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_loadOlder);
    layout->addWidget(m_pages, 1);
    layout->addLayout(entry);

    connect(m_note, &QLineEdit::returnPressed, this, &TimelinePanel::addNote);
    connect(m_add, &QPushButton::clicked, this, &TimelinePanel::addNote);
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_list, &QListWidget::customContextMenuRequested, this, &TimelinePanel::showRowMenu);
    connect(&m_incident, &ActiveIncident::changed, this, &TimelinePanel::rebuild);
    connect(&m_incident, &ActiveIncident::olderEventsLoaded, this, &TimelinePanel::showOlderEvents);
    connect(m_loadOlder, &QPushButton::clicked, &m_incident, &ActiveIncident::loadOlderEvents);
    connect(m_list->verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        const QScrollBar *bar = m_list->verticalScrollBar();
        if (value == bar->minimum() && bar->maximum() > bar->minimum())
            m_incident.loadOlderEvents();
    });
    rebuild();
}

void TimelinePanel::showRowMenu(const QPoint &position)
{
    QListWidgetItem *row = m_list->itemAt(position);
    if (!row)
        return;
    const QString eventId = row->data(Qt::UserRole).toString();
    const auto &events = m_incident.events();
    const auto found =
        std::find_if(events.begin(), events.end(),
                     [&](const incidents::TimelineEvent &e) { return e.id == eventId; });
    if (found == events.end() || found->superseded)
        return;
    const incidents::TimelineEvent event = *found;
    QMenu menu(this);
    if (incidents::isCurrentNote(event)) {
        menu.addAction(tr("Edit note…"), this, [this, event] {
            bool ok = false;
            const QString edited = QInputDialog::getText(this, tr("Edit note"), tr("Note:"),
                                                         QLineEdit::Normal, event.text, &ok);
            if (ok)
                m_incident.editNote(event.id, edited);
        });
        menu.addAction(tr("Correct the time…"), this, [this, event] {
            NoteTimeDialog dialog(m_incident, event.id, event.at, this);
            dialog.exec();
        });
        menu.addAction(tr("Delete note"), this, [this, event] { m_incident.deleteNote(event.id); });
        menu.addSeparator();
    }
    // "The first errors are in this entry": a milestone takes the entry's time.
    QMenu *milestones = menu.addMenu(
        tr("Set milestone at %1").arg(event.at.toLocalTime().toString(QStringLiteral("HH:mm:ss"))));
    milestones->setObjectName(QStringLiteral("timelineMilestoneMenu"));
    for (int i = 0; i < incidents::milestoneCount; ++i) {
        const auto milestone = incidents::Milestone(i);
        QAction *action = milestones->addAction(
            incidents::milestoneId(milestone), this,
            [this, milestone, at = event.at] { m_incident.setMilestone(milestone, at); });
        action->setObjectName(QStringLiteral("timelineMilestone_") +
                              incidents::milestoneId(milestone));
    }
    menu.exec(m_list->viewport()->mapToGlobal(position));
}

void TimelinePanel::addNote()
{
    // The text stays in the box until the note is stored, so nothing typed is lost.
    if (m_incident.addNote(m_note->text()))
        m_note->clear();
}

void TimelinePanel::rebuild()
{
    fill();
    m_list->scrollToBottom();
}

void TimelinePanel::showOlderEvents()
{
    const QString firstShown =
        m_list->count() > 0 ? m_list->item(0)->data(Qt::UserRole).toString() : QString();
    fill();
    for (int row = 0; row < m_list->count(); ++row) {
        if (m_list->item(row)->data(Qt::UserRole).toString() == firstShown) {
            m_list->scrollToItem(m_list->item(row), QAbstractItemView::PositionAtTop);
            break;
        }
    }
}

void TimelinePanel::fill()
{
    // Filling moves the scroll bar; that is not the user asking for older events.
    const QSignalBlocker quiet(m_list->verticalScrollBar());
    m_list->clear();
    const bool hasIncident = m_incident.hasIncident();
    m_note->setEnabled(hasIncident);
    m_add->setEnabled(hasIncident);
    m_pages->setCurrentIndex(hasIncident ? 1 : 0);
    m_loadOlder->setVisible(hasIncident && m_incident.hasOlderEvents());
    if (!hasIncident)
        return;
    const auto &events = m_incident.events();
    // Dates only matter once an incident runs past midnight; the first event shown is not
    // the first one while older ones are not loaded.
    const QDateTime first = m_incident.hasOlderEvents()
                                ? m_incident.incident().milestone(incidents::Milestone::Started)
                                : (events.empty() ? QDateTime() : events.front().at);
    const bool spansDays =
        first.isValid() && first.toLocalTime().date() != QDateTime::currentDateTime().date();
    for (const incidents::TimelineEvent &event : events) {
        const QString time = event.at.toLocalTime().toString(
            spansDays ? QStringLiteral("yyyy-MM-dd HH:mm:ss") : QStringLiteral("HH:mm:ss"));
        // In a team: on which console the change was made.
        const QString console = event.data.value(QStringLiteral("console")).toString();
        const QString who =
            console.isEmpty() ? event.actor : tr("%1 on %2").arg(event.actor, console);
        auto *row =
            new QListWidgetItem(tr("%1  %2  %3: %4").arg(time, event.kind, who, event.text) +
                                    correctionText(event, spansDays),
                                m_list);
        row->setData(Qt::UserRole, event.id);
        if (event.superseded) {
            QFont font = row->font();
            font.setStrikeOut(true);
            row->setFont(font);
            row->setToolTip(tr("Replaced by a later edit or deletion"));
        }
    }
}

} // namespace ic::ui
