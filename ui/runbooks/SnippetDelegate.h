#pragma once

#include <QStyledItemDelegate>

namespace ic::ui {

// Paints a search snippet with its matched words in bold (the model's SnippetHtmlRole);
// cells without a snippet are painted as usual.
class SnippetDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
};

} // namespace ic::ui
