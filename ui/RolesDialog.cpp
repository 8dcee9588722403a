#include "RolesDialog.h"

#include "ActiveIncident.h"
#include "DraftsPanel.h"
#include "IncidentHeader.h"
#include "MainWindow.h"
#include "incidents/Roles.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>

namespace ic::ui {
namespace {

QLabel *errorLabel(QWidget *parent, const char *name)
{
    auto *error = new QLabel(parent);
    error->setObjectName(QLatin1String(name));
    error->setWordWrap(true);
    error->setStyleSheet(QStringLiteral("QLabel { color: #c62828; }"));
    return error;
}

QLineEdit *nameEdit(const QString &text, const char *name, const QString &placeholder,
                    QWidget *parent)
{
    auto *edit = new QLineEdit(text, parent);
    edit->setObjectName(QLatin1String(name));
    edit->setPlaceholderText(placeholder);
    return edit;
}

} // namespace

RolesDialog::RolesDialog(ActiveIncident &incident, QWidget *parent)
    : QDialog(parent), m_incident(incident), m_error(errorLabel(this, "rolesError"))
{
    setObjectName(QStringLiteral("rolesDialog"));
    setWindowTitle(tr("Roles"));
    const incidents::Incident &current = incident.incident();
    m_deputy = nameEdit(current.deputy, "roleDeputy", tr("Watches the clocks, calls out"), this);
    m_scribe = nameEdit(current.scribe, "roleScribe", tr("Keeps the timeline"), this);
    m_communications = nameEdit(current.communications, "roleCommunications",
                                tr("Writes the announcements"), this);
    m_experts = nameEdit(current.experts.join(QStringLiteral(", ")), "roleExperts",
                         tr("Names, comma separated"), this);

    auto *commander =
        new QLabel(current.commander.isEmpty() ? tr("nobody") : current.commander, this);
    commander->setObjectName(QStringLiteral("roleCommander"));
    auto *handOver = new QPushButton(tr("Hand over command…"), this);
    handOver->setObjectName(QStringLiteral("roleHandOver"));
    connect(handOver, &QPushButton::clicked, this, [this] {
        reject();
        Q_EMIT handOverWanted();
    });
    auto *commanderRow = new QHBoxLayout;
    commanderRow->addWidget(commander, 1);
    commanderRow->addWidget(handOver);

    auto *form = new QFormLayout(this);
    form->addRow(tr("Commander:"), commanderRow);
    form->addRow(tr("&Deputy:"), m_deputy);
    form->addRow(tr("&Scribe:"), m_scribe);
    form->addRow(tr("&Communications:"), m_communications);
    form->addRow(tr("&Experts:"), m_experts);
    form->addRow(m_error);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &RolesDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
}

void RolesDialog::accept()
{
    using incidents::Role;
    const std::pair<Role, QLineEdit *> edits[] = {{Role::Deputy, m_deputy},
                                                  {Role::Scribe, m_scribe},
                                                  {Role::Communications, m_communications},
                                                  {Role::Expert, m_experts}};
    // One change per role that changed, each on the timeline; the first refusal stops here.
    for (const auto &[role, edit] : edits) {
        const Result<incidents::Change> assigned =
            m_incident.service().assignRole(m_incident.incident().id, role, {edit->text()});
        if (!assigned && assigned.errorKind() != ErrorKind::Unchanged) {
            m_error->setText(assigned.error());
            edit->setFocus();
            return;
        }
    }
    QDialog::accept();
}

HandOverDialog::HandOverDialog(ActiveIncident &incident, QWidget *parent)
    : QDialog(parent), m_incident(incident), m_error(errorLabel(this, "handOverError"))
{
    setObjectName(QStringLiteral("handOverDialog"));
    setWindowTitle(tr("Hand over command"));
    const incidents::Incident &current = incident.incident();
    m_to = nameEdit(current.deputy, "handOverTo", tr("Who takes command"), this);
    m_note =
        nameEdit({}, "handOverNote", tr("e.g. vendor call at 10:30, rollback half done"), this);
    auto *form = new QFormLayout(this);
    form->addRow(
        new QLabel(tr("%1 hands command over. The timeline names both, and the "
                      "handover brief opens in Drafts.")
                       .arg(current.commander.isEmpty() ? tr("Nobody") : current.commander),
                   this));
    form->addRow(tr("&New commander:"), m_to);
    form->addRow(tr("&What to know first:"), m_note);
    form->addRow(m_error);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    auto *handOver = buttons->addButton(tr("Hand over"), QDialogButtonBox::AcceptRole);
    handOver->setObjectName(QStringLiteral("handOverConfirm"));
    connect(buttons, &QDialogButtonBox::accepted, this, &HandOverDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
}

void HandOverDialog::accept()
{
    const Result<incidents::Change> handed = m_incident.service().handOverCommand(
        m_incident.incident().id, m_to->text(), m_note->text());
    if (!handed) {
        m_error->setText(handed.error());
        m_to->setFocus();
        return;
    }
    QDialog::accept();
    Q_EMIT handedOver();
}

void installRoles(MainWindow &window, ActiveIncident *incident, DraftsPanel *drafts)
{
    auto *handOver = new QAction(QObject::tr("&Hand over command…"), &window);
    handOver->setObjectName(QStringLiteral("handOverAction"));
    auto *roles = new QAction(QObject::tr("&Roles…"), &window);
    roles->setObjectName(QStringLiteral("rolesAction"));
    roles->setToolTip(QObject::tr("Deputy, scribe, communications, experts; hand over command"));
    QObject::connect(handOver, &QAction::triggered, &window, [&window, incident, drafts] {
        if (!incident->hasIncident())
            return;
        auto *dialog = new HandOverDialog(*incident, &window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        QObject::connect(dialog, &HandOverDialog::handedOver, drafts, [&window, drafts] {
            window.showArea(MainWindow::Area::Drafts);
            drafts->openTemplate(QStringLiteral("handover"));
        });
        dialog->open();
    });
    QObject::connect(roles, &QAction::triggered, &window, [&window, incident, handOver] {
        if (!incident->hasIncident())
            return;
        auto *dialog = new RolesDialog(*incident, &window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        QObject::connect(dialog, &RolesDialog::handOverWanted, handOver, &QAction::trigger,
                         Qt::QueuedConnection);
        dialog->open();
    });
    // Only while an incident is open: there is nobody to hand over to before one.
    const auto follow = [incident, roles, handOver] {
        roles->setEnabled(incident->hasIncident());
        handOver->setEnabled(incident->hasIncident());
    };
    QObject::connect(incident, &ActiveIncident::changed, roles, follow);
    follow();
    window.header()->addIncidentButton(roles);
    if (QMenu *menu = window.menu(QStringLiteral("incidentMenu")))
        menu->addActions({roles, handOver});
}

} // namespace ic::ui
