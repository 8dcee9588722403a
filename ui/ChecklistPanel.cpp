#include "ChecklistPanel.h"

#include "ActiveIncident.h"
#include "EmptyState.h"
#include "WrappedItemDelegate.h"
#include "core/Duration.h"

#include <QHeaderView>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QRegularExpression>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <algorithm>

namespace ic::ui {
namespace {

constexpr int ItemIdRole = Qt::UserRole;
enum Column
{
    TextColumn,
    DueColumn,
    LeftColumn
};

} // namespace

ChecklistPanel::ChecklistPanel(ActiveIncident &incident, QWidget *parent)
    : QWidget(parent), m_incident(incident), m_summary(new QLabel(this)),
      m_tree(new QTreeWidget(this)),
      m_empty(new EmptyState(tr("No checklist yet"),
                             tr("Declaring an incident (Ctrl+N) opens the commander's checklist: "
                                "initial response, investigation, resolution and "
                                "post-incident, each item with its deadline."),
                             this))
{
    setObjectName(QStringLiteral("checklistPanel"));
    m_empty->setObjectName(QStringLiteral("checklistEmptyState"));
    // A dock squeezed below this hides the item text, which is the point of the panel.
    setMinimumWidth(340);
    m_summary->setObjectName(QStringLiteral("checklistSummary"));
    m_summary->setWordWrap(true);
    m_summary->setContentsMargins(6, 2, 6, 2);
    m_tree->setObjectName(QStringLiteral("checklistTree"));
    m_tree->setHeaderLabels({tr("Item"), tr("Due"), tr("Left")});
    m_tree->setAccessibleName(tr("Checklist"));
    m_tree->setRootIsDecorated(false);
    // The item text is the point of the panel: it wraps, never ends in "…".
    m_tree->setWordWrap(true);
    m_tree->setUniformRowHeights(false);
    m_tree->setItemDelegateForColumn(TextColumn, new WrappedItemDelegate(m_tree));
    m_tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(TextColumn, QHeaderView::Stretch);
    m_tree->header()->setStretchLastSection(false);
    m_tree->installEventFilter(this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_empty, 1);

    // A click on the box changes its state at once; put it back and ask the store instead.
    connect(m_tree, &QTreeWidget::itemChanged, this, [this](QTreeWidgetItem *row, int column) {
        if (m_rebuilding || column != TextColumn)
            return;
        // The box must not look ticked before the commit: undo the view's change, then ask
        // the store once this signal has returned (rebuilding deletes the row it came from).
        const QString itemId = row->data(TextColumn, ItemIdRole).toString();
        m_rebuilding = true;
        row->setCheckState(TextColumn, row->checkState(TextColumn) == Qt::Checked ? Qt::Unchecked
                                                                                  : Qt::Checked);
        m_rebuilding = false;
        QMetaObject::invokeMethod(
            this, [this, itemId] { requestToggle(itemId); }, Qt::QueuedConnection);
    });
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_tree, &QTreeWidget::customContextMenuRequested, this, &ChecklistPanel::showRowMenu);
    connect(&m_incident, &ActiveIncident::changed, this, &ChecklistPanel::rebuild);
    connect(&m_incident, &ActiveIncident::roleHoldersChanged, this, &ChecklistPanel::rebuild);
    rebuild();
}

void ChecklistPanel::showRowMenu(const QPoint &position)
{
    QTreeWidgetItem *row = m_tree->itemAt(position);
    if (!row || !m_incident.hasIncident())
        return;
    const QString itemId = row->data(TextColumn, ItemIdRole).toString();
    const QString phase = row->parent() ? row->parent()->text(TextColumn) : row->text(TextColumn);
    QMenu menu(this);
    if (!itemId.isEmpty()) {
        menu.addAction(tr("Note…"), this, [this, itemId] {
            bool ok = false;
            const QString note = QInputDialog::getText(this, tr("Note on the item"), tr("Note:"),
                                                       QLineEdit::Normal, {}, &ok);
            if (ok)
                m_incident.setItemNote(itemId, note);
        });
        addCalledSomeoneElse(menu, itemId);
        menu.addAction(tr("Assign with a time box…"), this, [this, itemId] {
            bool ok = false;
            const QString person =
                QInputDialog::getText(this, tr("Assign"), tr("Who:"), QLineEdit::Normal, {}, &ok);
            if (!ok || person.trimmed().isEmpty())
                return;
            const int minutes = QInputDialog::getInt(
                this, tr("Assign"), tr("Back to me in (minutes):"), 10, 0, 24 * 60, 1, &ok);
            if (ok)
                m_incident.assignItem(itemId, person.trimmed(), minutes);
        });
    }
    menu.addAction(tr("Add item to %1…").arg(phase), this, [this, phase] {
        bool ok = false;
        const QString text =
            QInputDialog::getText(this, tr("Add item"), tr("Item:"), QLineEdit::Normal, {}, &ok);
        if (ok)
            m_incident.addItem(phase, text);
    });
    menu.exec(m_tree->viewport()->mapToGlobal(position));
}

void ChecklistPanel::addCalledSomeoneElse(QMenu &menu, const QString &itemId)
{
    const auto item = std::find_if(m_incident.items().begin(), m_incident.items().end(),
                                   [&](const auto &candidate) { return candidate.id == itemId; });
    if (item == m_incident.items().end() || item->isChecked())
        return;
    const QString role = m_incident.calledRole(*item);
    if (role.isEmpty())
        return;
    menu.addAction(tr("Done, called someone else…"), this, [this, itemId, role] {
        bool ok = false;
        const QString person =
            QInputDialog::getText(this, tr("Called someone else"),
                                  tr("Who did you call instead of the %1 on record?").arg(role),
                                  QLineEdit::Normal, {}, &ok);
        if (ok && !person.trimmed().isEmpty())
            m_incident.tickCalling(itemId, person.trimmed());
    });
}

bool ChecklistPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_tree && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Space && m_tree->currentItem() &&
            m_tree->currentItem()->parent()) {
            requestToggle(m_tree->currentItem()->data(TextColumn, ItemIdRole).toString());
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ChecklistPanel::requestToggle(const QString &itemId)
{
    for (const incidents::ChecklistItem &item : m_incident.items()) {
        if (item.id != itemId)
            continue;
        // A failed commit leaves the stored state, which rebuild() shows again.
        if (!m_incident.setTicked(itemId, !item.isChecked()))
            rebuild();
        return;
    }
}

void ChecklistPanel::rebuild()
{
    m_rebuilding = true;
    const QString current = m_tree->currentItem()
                                ? m_tree->currentItem()->data(TextColumn, ItemIdRole).toString()
                                : QString();
    m_tree->clear();
    QTreeWidgetItem *phaseRow = nullptr;
    QTreeWidgetItem *restore = nullptr;
    for (const incidents::ChecklistItem &item : m_incident.items()) {
        if (!phaseRow || phaseRow->text(TextColumn) != item.phase) {
            phaseRow = new QTreeWidgetItem(m_tree, {item.phase});
            phaseRow->setFlags(Qt::ItemIsEnabled);
            QFont bold = phaseRow->font(TextColumn);
            bold.setBold(true);
            phaseRow->setFont(TextColumn, bold);
            phaseRow->setExpanded(true);
        }
        auto *row = new QTreeWidgetItem(phaseRow);
        // The stored number, the one the CLI and other consoles use for this item.
        QString text = tr("%1. %2").arg(item.number).arg(item.text);
        QStringList tooltip{item.text};
        // An escalation item says whom to call, as the rota has it now.
        if (const QString role = m_incident.calledRole(item); !role.isEmpty()) {
            const ActiveIncident::RoleHolder holder = m_incident.holderOf(role);
            if (!item.isChecked())
                text += holder.name.isEmpty() ? tr(" — calls %1").arg(role)
                                              : tr(" — call %1 (%2)").arg(holder.name, role);
            if (holder.name.isEmpty())
                tooltip << tr("Calls %1: nobody holds it now (see contacts.yaml)").arg(role);
            else
                tooltip << QStringList{tr("Calls %1: %2").arg(role, holder.name), holder.reach}
                               .filter(QRegularExpression(QStringLiteral("\\S")))
                               .join(QStringLiteral(" · "));
        }
        // Who ticked it and when, on the item itself.
        if (item.isChecked())
            text += QLatin1Char('\n') +
                    tr("✔ %1 by %2")
                        .arg(item.checkedAt.toLocalTime().toString(QStringLiteral("HH:mm")),
                             item.checkedBy);
        row->setText(TextColumn, text);
        row->setData(TextColumn, ItemIdRole, item.id);
        row->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        row->setCheckState(TextColumn, item.isChecked() ? Qt::Checked : Qt::Unchecked);
        if (item.isChecked())
            tooltip << tr("Done %1 by %2")
                           .arg(item.checkedAt.toLocalTime().toString(QStringLiteral("HH:mm:ss")),
                                item.checkedBy);
        if (!item.note.isEmpty())
            tooltip << tr("Note: %1").arg(item.note);
        row->setToolTip(TextColumn, tooltip.join(QLatin1Char('\n')));
        if (item.dueAt.isValid()) {
            // Deadlines on another day (report within 24 h, postmortem in 3 days) say which.
            const QDateTime due = item.dueAt.toLocalTime();
            row->setText(DueColumn, due.toString(due.date() == QDate::currentDate()
                                                     ? QStringLiteral("HH:mm")
                                                     : QStringLiteral("ddd HH:mm")));
        }
        if (item.id == current)
            restore = row;
    }
    m_tree->expandAll();
    m_tree->resizeColumnToContents(DueColumn);
    if (!restore && m_tree->topLevelItemCount() > 0)
        restore = m_tree->topLevelItem(0)->child(0);
    m_tree->setCurrentItem(restore);
    m_rebuilding = false;
    updateClocks();
}

void ChecklistPanel::updateClocks()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    int open = 0, overdue = 0;
    m_rebuilding = true;
    size_t index = 0;
    const auto &items = m_incident.items();
    for (int p = 0; p < m_tree->topLevelItemCount(); ++p) {
        QTreeWidgetItem *phase = m_tree->topLevelItem(p);
        for (int c = 0; c < phase->childCount() && index < items.size(); ++c, ++index) {
            const incidents::ChecklistItem &item = items[index];
            QTreeWidgetItem *row = phase->child(c);
            QString left;
            if (!item.isChecked()) {
                ++open;
                if (item.timeboxUntil.isValid())
                    left =
                        tr("%1 back in %2")
                            .arg(item.assignee,
                                 formatClock(std::chrono::seconds(now.secsTo(item.timeboxUntil))));
                else if (item.dueAt.isValid())
                    left = formatClock(std::chrono::seconds(now.secsTo(item.dueAt)));
            }
            const bool late = item.isOverdue(now);
            overdue += late ? 1 : 0;
            if (late && !m_announcedOverdue.contains(item.id)) {
                m_announcedOverdue.insert(item.id);
                Q_EMIT itemOverdue(item.text);
            }
            row->setText(LeftColumn, late ? tr("⚠ OVERDUE\n%1").arg(left) : left);
            const QBrush brush = late ? QBrush(QColor(0xc6, 0x28, 0x28)) : QBrush();
            for (int column : {TextColumn, DueColumn, LeftColumn})
                row->setForeground(column, brush);
            row->setData(LeftColumn, Qt::AccessibleTextRole,
                         late ? tr("Overdue") : row->text(LeftColumn));
        }
    }
    m_rebuilding = false;
    // Without an incident an empty tree with headings says nothing: the empty state does.
    const bool live = m_incident.hasIncident();
    m_summary->setVisible(live);
    m_tree->setVisible(live);
    m_empty->setVisible(!live);
    m_summary->setText(tr("%1 open, %2 overdue").arg(open).arg(overdue));
}

} // namespace ic::ui
