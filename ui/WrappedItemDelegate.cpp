#include "WrappedItemDelegate.h"

#include <QApplication>
#include <QHeaderView>
#include <QTreeView>
#include <algorithm>

namespace ic::ui {
namespace {

// Below this the text is read a word a line; the row stays readable and scrolls instead.
constexpr int narrowestText = 80;
constexpr int rowSpacing = 6;

} // namespace

WrappedItemDelegate::WrappedItemDelegate(QTreeView *view) : QStyledItemDelegate(view), m_view(view)
{
    // Qt keeps row heights until the items are laid out again; once per burst of resizes
    // (a dock being dragged) is enough.
    connect(view->header(), &QHeaderView::sectionResized, this, [this] {
        if (m_layoutPending)
            return;
        m_layoutPending = true;
        QMetaObject::invokeMethod(
            this,
            [this] {
                m_layoutPending = false;
                m_view->doItemsLayout();
            },
            Qt::QueuedConnection);
    });
}

int WrappedItemDelegate::textWidth(const QStyleOptionViewItem &option,
                                   const QModelIndex &index) const
{
    int width = m_view->columnWidth(index.column());
    if (index.column() == m_view->header()->logicalIndex(0)) {
        int depth = m_view->rootIsDecorated() ? 1 : 0;
        for (QModelIndex parent = index.parent(); parent.isValid(); parent = parent.parent())
            ++depth;
        width -= depth * m_view->indentation();
    }
    const QStyle *style = option.widget ? option.widget->style() : QApplication::style();
    // The check box with the margins the style puts around it; the style itself takes the
    // text's own margins off the width it is given.
    if (index.flags() & Qt::ItemIsUserCheckable)
        width -= style->pixelMetric(QStyle::PM_IndicatorWidth, &option, option.widget) +
                 2 * (style->pixelMetric(QStyle::PM_FocusFrameHMargin, &option, option.widget) + 1);
    return std::max(width, narrowestText);
}

QSize WrappedItemDelegate::sizeHint(const QStyleOptionViewItem &option,
                                    const QModelIndex &index) const
{
    QStyleOptionViewItem wrapped = option;
    initStyleOption(&wrapped, index);
    wrapped.features |= QStyleOptionViewItem::WrapText;
    // The style wraps the text at the rectangle's width when it has one.
    wrapped.rect = QRect(0, 0, textWidth(option, index), 1);
    const QStyle *style = option.widget ? option.widget->style() : QApplication::style();
    // A little air between rows, so two-line items do not run into each other.
    return style->sizeFromContents(QStyle::CT_ItemViewItem, &wrapped, QSize(), option.widget) +
           QSize(0, rowSpacing);
}

} // namespace ic::ui
