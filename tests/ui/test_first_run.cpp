#include "TestSupport.h"
#include "core/Settings.h"
#include "health/HealthMonitor.h"
#include "incidents/Actor.h"
#include "incidents/Timeline.h"
#include "storage/Database.h"
#include "ui/ActiveIncident.h"
#include "ui/DeclareDialog.h"
#include "ui/DraftsPanel.h"
#include "ui/GuiLauncher.h"
#include "ui/HealthBoard.h"
#include "ui/MainWindow.h"
#include "ui/RolesDialog.h"

#include <QApplication>
#include <QClipboard>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

using namespace ic;
using namespace ic::ui;

// A new user, in the middle of an outage, on a fresh data dir: declare an incident and copy
// the initial announcement, using only what the window shows, in at most eight actions.
class TestFirstRun : public QObject
{
    Q_OBJECT

    // A fresh data dir, its database and health monitor, and the whole window on them.
    struct FreshConsole
    {
        QTemporaryDir dataDir;
        DatabaseOpenResult opened;
        std::unique_ptr<Database> database =
            Database::open(dataDir.filePath(QStringLiteral("console.db")), &opened);
        health::HealthMonitor monitor{dataDir.filePath(QStringLiteral("health.yaml")), QString()};
        std::unique_ptr<MainWindow> window;
        ActiveIncident *incident = nullptr;

        FreshConsole() { reopenWindow(); }
        // A new window on the same data dir, as after a restart.
        void reopenWindow()
        {
            window.reset();
            if (!database)
                return;
            window =
                std::make_unique<MainWindow>(WindowServices{database.get(), dataDir.path(), {}});
            incident = assembleWindow(*window, *database, monitor, dataDir.path(), {});
        }
    };

private Q_SLOTS:
    void declareAndCopyTheInitialAnnouncementInEightActionsAtMost()
    {
        FreshConsole console;
        QVERIFY2(console.database, qPrintable(console.opened.message));
        MainWindow &window = *console.window;
        ActiveIncident *incident = console.incident;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QApplication::clipboard()->clear();

        // What the user did: one entry per click, per key and per field typed into.
        QStringList actions;
        const auto press = [&actions](QWidget *target, Qt::Key key, Qt::KeyboardModifiers modifiers,
                                      const QString &what) {
            QTest::keyClick(target, key, modifiers);
            actions << what;
        };
        const auto type = [&actions](const QString &text) {
            QTest::keyClicks(QApplication::focusWidget(), text);
            actions << QStringLiteral("type \"%1\"").arg(text);
        };

        // The empty state says what to do and offers it as the first, focused button.
        auto *declare = window.findChild<QPushButton *>(QStringLiteral("firstStepPrimary"));
        QVERIFY(declare && declare->isVisible());
        QCOMPARE(declare->text(), QStringLiteral("Declare incident…"));
        QCOMPARE(QApplication::focusWidget(), declare);
        QTest::mouseClick(declare, Qt::LeftButton);
        actions << QStringLiteral("click Declare incident…");

        DeclareDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = window.findChild<DeclareDialog *>(QStringLiteral("declareDialog"))) !=
                        nullptr &&
                    dialog->isVisible());
        QTRY_COMPARE(QApplication::focusWidget(),
                     dialog->findChild<QLineEdit *>(QStringLiteral("declareTitle")));
        type(QStringLiteral("Checkout returns 502"));
        press(QApplication::focusWidget(), Qt::Key_Tab, Qt::NoModifier, QStringLiteral("Tab"));
        QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("declareService"));
        type(QStringLiteral("checkout"));
        press(QApplication::focusWidget(), Qt::Key_Tab, Qt::NoModifier, QStringLiteral("Tab"));
        QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("declareImpact"));
        type(QStringLiteral("EU card payments fail"));
        press(QApplication::focusWidget(), Qt::Key_Return, Qt::NoModifier, QStringLiteral("Enter"));
        QTRY_VERIFY(incident->hasIncident());
        QTRY_VERIFY(!window.findChild<DeclareDialog *>(QStringLiteral("declareDialog")));

        // The window is back in front, the drafts hold the initial alert and say how to
        // copy it: one keystroke.
        QTRY_COMPARE(QApplication::activeWindow(), &window);
        QVERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("Ctrl+Shift+C")));
        QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("draftCopy"));
        press(&window, Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier,
              QStringLiteral("Ctrl+Shift+C"));

        qInfo("first-run path, %d actions: %s", int(actions.size()),
              qPrintable(actions.join(QStringLiteral("; "))));
        QVERIFY2(actions.size() <= 8, qPrintable(actions.join(QStringLiteral("; "))));

        QTRY_VERIFY(!QApplication::clipboard()->text().isEmpty());
        const QString copied = QApplication::clipboard()->text();
        QVERIFY2(copied.startsWith(QStringLiteral("🚨 *INCIDENT DECLARED: Checkout returns 502*")),
                 qPrintable(copied));
        QVERIFY2(copied.contains(QStringLiteral("EU card payments fail")), qPrintable(copied));
        QVERIFY2(copied.contains(QStringLiteral("checkout")), qPrintable(copied));
        QVERIFY2(!copied.contains(QStringLiteral("{{")), qPrintable(copied));

        // The copy is logged, then "Send the first announcement" ticks itself.
        const auto &events = incident->events();
        QVERIFY(events.size() >= 2);
        const incidents::TimelineEvent &last = events.at(events.size() - 2);
        QCOMPARE(last.kind, incidents::EventKind::UpdateSent);
        QCOMPARE(last.data.value(QStringLiteral("text")).toString(), copied);
        QCOMPARE(events.back().kind, incidents::EventKind::Tick);
        auto *timeline = window.findChild<QListWidget *>(QStringLiteral("timelineList"));
        QTRY_VERIFY(timeline->count() >= 2);
        QStringList shown;
        for (int row = 0; row < timeline->count(); ++row)
            shown << timeline->item(row)->text();
        QVERIFY2(shown.join(QLatin1Char('\n')).contains(QStringLiteral("Initial alert")),
                 qPrintable(shown.join(QLatin1Char('\n'))));
    }

    // The keyboard path: the focused first step answers Enter.
    void enterOnTheFirstStepDeclares()
    {
        FreshConsole console;
        QVERIFY2(console.database, qPrintable(console.opened.message));
        MainWindow &window = *console.window;
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("firstStepPrimary"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QTRY_VERIFY(window.findChild<DeclareDialog *>(QStringLiteral("declareDialog")));
    }

    // "Set up health checks" brings the board in front of the Alerts tab it shares a place
    // with; it stayed behind it once, and the first step seemed to do nothing.
    void settingUpHealthChecksShowsTheBoard()
    {
        FreshConsole console;
        QVERIFY2(console.database, qPrintable(console.opened.message));
        MainWindow &window = *console.window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QDockWidget *health = window.dock(MainWindow::Area::Health);
        window.findChild<QAction *>(QStringLiteral("showAlertsAction"))->trigger();
        QTRY_VERIFY(health->visibleRegion().isEmpty()); // behind the Alerts tab
        window.findChild<QAction *>(QStringLiteral("editHealthConfigAction"))->trigger();
        QTRY_VERIFY(!health->visibleRegion().isEmpty());
        QVERIFY(health->findChild<HealthBoard *>(QStringLiteral("healthBoard"))->isVisible());
    }

    // Before an incident the window is a runbook browser and health board: no empty
    // checklist, drafts or timeline. Declaring brings the cockpit. Each mode keeps the
    // arrangement the user gave it, across restarts.
    void theLayoutFollowsTheIncident()
    {
        FreshConsole console;
        QVERIFY2(console.database, qPrintable(console.opened.message));
        const auto shown = [&console] {
            QStringList docks;
            for (const auto area : {MainWindow::Area::Checklist, MainWindow::Area::Health,
                                    MainWindow::Area::Drafts, MainWindow::Area::Timeline})
                if (console.window->dock(area)->isVisible())
                    docks.append(console.window->dock(area)->objectName());
            return docks.join(QLatin1Char(' '));
        };
        console.window->show();
        QVERIFY(QTest::qWaitForWindowExposed(console.window.get()));
        QCOMPARE(console.window->mode(), MainWindow::Mode::Peacetime);
        QCOMPARE(shown(), QStringLiteral("healthDock"));
        QVERIFY(!console.window->dock(MainWindow::Area::Health)->visibleRegion().isEmpty());
        // The user wants the timeline in peacetime too.
        console.window->showArea(MainWindow::Area::Timeline);

        incidents::DeclareRequest request;
        request.title = QStringLiteral("Checkout fails for EU card payments");
        request.severity = console.incident->severities().ids().value(1);
        QVERIFY(console.incident->declare(request));
        QCOMPARE(console.window->mode(), MainWindow::Mode::Wartime);
        QCOMPARE(shown(), QStringLiteral("checklistDock healthDock draftsDock timelineDock"));
        console.window->dock(MainWindow::Area::Drafts)->close();
        console.window->close();

        console.reopenWindow(); // the incident is still open: the cockpit as it was left
        console.window->show();
        QVERIFY(QTest::qWaitForWindowExposed(console.window.get()));
        QCOMPARE(console.window->mode(), MainWindow::Mode::Wartime);
        QCOMPARE(shown(), QStringLiteral("checklistDock healthDock timelineDock"));
        QVERIFY(console.incident->setStatus(incidents::Status::Resolved));
        QCOMPARE(console.window->mode(), MainWindow::Mode::Wartime); // the postmortem follows
        console.window->close();

        console.reopenWindow(); // nothing open: peacetime, with the timeline the user added
        console.window->show();
        QVERIFY(QTest::qWaitForWindowExposed(console.window.get()));
        QCOMPARE(console.window->mode(), MainWindow::Mode::Peacetime);
        QCOMPARE(shown(), QStringLiteral("healthDock timelineDock"));
    }

    // Resolving leaves two things to do: say so, and write the postmortem. The header offers
    // both; each opens its draft. Reopening takes the offer back.
    void resolvingOffersTheResolutionAndThePostmortem()
    {
        FreshConsole console;
        QVERIFY2(console.database, qPrintable(console.opened.message));
        MainWindow &window = *console.window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *offer = window.findChild<QWidget *>(QStringLiteral("resolvedOffer"));
        QVERIFY(offer && !offer->isVisible());
        incidents::DeclareRequest request;
        request.title = QStringLiteral("Search returns nothing for accented queries");
        request.severity = console.incident->severities().ids().value(1);
        QVERIFY(console.incident->declare(request));
        QVERIFY(!offer->isVisible());
        QVERIFY(console.incident->setStatus(incidents::Status::Resolved));
        QVERIFY(offer->isVisible());
        QVERIFY(window.minimumSizeHint().width() <= 1280);
        auto *drafts = window.findChild<DraftsPanel *>();
        QVERIFY(drafts);
        clickButton(window, "resolvedOfferPostmortem");
        QCOMPARE(drafts->currentTemplateId(), QStringLiteral("postmortem"));
        QVERIFY(window.dock(MainWindow::Area::Drafts)->isVisible());
        clickButton(window, "resolvedOfferResolution");
        QCOMPARE(drafts->currentTemplateId(), QStringLiteral("resolution"));
        QVERIFY(console.incident->setStatus(incidents::Status::Investigating));
        QVERIFY(!offer->isVisible());
        QVERIFY(console.incident->setStatus(incidents::Status::Resolved));
        QVERIFY(offer->isVisible());
        clickButton(window, "resolvedOfferLater");
        QVERIFY(!offer->isVisible());
    }

    // Roles from the header's Roles… button; Hand over command… names both sides on the
    // timeline and opens the handover brief, filled with both names.
    void rolesAndHandingOverCommand()
    {
        FreshConsole console;
        QVERIFY2(console.database, qPrintable(console.opened.message));
        MainWindow &window = *console.window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *rolesAction = window.findChild<QAction *>(QStringLiteral("rolesAction"));
        QVERIFY(rolesAction && !rolesAction->isEnabled());
        incidents::DeclareRequest request;
        request.title = QStringLiteral("Checkout fails for card payments");
        request.severity = console.incident->severities().ids().value(0);
        request.commander = QStringLiteral("Ana");
        QVERIFY(console.incident->declare(request));
        QVERIFY(rolesAction->isEnabled());
        auto *button = window.findChild<QToolButton *>(QStringLiteral("header_rolesAction"));
        QVERIFY(button && button->isVisible());
        QVERIFY(window.minimumSizeHint().width() <= 1280);

        button->click();
        auto *roles = window.findChild<RolesDialog *>();
        QTRY_VERIFY(roles && roles->isVisible());
        roles->findChild<QLineEdit *>(QStringLiteral("roleDeputy"))->setText(QStringLiteral("Ben"));
        roles->findChild<QLineEdit *>(QStringLiteral("roleScribe"))
            ->setText(QStringLiteral("Kim, Lee"));
        roles->accept();
        // One person per role: the refusal shows and the dialog stays.
        QVERIFY(roles->isVisible());
        QVERIFY(roles->findChild<QLabel *>(QStringLiteral("rolesError"))
                    ->text()
                    .contains(QStringLiteral("one person holds the scribe role")));
        roles->findChild<QLineEdit *>(QStringLiteral("roleScribe"))->setText(QStringLiteral("Kim"));
        roles->findChild<QLineEdit *>(QStringLiteral("roleExperts"))
            ->setText(QStringLiteral("Dana, Lee"));
        roles->accept();
        QTRY_VERIFY(!window.findChild<RolesDialog *>());
        const incidents::Incident &now = console.incident->incident();
        QCOMPARE(now.deputy, QStringLiteral("Ben"));
        QCOMPARE(now.scribe, QStringLiteral("Kim"));
        QCOMPARE(now.experts, (QStringList{QStringLiteral("Dana"), QStringLiteral("Lee")}));
        QVERIFY(window.findChild<QLabel *>(QStringLiteral("headerCommander"))
                    ->toolTip()
                    .contains(QStringLiteral("Deputy Ben")));

        window.findChild<QAction *>(QStringLiteral("handOverAction"))->trigger();
        auto *handOver = window.findChild<HandOverDialog *>();
        QTRY_VERIFY(handOver && handOver->isVisible());
        // The deputy is offered first.
        QCOMPARE(handOver->findChild<QLineEdit *>(QStringLiteral("handOverTo"))->text(),
                 QStringLiteral("Ben"));
        handOver->findChild<QLineEdit *>(QStringLiteral("handOverNote"))
            ->setText(QStringLiteral("rollback half done"));
        clickButton(*handOver, "handOverConfirm");
        QTRY_COMPARE(console.incident->incident().commander, QStringLiteral("Ben"));
        QCOMPARE(console.incident->events().back().text,
                 QStringLiteral("Command handed over from Ana to Ben: rollback half done"));
        auto *drafts = window.findChild<DraftsPanel *>();
        QTRY_COMPARE(drafts->currentTemplateId(), QStringLiteral("handover"));
        QVERIFY(window.dock(MainWindow::Area::Drafts)->isVisible());
        QVERIFY(console.incident->setStatus(incidents::Status::Resolved));
    }

    // A window wider than the screen hides the right-hand docks: it must fit a 1280 pixel
    // wide laptop screen before and during an incident. It needed 1480 once.
    void windowFitsALaptopScreen()
    {
        FreshConsole console;
        QVERIFY2(console.database, qPrintable(console.opened.message));
        MainWindow &window = *console.window;
        ActiveIncident *incident = console.incident;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        qInfo("minimum width in peacetime: %d", window.minimumSizeHint().width());
        QVERIFY(window.minimumSizeHint().width() <= 1280);

        incidents::DeclareRequest request;
        request.title = QStringLiteral("Checkout fails for EU card payments after the deploy");
        request.severity = incident->severities().ids().value(1);
        request.services = {QStringLiteral("checkout"), QStringLiteral("payments")};
        QVERIFY(incident->declare(request));
        QCoreApplication::processEvents();
        qInfo("minimum width during an incident: %d", window.minimumSizeHint().width());
        QVERIFY(window.minimumSizeHint().width() <= 1280);
    }

    // The first run asks once who is at the keyboard, pre-filled with the account's name; the
    // answer is the actor of ticks and the commander of new incidents from then on.
    void firstRunAsksTheNameOnce()
    {
        FreshConsole console;
        QVERIFY2(console.database, qPrintable(console.opened.message));
        const QTemporaryDir &dataDir = console.dataDir;
        {
            MainWindow &window = *console.window;
            ActiveIncident *incident = console.incident;
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            auto *prompt = window.findChild<QWidget *>(QStringLiteral("namePrompt"));
            QVERIFY(prompt && prompt->isVisible());
            auto *name = window.findChild<QLineEdit *>(QStringLiteral("namePromptName"));
            QCOMPARE(name->text(), incidents::accountFullName());
            QVERIFY(!name->text().isEmpty());
            name->selectAll();
            QTest::keyClicks(name, QStringLiteral("Kim Chen"));
            QTest::keyClick(name, Qt::Key_Return);
            QTRY_VERIFY(!prompt->isVisible());
            QCOMPARE(Settings(dataDir.path()).get(settings::commanderName),
                     QStringLiteral("Kim Chen"));

            incidents::DeclareRequest request;
            request.title = QStringLiteral("Checkout down");
            request.severity = QStringLiteral("SEV-2");
            request.commander = incident->service().actor();
            QCOMPARE(request.commander, QStringLiteral("Kim Chen"));
            QVERIFY(incident->declare(request));
            QVERIFY(incident->setTicked(incident->items().front().id, true));
            QCOMPARE(incident->events().back().actor, QStringLiteral("Kim Chen"));
            QVERIFY(incident->setStatus(incidents::Status::Resolved));
        }
        // Asked once: the next start does not ask again.
        console.reopenWindow();
        QVERIFY(!console.window->findChild<QWidget *>(QStringLiteral("namePrompt")));

        FreshConsole putOff;
        const QTemporaryDir &laterDir = putOff.dataDir;
        MainWindow &later = *putOff.window;
        ActiveIncident *laterIncident = putOff.incident;
        later.show();
        QVERIFY(QTest::qWaitForWindowExposed(&later));
        clickButton(later, "namePromptLater");
        QVERIFY(Settings(laterDir.path()).get(settings::nameAsked));
        QVERIFY(Settings(laterDir.path()).get(settings::commanderName).isEmpty());
        // Put off: changes go under the account's login name, never "unknown user".
        QCOMPARE(laterIncident->service().actor(), incidents::accountName());
        QVERIFY(!incidents::accountName().isEmpty());
    }

private:
    static void clickButton(QWidget &window, const char *name)
    {
        auto *button = window.findChild<QPushButton *>(QString::fromLatin1(name));
        QVERIFY(button && button->isVisible());
        QTest::mouseClick(button, Qt::LeftButton);
    }
};

QTEST_MAIN(TestFirstRun)
#include "test_first_run.moc"
