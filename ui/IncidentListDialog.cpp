#include "IncidentListDialog.h"

#include "ActiveIncident.h"
#include "core/Duration.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ic::ui {
namespace {

QString duration(const std::optional<qint64> &seconds)
{
    return seconds ? formatDuration(std::chrono::seconds(*seconds)) : QStringLiteral("–");
}

} // namespace

IncidentListDialog::IncidentListDialog(ActiveIncident &incident, QWidget *parent)
    : QDialog(parent), m_incident(incident), m_search(new QLineEdit(this)),
      m_list(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("incidentListDialog"));
    setWindowTitle(tr("Incidents"));
    m_search->setObjectName(QStringLiteral("incidentSearch"));
    m_search->setPlaceholderText(tr("Search title, service or date (YYYY-MM-DD)"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search incidents"));
    m_list->setObjectName(QStringLiteral("incidentList"));
    m_list->setRootIsDecorated(false);
    m_list->setAccessibleName(tr("Incidents"));
    m_list->setHeaderLabels({tr("Started"), tr("Severity"), tr("Status"), tr("Title"),
                             tr("Services"), tr("MTTA"), tr("MTTR")});
    m_list->header()->setSectionResizeMode(3, QHeaderView::Stretch);
    auto *definitions = new QLabel(
        tr("MTTA = acknowledged − started; MTTR = resolved − started. Drills are marked and "
           "left out of averages."),
        this);
    definitions->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Open | QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &IncidentListDialog::openSelected);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_search, &QLineEdit::textChanged, this, &IncidentListDialog::search);
    connect(m_search, &QLineEdit::returnPressed, this, &IncidentListDialog::openSelected);
    connect(m_list, &QTreeWidget::itemActivated, this, &IncidentListDialog::openSelected);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_search);
    layout->addWidget(m_list, 1);
    layout->addWidget(definitions);
    layout->addWidget(buttons);
    resize(900, 480);
    search();
}

void IncidentListDialog::search()
{
    m_list->clear();
    // The incidents table holds one row per incident ever declared: small enough to search
    // on the UI thread.
    for (const incidents::Incident &incident :
         m_incident.service().store().list(m_search->text())) {
        auto *row = new QTreeWidgetItem(
            m_list, {incident.milestone(incidents::Milestone::Started)
                         .toLocalTime()
                         .toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                     incident.drill ? tr("%1 (drill)").arg(incident.severity) : incident.severity,
                     incidents::statusLabel(incident.status), incident.title,
                     incident.services.join(QStringLiteral(", ")), duration(incident.mttaSeconds()),
                     duration(incident.mttrSeconds())});
        row->setData(0, Qt::UserRole, incident.id);
    }
    m_list->setCurrentItem(m_list->topLevelItem(0));
}

void IncidentListDialog::openSelected()
{
    if (QTreeWidgetItem *row = m_list->currentItem()) {
        m_incident.setActive(row->data(0, Qt::UserRole).toString());
        accept();
    }
}

} // namespace ic::ui
