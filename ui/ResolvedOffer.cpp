#include "ResolvedOffer.h"

#include "ActiveIncident.h"
#include "DraftsPanel.h"
#include "IncidentHeader.h"
#include "MainWindow.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace ic::ui {

ResolvedOffer::ResolvedOffer(QWidget *parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("resolvedOffer"));
    setAccessibleName(tr("Incident resolved: next steps"));
    auto *label = new QLabel(tr("<b>Resolved.</b> Tell everyone it is over, then write the "
                                "postmortem while memory is fresh."),
                             this);
    label->setWordWrap(true);
    auto *resolution = new QPushButton(tr("Resolution message"), this);
    resolution->setObjectName(QStringLiteral("resolvedOfferResolution"));
    auto *postmortem = new QPushButton(tr("Write postmortem"), this);
    postmortem->setObjectName(QStringLiteral("resolvedOfferPostmortem"));
    auto *later = new QPushButton(tr("Later"), this);
    later->setObjectName(QStringLiteral("resolvedOfferLater"));
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(label, 1);
    row->addWidget(resolution);
    row->addWidget(postmortem);
    row->addWidget(later);
    connect(resolution, &QPushButton::clicked, this,
            [this] { Q_EMIT draftWanted(QStringLiteral("resolution")); });
    connect(postmortem, &QPushButton::clicked, this,
            [this] { Q_EMIT draftWanted(QStringLiteral("postmortem")); });
    connect(later, &QPushButton::clicked, this, &QWidget::hide);
}

void installResolvedOffer(MainWindow &window, ActiveIncident *incident, DraftsPanel *drafts)
{
    auto *offer = new ResolvedOffer(window.header());
    offer->hide();
    window.header()->addRow(offer);
    QObject::connect(incident, &ActiveIncident::resolved, offer, &QWidget::show);
    QObject::connect(incident, &ActiveIncident::reopened, offer, &QWidget::hide);
    QObject::connect(offer, &ResolvedOffer::draftWanted, drafts,
                     [&window, drafts](const QString &templateId) {
                         window.showArea(MainWindow::Area::Drafts);
                         drafts->openTemplate(templateId);
                     });
}

} // namespace ic::ui
