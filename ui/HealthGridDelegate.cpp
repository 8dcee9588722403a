#include "HealthGridDelegate.h"

#include "HealthGridModel.h"
#include "health/HealthTypes.h"

#include <QApplication>
#include <QPainter>

namespace ic::ui {

namespace {

constexpr int padding = 4;
// A name's room in average characters: at least this, so a short list does not look cramped,
// and at most that, so one long name does not make every cell wide.
constexpr int minNameCharacters = 16;
constexpr int maxNameCharacters = 44;

// The widest badge text, so every name starts at the same x.
int badgeWidth(const QFontMetrics &metrics)
{
    return metrics.horizontalAdvance(QStringLiteral("UNKNOWN")) + 2 * padding;
}

} // namespace

void HealthGridDelegate::fitNames(const QStringList &names, const QFont &font)
{
    QFont bold = font;
    bold.setBold(true);
    const QFontMetrics metrics(bold);
    int widest = 0;
    for (const QString &name : names)
        widest = std::max(widest, metrics.horizontalAdvance(name));
    m_nameWidth = std::clamp(widest, metrics.averageCharWidth() * minNameCharacters,
                             metrics.averageCharWidth() * maxNameCharacters);
}

QSize HealthGridDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    QFont bold = option.font;
    bold.setBold(true);
    const QFontMetrics metrics(bold);
    const int nameWidth =
        m_nameWidth > 0 ? m_nameWidth : metrics.averageCharWidth() * minNameCharacters;
    return {badgeWidth(metrics) + nameWidth + 4 * padding + 4, metrics.height() + 2 * padding};
}

void HealthGridDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                               const QModelIndex &index) const
{
    painter->save();
    const QRect cell = option.rect.adjusted(1, 1, -1, -1);
    const QColor colour = index.data(HealthGridModel::StateColourRole).value<QColor>();
    const int position = index.data(HealthGridModel::BoardPositionRole).toInt();
    const bool ok = position == health::boardPosition(health::State::Ok);
    const bool pending = position == HealthGridModel::pendingPosition;
    const QPalette &palette = option.palette;

    QColor background = palette.color(QPalette::Base);
    if (!ok && !pending) {
        background = colour;
        background.setAlphaF(0.18f);
    }
    painter->fillRect(cell, background);
    if (option.state & QStyle::State_Selected) {
        painter->setPen(QPen(palette.color(QPalette::Highlight), 2));
        painter->drawRect(cell.adjusted(1, 1, -1, -1));
    }

    QFont bold = option.font;
    bold.setBold(true);
    const QFontMetrics boldMetrics(bold);
    const QRect badge(cell.left() + padding, cell.top() + 2, badgeWidth(boldMetrics),
                      cell.height() - 4);
    painter->setFont(bold);
    if (pending) {
        painter->setPen(palette.color(QPalette::PlaceholderText));
        painter->drawText(badge, Qt::AlignCenter, QStringLiteral("…"));
    } else {
        painter->fillRect(badge, colour);
        // Dark text on the yellow of WARN, white on the others.
        const bool darkText = colour.lightnessF() > 0.55;
        painter->setPen(darkText ? QColor(Qt::black) : QColor(Qt::white));
        painter->drawText(badge, Qt::AlignCenter,
                          index.data(HealthGridModel::StateTextRole).toString());
    }

    painter->setFont(ok ? option.font : bold);
    painter->setPen(palette.color(QPalette::Text));
    const QRect text(badge.right() + padding + 2, cell.top(),
                     cell.right() - badge.right() - 2 * padding - 2, cell.height());
    const QString name = index.data(HealthGridModel::NameRole).toString();
    painter->drawText(text, Qt::AlignVCenter | Qt::AlignLeft,
                      painter->fontMetrics().elidedText(name, Qt::ElideMiddle, text.width()));
    painter->restore();
}

} // namespace ic::ui
