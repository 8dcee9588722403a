#pragma once

#include <QSet>
#include <QWidget>

class QLabel;
class QMenu;
class QTreeWidget;
class QTreeWidgetItem;

namespace ic::ui {

class ActiveIncident;
class EmptyState;

// The commander's checklist grouped by phase: checkbox, due time and countdown per item.
// Space or a click asks for the tick; the box shows ticked only once the commit returned.
// Overdue items are red and say OVERDUE, so colour is not the only signal.
class ChecklistPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ChecklistPanel(ActiveIncident &incident, QWidget *parent = nullptr);

    // Room for the item text next to due time and countdown, so the dock is not starved.
    QSize sizeHint() const override { return {440, 520}; }

public Q_SLOTS:
    // Recomputes countdowns and overdue markers from the stored due times.
    void updateClocks();

Q_SIGNALS:
    // Once per item and session, when its deadline passes unticked.
    void itemOverdue(const QString &text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void rebuild();
    void requestToggle(const QString &itemId);
    // Note, time-boxed assignment and ad-hoc items, from the row's context menu.
    void showRowMenu(const QPoint &position);
    // For an unticked escalation item: tick it with someone other than the role's holder.
    void addCalledSomeoneElse(QMenu &menu, const QString &itemId);

    ActiveIncident &m_incident;
    QLabel *m_summary;
    QTreeWidget *m_tree;
    EmptyState *m_empty;
    bool m_rebuilding = false;
    QSet<QString> m_announcedOverdue;
};

} // namespace ic::ui
