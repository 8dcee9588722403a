#include "HealthRunbookOffers.h"

#include "health/HealthMonitor.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>
#include <algorithm>

namespace ic::ui {

HealthRunbookOffers::HealthRunbookOffers(health::HealthMonitor *monitor, IncidentOpen incidentOpen,
                                         RunbookTitle runbookTitle, QWidget *parent)
    : QFrame(parent), m_monitor(monitor), m_incidentOpen(std::move(incidentOpen)),
      m_runbookTitle(std::move(runbookTitle)), m_lines(new QVBoxLayout), m_more(new QLabel(this))
{
    setObjectName(QStringLiteral("healthRunbookOffers"));
    setAccessibleName(tr("Runbooks for critical checks"));
    setFrameShape(QFrame::StyledPanel);
    setStyleSheet(QStringLiteral("#healthRunbookOffers{background:#fdecea;border:1px solid "
                                 "#c62828;border-radius:3px}"
                                 "#healthRunbookOffers QLabel{color:#5f1111}"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->setSpacing(2);
    m_lines->setSpacing(2);
    layout->addLayout(m_lines);
    m_more->setObjectName(QStringLiteral("healthRunbookOffersMore"));
    layout->addWidget(m_more);
    connect(m_monitor, &health::HealthMonitor::statusChanged, this,
            &HealthRunbookOffers::reconsider);
    connect(m_monitor, &health::HealthMonitor::checksChanged, this,
            &HealthRunbookOffers::reconsiderAll);
    updateVisibility();
}

QStringList HealthRunbookOffers::offeredChecks() const
{
    QStringList checks;
    for (const Offer &offer : m_offers)
        checks.append(offer.check);
    return checks;
}

void HealthRunbookOffers::reconsider(const QString &checkName)
{
    const health::CheckStatus status = m_monitor->status(checkName);
    // A check gone from the config has a default status: no result.
    const bool crit = status.hasResult && status.state == health::State::Crit;
    if (!crit)
        m_dismissed.remove(checkName); // the next CRIT is news again
    const bool wanted = crit && m_incidentOpen() && !status.check.runbook.isEmpty() &&
                        !status.check.isSilenced(QDateTime::currentDateTimeUtc()) &&
                        !m_dismissed.contains(checkName);
    const auto it = std::find_if(m_offers.cbegin(), m_offers.cend(),
                                 [&](const Offer &offer) { return offer.check == checkName; });
    const bool current = it != m_offers.cend() && it->runbook == status.check.runbook;
    if (it != m_offers.cend() && (!wanted || !current))
        remove(checkName);
    if (wanted && !current)
        add(checkName, status.check.runbook);
}

void HealthRunbookOffers::reconsiderAll()
{
    for (const QString &check : offeredChecks())
        reconsider(check); // also those gone from the config
    for (const QString &name : m_monitor->checkNames())
        reconsider(name);
}

void HealthRunbookOffers::add(const QString &checkName, const QString &runbookId)
{
    QString title = m_runbookTitle(runbookId);
    if (title.isEmpty())
        title = runbookId;
    auto *line = new QWidget(this);
    line->setObjectName(QStringLiteral("healthRunbookOffer"));
    line->setProperty("healthCheck", checkName);
    auto *row = new QHBoxLayout(line);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(8);
    auto *text = new QLabel(tr("✖ CRIT: %1 — open runbook “%2”").arg(checkName, title), line);
    text->setObjectName(QStringLiteral("healthRunbookOfferText"));
    text->setToolTip(tr("Last result: %1").arg(m_monitor->status(checkName).last.message));
    // Long runbook titles wrap rather than being cut in a narrow cockpit.
    text->setWordWrap(true);
    QFont bold = text->font();
    bold.setBold(true);
    text->setFont(bold);
    row->addWidget(text, 1);
    auto *open = new QPushButton(tr("Open runbook"), line);
    open->setObjectName(QStringLiteral("healthRunbookOfferOpen"));
    open->setAccessibleName(tr("Open runbook %1 for %2").arg(title, checkName));
    open->setAutoDefault(false);
    row->addWidget(open);
    auto *dismiss = new QToolButton(line);
    dismiss->setObjectName(QStringLiteral("healthRunbookOfferDismiss"));
    dismiss->setText(tr("Dismiss"));
    dismiss->setToolTip(tr("Hide this until %1 goes CRIT again").arg(checkName));
    dismiss->setAutoRaise(true);
    row->addWidget(dismiss);
    connect(open, &QPushButton::clicked, this,
            [this, runbookId] { Q_EMIT runbookRequested(runbookId); });
    connect(dismiss, &QToolButton::clicked, this, [this, checkName] {
        m_dismissed.insert(checkName);
        remove(checkName);
    });
    m_lines->insertWidget(0, line);
    m_offers.prepend({checkName, runbookId, line});
    updateVisibility();
}

void HealthRunbookOffers::remove(const QString &checkName)
{
    for (qsizetype i = 0; i < m_offers.size(); ++i) {
        if (m_offers.at(i).check == checkName) {
            // Later: this may run inside the line's own button's click.
            m_offers.at(i).line->hide();
            m_offers.at(i).line->deleteLater();
            m_offers.removeAt(i);
            break;
        }
    }
    updateVisibility();
}

void HealthRunbookOffers::updateVisibility()
{
    for (qsizetype i = 0; i < m_offers.size(); ++i)
        m_offers.at(i).line->setVisible(i < maxLines);
    const qsizetype hidden = m_offers.size() - maxLines;
    m_more->setVisible(hidden > 0);
    if (hidden > 0)
        m_more->setText(
            tr("… and %1 more critical checks with a runbook (see Health)").arg(hidden));
    setVisible(!m_offers.isEmpty());
}

} // namespace ic::ui
