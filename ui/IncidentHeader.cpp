#include "IncidentHeader.h"

#include <QHBoxLayout>
#include <QLabel>

namespace ic::ui {

IncidentHeader::IncidentHeader(QWidget *parent)
    : QFrame(parent), m_state(new QLabel(tr("No incident in progress"), this)),
      m_hint(new QLabel(this))
{
    setObjectName(QStringLiteral("incidentHeader"));
    setFrameShape(QFrame::StyledPanel);
    m_state->setObjectName(QStringLiteral("incidentHeaderState"));
    m_hint->setObjectName(QStringLiteral("incidentHeaderHint"));
    m_hint->setText(tr("When an incident is declared, its severity, status, elapsed time, "
                       "next-update countdown and commander appear here."));
    m_hint->setWordWrap(true);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->setSpacing(16);
    layout->addWidget(m_state);
    layout->addWidget(m_hint, 1);
    setAccessibleName(tr("Incident header"));
}

} // namespace ic::ui
