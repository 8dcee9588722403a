#include "ElidedLabel.h"

#include <QPainter>
#include <QStyle>

namespace ic::ui {

ElidedLabel::ElidedLabel(QWidget *parent) : QLabel(parent)
{
    // Preferred, not Ignored: Ignored would drop minimumSizeHint() and so the lead too.
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
}

void ElidedLabel::setLead(const QString &lead)
{
    if (lead == m_lead)
        return;
    m_lead = lead;
    updateGeometry();
}

QSize ElidedLabel::minimumSizeHint() const
{
    const int margins = contentsMargins().left() + contentsMargins().right();
    return {fontMetrics().horizontalAdvance(m_lead + QStringLiteral("M…")) + margins,
            QLabel::minimumSizeHint().height()};
}

void ElidedLabel::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QRect area = contentsRect();
    const QString shown = fontMetrics().elidedText(text(), Qt::ElideRight, area.width());
    style()->drawItemText(&painter, area, int(alignment()), palette(), isEnabled(), shown,
                          foregroundRole());
}

} // namespace ic::ui
