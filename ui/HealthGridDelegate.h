#pragma once

#include <QStyledItemDelegate>

namespace ic::ui {

// One check as a dense cell of the board's grid: a state badge ("CRIT") in the state's colour,
// then the name. A cell whose check is not OK is tinted in its colour, so the problems stand
// out of 200 checks at a glance; the rest of what a tile says is in the tooltip.
class HealthGridDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // Every cell is as wide as the longest of these names needs (within bounds), so names are
    // whole and the columns line up; the view lays its cells out uniformly.
    void fitNames(const QStringList &names, const QFont &font);

private:
    int m_nameWidth = 0;
};

} // namespace ic::ui
