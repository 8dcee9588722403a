#include "EmptyState.h"

#include <QLabel>
#include <QVBoxLayout>

namespace ic::ui {

EmptyState::EmptyState(const QString &heading, const QString &explanation, QWidget *parent)
    : QWidget(parent), m_heading(new QLabel(heading, this))
{
    m_heading->setObjectName(QStringLiteral("emptyStateHeading"));
    m_heading->setAlignment(Qt::AlignCenter);
    m_heading->setWordWrap(true);
    auto *body = new QLabel(explanation, this);
    body->setObjectName(QStringLiteral("emptyStateBody"));
    body->setAlignment(Qt::AlignCenter);
    body->setWordWrap(true);
    body->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addWidget(m_heading);
    layout->addWidget(body);
    layout->addStretch(2);
    layout->setContentsMargins(24, 16, 24, 16);
    setAccessibleName(heading);
}

QString EmptyState::heading() const
{
    return m_heading->text();
}

} // namespace ic::ui
