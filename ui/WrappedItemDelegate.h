#pragma once

#include <QStyledItemDelegate>

class QTreeView;

namespace ic::ui {

// Lets a tree's text wrap instead of being cut off with "…": each row is as tall as its text
// needs at the column's current width, and the rows are laid out again when a column is
// resized. For the view's wrapping columns; the view needs setWordWrap(true) and
// setUniformRowHeights(false).
class WrappedItemDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit WrappedItemDelegate(QTreeView *view);

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    // The width the text of index gets: its column less the indentation and the check box.
    int textWidth(const QStyleOptionViewItem &option, const QModelIndex &index) const;

    QTreeView *m_view;
    bool m_layoutPending = false;
};

} // namespace ic::ui
