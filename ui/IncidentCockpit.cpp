#include "IncidentCockpit.h"

#include "ActiveIncident.h"
#include "CallOutReminder.h"
#include "ChecklistPanel.h"
#include "DeclareDialog.h"
#include "FirstPaintProbe.h"
#include "IncidentHeader.h"
#include "IncidentListDialog.h"
#include "MainWindow.h"
#include "NamePrompt.h"
#include "TeamIndicator.h"
#include "TimelinePanel.h"
#include "core/Logging.h"
#include "core/Settings.h"
#include "incidents/Actor.h"
#include "incidents/Roles.h"
#include "storage/Database.h"
#include "team/TeamLink.h"

#include <QAction>
#include <QMenu>
#include <QStatusBar>
#include <QTimer>

namespace ic::ui {
namespace {

// Another process's changes show up within this many clock ticks.
constexpr int refreshEveryTicks = 3;

} // namespace

void followIncidentWithLayout(MainWindow &window, ActiveIncident *incident)
{
    const auto follow = [&window, incident] {
        window.setMode(incident->hasIncident() ? MainWindow::Mode::Wartime
                                               : MainWindow::Mode::Peacetime);
    };
    QObject::connect(incident, &ActiveIncident::changed, &window, follow);
    follow();
}

ActiveIncident *installIncidentCockpit(MainWindow &window, Database &database,
                                       const QString &dataDir)
{
    const auto userName = [dataDir] {
        return incidents::resolveActor({}, Settings(dataDir).get(settings::commanderName));
    };
    auto *service = new incidents::IncidentService(
        database.connection(), incidents::loadIncidentConfig(dataDir), userName(), &window);
    QObject::connect(&window, &MainWindow::settingsSaved, service,
                     [service, userName] { service->setActor(userName()); });
    installNamePrompt(window, dataDir);
    auto *incident = new ActiveIncident(*service, &window);
    for (const QString &problem : incident->configProblems())
        window.statusBar()->showMessage(problem);
    QObject::connect(incident, &ActiveIncident::failed, &window, [&window](const QString &message) {
        log::get(log::Ui)->warn("{}", message.toStdString());
        window.statusBar()->showMessage(message, 10000);
    });

    IncidentHeader *header = window.header();
    header->showIncident(incident);
    auto *checklist = new ChecklistPanel(*incident);
    window.setAreaContent(MainWindow::Area::Checklist, checklist);
    window.setAreaContent(MainWindow::Area::Timeline, new TimelinePanel(*incident));

    auto *declare = new QAction(QObject::tr("&Declare incident…"), &window);
    declare->setObjectName(QStringLiteral("declareAction"));
    declare->setShortcut(QKeySequence::New);
    window.setAction(MainWindow::Action::Declare, declare);
    QObject::connect(declare, &QAction::triggered, &window, [&window, incident] {
        auto *dialog =
            new DeclareDialog(incident->severities(), incident->service().actor(), &window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        QObject::connect(dialog, &QDialog::accepted, incident,
                         [incident, dialog] { incident->declare(dialog->request()); });
        dialog->open();
    });

    header->addFirstStep(declare,
                         QObject::tr("Starts the checklist, the clocks and the first "
                                     "announcement."),
                         true);

    auto *history = new QAction(QObject::tr("&Incidents…"), &window);
    history->setObjectName(QStringLiteral("incidentListAction"));
    history->setShortcut(Qt::CTRL | Qt::Key_I);
    window.addAction(history);
    QObject::connect(history, &QAction::triggered, &window, [&window, incident] {
        auto *dialog = new IncidentListDialog(*incident, &window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    if (QMenu *menu = window.menu(QStringLiteral("incidentMenu"))) {
        menu->addActions({declare, history});
        menu->addMenu(window.header()->updateClockMenu());
    }

    auto *callOut = new CallOutReminder(*incident, header);
    header->addRow(callOut);

    auto *clock = new QTimer(&window);
    clock->setObjectName(QStringLiteral("incidentClock"));
    QObject::connect(clock, &QTimer::timeout, &window,
                     [header, checklist, callOut, service, ticks = 0]() mutable {
                         if (++ticks % refreshEveryTicks == 0)
                             service->checkForExternalChanges();
                         header->updateClocks();
                         checklist->updateClocks();
                         callOut->updateClock(QDateTime::currentDateTimeUtc());
                     });
    clock->start(1000);

    // Team mode: a worker thread keeps this data dir in step with its team (never the UI
    // thread); what others change arrives through the service's usual change report.
    auto *teamLine = new TeamIndicator(&window);
    teamLine->setRoleOf([incident](const QString &person) {
        return incident->hasIncident() ? incidents::roleOf(incident->incident(), person)
                                       : QString();
    });
    QObject::connect(incident, &ActiveIncident::changed, teamLine, &TeamIndicator::refresh);
    header->addRow(teamLine);
    afterFirstPaint(&window, [&window, &database, dataDir, service, teamLine, userName] {
        auto *link = new team::TeamLink(database.path(), dataDir, userName(), &window);
        link->setObjectName(QStringLiteral("teamLink"));
        QObject::connect(service, &incidents::IncidentService::incidentChanged, link,
                         &team::TeamLink::localChanged);
        QObject::connect(link, &team::TeamLink::remoteChangesApplied, service,
                         &incidents::IncidentService::checkForExternalChanges);
        QObject::connect(link, &team::TeamLink::statusChanged, teamLine, &TeamIndicator::show);
        QObject::connect(&window, &MainWindow::settingsSaved, link,
                         [link, userName] { link->setPerson(userName()); });
    });
    return incident;
}

} // namespace ic::ui
