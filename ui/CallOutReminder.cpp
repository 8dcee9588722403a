#include "CallOutReminder.h"

#include "ActiveIncident.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace ic::ui {

CallOutReminder::CallOutReminder(ActiveIncident &incident, QWidget *parent)
    : QFrame(parent), m_incident(incident), m_text(new QLabel(this))
{
    setObjectName(QStringLiteral("callOutReminder"));
    setAccessibleName(tr("Call-out due"));
    m_text->setObjectName(QStringLiteral("callOutText"));
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::RichText);
    // The text wraps instead of widening the window, however many items are open.
    m_text->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    auto *copy = new QPushButton(tr("Copy"), this);
    copy->setObjectName(QStringLiteral("callOutCopy"));
    copy->setToolTip(tr("Copy the call-out to read it out in the channel; it goes on the "
                        "timeline and the next one is due an interval later."));
    auto *done = new QPushButton(tr("Done"), this);
    done->setObjectName(QStringLiteral("callOutDone"));
    done->setToolTip(tr("The call-out was made; it goes on the timeline."));
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_text, 1);
    row->addWidget(copy);
    row->addWidget(done);
    connect(copy, &QPushButton::clicked, this, [this] { callOut(true); });
    connect(done, &QPushButton::clicked, this, [this] { callOut(false); });
    connect(&m_incident, &ActiveIncident::changed, this, [this] {
        if (m_now.isValid())
            updateClock(m_now);
    });
    hide();
}

void CallOutReminder::updateClock(const QDateTime &now)
{
    m_now = now;
    const QDateTime due = m_incident.nextCallOutDue();
    const bool isDue = m_incident.hasIncident() && due.isValid() && due <= now;
    // One line in the header; the whole call-out (what Copy copies) in the tooltip.
    if (isDue) {
        m_text->setText(
            tr("<b>Call-out due:</b> %1").arg(m_incident.callOutSummary(now).toHtmlEscaped()));
        m_text->setToolTip(m_incident.callOutText(now));
    }
    setVisible(isDue);
}

void CallOutReminder::callOut(bool copy)
{
    const QString text =
        m_incident.callOutText(m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc());
    if (copy)
        QGuiApplication::clipboard()->setText(text);
    m_incident.recordCallOut(text);
}

} // namespace ic::ui
