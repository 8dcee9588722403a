#include "HealthTile.h"

#include "HealthSparkline.h"
#include "core/Duration.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace ic::ui {

HealthTile::HealthTile(const QString &name, QWidget *parent)
    : QFrame(parent), m_name(name), m_state(new QLabel(this)), m_title(new QLabel(name, this)),
      m_latency(new QLabel(this)), m_since(new QLabel(this)), m_message(new QLabel(this)),
      m_sparkline(new HealthSparkline(this)), m_runbookButton(new QToolButton(this)),
      m_probeNow(new QToolButton(this)), m_details(new QToolButton(this))
{
    setObjectName(QStringLiteral("healthTile_") + name);
    setFrameShape(QFrame::StyledPanel);
    m_state->setObjectName(QStringLiteral("healthTileState"));
    m_state->setAlignment(Qt::AlignCenter);
    m_state->setMinimumWidth(80);
    m_title->setObjectName(QStringLiteral("healthTileName"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_latency->setObjectName(QStringLiteral("healthTileLatency"));
    m_since->setObjectName(QStringLiteral("healthTileSince"));
    m_message->setObjectName(QStringLiteral("healthTileMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_sparkline->setObjectName(QStringLiteral("healthTileSparkline"));
    m_runbookButton->setObjectName(QStringLiteral("healthTileRunbook"));
    m_runbookButton->setAutoRaise(true);
    m_runbookButton->setVisible(false);
    m_probeNow->setObjectName(QStringLiteral("healthTileProbeNow"));
    m_probeNow->setText(tr("Probe now"));
    m_probeNow->setAutoRaise(true);
    connect(m_runbookButton, &QToolButton::clicked, this,
            [this] { Q_EMIT runbookRequested(m_runbook); });
    connect(m_probeNow, &QToolButton::clicked, this, [this] { Q_EMIT probeNowRequested(m_name); });
    m_details->setObjectName(QStringLiteral("healthTileDetails"));
    m_details->setText(tr("Details"));
    m_details->setAutoRaise(true);
    connect(m_details, &QToolButton::clicked, this, [this] { Q_EMIT detailsRequested(m_name); });

    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->setHorizontalSpacing(8);
    layout->setVerticalSpacing(2);
    layout->addWidget(m_state, 0, 0);
    layout->addWidget(m_title, 0, 1);
    layout->addWidget(m_latency, 0, 2, Qt::AlignRight);
    layout->addWidget(m_sparkline, 1, 0);
    layout->addWidget(m_since, 1, 1);
    layout->addWidget(m_message, 2, 0, 1, 3);
    auto *actions = new QHBoxLayout;
    actions->setSpacing(2);
    actions->addWidget(m_runbookButton);
    actions->addStretch(1);
    actions->addWidget(m_probeNow);
    actions->addWidget(m_details);
    layout->addLayout(actions, 3, 0, 1, 3);
    layout->setColumnStretch(1, 1);
}

QString HealthTile::stateText(health::State state)
{
    switch (state) {
    case health::State::Ok:
        return tr("✔ OK");
    case health::State::Warn:
        return tr("▲ WARN");
    case health::State::Crit:
        return tr("✖ CRIT");
    case health::State::Unknown:
        return tr("? UNKNOWN");
    case health::State::Stale:
        return tr("◷ STALE");
    }
    return {};
}

void HealthTile::display(const health::CheckStatus &status, const QDateTime &now)
{
    const health::State state = health::displayedState(status, now);
    QString stateLabel = status.hasResult ? stateText(state) : tr("… waiting");
    if (status.flapping)
        stateLabel += tr(" ⇅");
    m_state->setText(stateLabel);
    const QColor colour = status.hasResult ? stateColor(state) : QColor(Qt::gray);
    const bool darkText = state == health::State::Warn && status.hasResult;
    m_state->setStyleSheet(
        QStringLiteral("background:%1;color:%2;border-radius:3px;"
                       "padding:1px 6px;font-weight:bold")
            .arg(colour.name(), darkText ? QStringLiteral("black") : QStringLiteral("white")));
    QString accessible = tr("%1: %2").arg(status.check.name, health::stateName(state));
    if (status.flapping)
        accessible += tr(", flapping");
    m_state->setAccessibleName(accessible);
    m_state->setToolTip(status.flapping ? tr("Flapping: the state keeps changing") : QString());

    if (!status.hasResult) {
        m_latency->clear();
        m_since->setText(tr("first probe pending"));
        m_message->clear();
    } else {
        m_latency->setText(tr("%1 ms").arg(status.last.latencyMs));
        const qint64 ageSeconds = std::max<qint64>(0, status.since.secsTo(now));
        m_since->setText(tr("since %1 (%2)")
                             .arg(status.since.toLocalTime().toString(QStringLiteral("HH:mm:ss")),
                                  formatDuration(std::chrono::seconds(ageSeconds))));
        if (status.check.isSilenced(now))
            m_since->setText(m_since->text() +
                             tr(" · silenced until %1: %2")
                                 .arg(status.check.silencedUntil.toLocalTime().toString(
                                          QStringLiteral("yyyy-MM-dd HH:mm")),
                                      status.check.silenceReason));
        QString message = status.last.message;
        if (state == health::State::Stale)
            message =
                tr("No result since %1. Last: %2")
                    .arg(status.last.checkedAt.toLocalTime().toString(QStringLiteral("HH:mm:ss")),
                         message);
        m_message->setText(message);
    }
    m_sparkline->setResults(status.recent);
    m_runbook = status.check.runbook;
    m_runbookButton->setVisible(!m_runbook.isEmpty());
    m_runbookButton->setText(tr("Runbook: %1").arg(m_runbook));
}

} // namespace ic::ui
