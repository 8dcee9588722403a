#include "FeatureLinks.h"

#include "ActiveIncident.h"
#include "DraftsPanel.h"
#include "HealthBoard.h"
#include "HealthRunbookOffers.h"
#include "HealthStrip.h"
#include "IncidentHeader.h"
#include "MainWindow.h"
#include "ResolvedOffer.h"
#include "RolesDialog.h"
#include "comms/MessageTemplates.h"
#include "comms/SlackWebhook.h"
#include "comms/WebhookSecret.h"
#include "core/Logging.h"
#include "health/HealthMonitor.h"
#include "incidents/Timeline.h"
#include "ui/runbooks/RunbookPanel.h"

#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QJsonObject>
#include <QMenu>
#include <QStatusBar>

namespace ic::ui {
namespace {

// Owns the templates for as long as the drafts panel lives.
class TemplatesHolder : public QObject
{
public:
    TemplatesHolder(const QString &userDir, QObject *parent) : QObject(parent), templates(userDir)
    {}
    comms::MessageTemplates templates;
};

QString titleOf(const comms::MessageTemplates &templates, const QString &id)
{
    const comms::MessageTemplate *t = templates.find(id);
    return t ? t->title : id;
}

} // namespace

void installDrafts(MainWindow &window, ActiveIncident *incident, const QString &dataDir)
{
    auto *holder =
        new TemplatesHolder(QDir(dataDir).filePath(QStringLiteral("templates")), &window);
    for (const comms::TemplateProblem &problem : holder->templates.problems())
        log::get(log::Comms)->warn("{}", problem.toString().toStdString());
    const comms::MessageTemplates &templates = holder->templates;
    auto *panel = new DraftsPanel(templates);
    panel->setValuesProvider([incident] { return incident->templateValues(); });
    panel->setWebhook(new comms::SlackWebhook(panel),
                      [dataDir] { return comms::WebhookSecret(dataDir).load(); });
    panel->setPostmortemStore(
        [incident] { return incident->postmortem(); },
        [incident](const QString &text) { return incident->savePostmortem(text); });
    window.setAreaContent(MainWindow::Area::Drafts, panel);

    QObject::connect(incident, &ActiveIncident::changed, panel, &DraftsPanel::incidentChanged);
    // Right after declaring, the window is back in front with the initial alert ready.
    QObject::connect(incident, &ActiveIncident::declared, panel, [panel, &window] {
        window.showArea(MainWindow::Area::Drafts);
        window.activateWindow();
        panel->startAnnouncing();
        window.statusBar()->showMessage(
            QObject::tr("Incident declared. The initial announcement is ready in Drafts: "
                        "Ctrl+Shift+C copies it."),
            30000);
    });
    QObject::connect(panel, &DraftsPanel::draftCopied, incident,
                     [incident, &templates](const QString &id, const QString &text) {
                         incident->recordMessageSent(id, titleOf(templates, id), text,
                                                     QObject::tr("copied"));
                     });
    QObject::connect(panel, &DraftsPanel::draftPosted, incident,
                     [incident, &templates](const QString &id, const QString &text) {
                         incident->recordMessageSent(id, titleOf(templates, id), text,
                                                     QObject::tr("posted to Slack"));
                     });

    auto *copy = new QAction(QObject::tr("&Copy current draft"), &window);
    copy->setObjectName(QStringLiteral("copyDraftAction"));
    copy->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    copy->setShortcutContext(Qt::WindowShortcut);
    QObject::connect(copy, &QAction::triggered, panel, [panel, &window] {
        window.dock(MainWindow::Area::Drafts)->show();
        panel->copyCurrent();
    });
    window.setAction(MainWindow::Action::CopyDraft, copy);
    installResolvedOffer(window, incident, panel);
    installRoles(window, incident, panel);
    if (QMenu *file = window.menu(QStringLiteral("fileMenu")))
        file->insertAction(file->actions().value(0), copy);
}

void linkHealth(MainWindow &window, health::HealthMonitor &monitor, HealthBoard *board,
                RunbookPanel *runbooks, ActiveIncident *incident)
{
    QObject::connect(&monitor, &health::HealthMonitor::stateChanged, incident,
                     [incident](const QString &name, health::State from, health::State to) {
                         incident->recordEvent(
                             incidents::EventKind::HealthChanged,
                             QStringLiteral("%1: %2 → %3")
                                 .arg(name, health::stateName(from), health::stateName(to)),
                             {{QStringLiteral("check"), name},
                              {QStringLiteral("from"), health::stateName(from)},
                              {QStringLiteral("to"), health::stateName(to)}},
                             QStringLiteral("health"));
                     });
    QObject::connect(board, &HealthBoard::runbookRequested, runbooks,
                     [runbooks](const QString &id) { runbooks->openRunbookById(id); });

    IncidentHeader *header = window.header();
    auto *strip = new HealthStrip(&monitor, header);
    header->addRow(strip);
    const auto showBoard = [&window] {
        window.showArea(MainWindow::Area::Health);
    };
    QObject::connect(strip, &HealthStrip::boardRequested, &window, showBoard);
    QObject::connect(strip, &HealthStrip::detailsRequested, board,
                     [board, showBoard](const QString &name) {
                         showBoard();
                         board->showDetails(name);
                     });

    auto *offers = new HealthRunbookOffers(
        &monitor, [incident] { return incident->hasIncident() && incident->incident().isOpen(); },
        [runbooks](const QString &id) { return runbooks->runbookTitle(id); }, header);
    header->addRow(offers);
    QObject::connect(offers, &HealthRunbookOffers::runbookRequested, runbooks,
                     [runbooks](const QString &id) { runbooks->openRunbookById(id); });
    // Declaring an incident offers runbooks for checks that are CRIT already; closing it
    // withdraws them.
    QObject::connect(incident, &ActiveIncident::changed, offers,
                     &HealthRunbookOffers::reconsiderAll);
}

void linkRunbookTasks(RunbookPanel *runbooks, ActiveIncident *incident)
{
    runbooks->setTaskAttacher(
        [incident](const QString &title, const std::vector<runbooks::RunbookTask> &tasks) {
            std::vector<incidents::AttachedTask> attached;
            for (const runbooks::RunbookTask &task : tasks)
                attached.push_back({task.headingPath.join(QStringLiteral(" > ")), task.text});
            return incident->hasIncident() && incident->attachRunbookTasks(title, attached);
        });
}

} // namespace ic::ui
