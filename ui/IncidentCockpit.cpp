#include "IncidentCockpit.h"

#include "ActiveIncident.h"
#include "ChecklistPanel.h"
#include "DeclareDialog.h"
#include "IncidentHeader.h"
#include "IncidentListDialog.h"
#include "MainWindow.h"
#include "TimelinePanel.h"
#include "core/Logging.h"
#include "core/Settings.h"
#include "storage/Database.h"

#include <QAction>
#include <QMenu>
#include <QStatusBar>
#include <QTimer>

namespace ic::ui {
namespace {

// Another process's changes show up within this many clock ticks.
constexpr int refreshEveryTicks = 3;

} // namespace

ActiveIncident *installIncidentCockpit(MainWindow &window, Database &database,
                                       const QString &dataDir)
{
    ActiveIncident::setCommanderName(Settings(dataDir).get(settings::commanderName));
    auto *incident =
        new ActiveIncident(database.connection(), incidents::loadIncidentConfig(dataDir), &window);
    for (const QString &problem : incident->configProblems())
        window.statusBar()->showMessage(problem);
    QObject::connect(incident, &ActiveIncident::failed, &window, [&window](const QString &message) {
        log::get(log::Ui)->warn("{}", message.toStdString());
        window.statusBar()->showMessage(message, 10000);
    });

    auto *header = window.findChild<IncidentHeader *>(QStringLiteral("incidentHeader"));
    header->showIncident(incident);
    auto *checklist = new ChecklistPanel(*incident);
    window.setAreaContent(MainWindow::Area::Checklist, checklist);
    window.setAreaContent(MainWindow::Area::Timeline, new TimelinePanel(*incident));

    auto *declare = new QAction(QObject::tr("&Declare incident…"), &window);
    declare->setObjectName(QStringLiteral("declareAction"));
    declare->setShortcut(QKeySequence::New);
    window.addAction(declare);
    QObject::connect(declare, &QAction::triggered, &window, [&window, incident] {
        auto *dialog = new DeclareDialog(incident->severities(), &window);
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
    if (QMenu *menu = window.menu(QStringLiteral("incidentMenu")))
        menu->addActions({declare, history});

    auto *clock = new QTimer(&window);
    clock->setObjectName(QStringLiteral("incidentClock"));
    QObject::connect(clock, &QTimer::timeout, &window,
                     [header, checklist, incident, ticks = 0]() mutable {
                         if (++ticks % refreshEveryTicks == 0)
                             incident->refreshIfChangedElsewhere();
                         header->updateClocks();
                         checklist->updateClocks();
                     });
    clock->start(1000);
    return incident;
}

} // namespace ic::ui
