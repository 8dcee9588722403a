#include "TestSupport.h"
#include "core/Ids.h"
#include "incidents/ChecklistStore.h"
#include "storage/Database.h"
#include "storage/Sql.h"
#include "ui/ActiveIncident.h"
#include "ui/CallOutReminder.h"
#include "ui/ChecklistPanel.h"
#include "ui/DeclareDialog.h"
#include "ui/EmptyState.h"
#include "ui/IncidentCockpit.h"
#include "ui/MainWindow.h"
#include "ui/NoteTimeDialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTextDocument>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>
#include <QtTest>

using namespace ic;
using namespace ic::ui;

// The cockpit driven like a commander would: keyboard only, then a restart.
class TestIncidentCockpit : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dataDir;
    std::unique_ptr<Database> m_database;

    std::unique_ptr<MainWindow> openWindow()
    {
        auto window =
            std::make_unique<MainWindow>(WindowServices{m_database.get(), m_dataDir.path(), {}});
        installIncidentCockpit(*window, *m_database, m_dataDir.path());
        window->show();
        window->activateWindow();
        return window;
    }

    template <typename T> static T *child(QWidget &window, const char *name)
    {
        return window.findChild<T *>(QString::fromLatin1(name));
    }

    // Runs act on the next popup menu (a context menu's exec() blocks until it closes) or modal
    // dialog of type T once it shows.
    template <typename T> static void whenShown(std::function<void(T *)> act)
    {
        auto *poll = new QTimer;
        QObject::connect(poll, &QTimer::timeout, [poll, act = std::move(act)] {
            QWidget *shown = std::is_same_v<T, QMenu> ? QApplication::activePopupWidget()
                                                      : QApplication::activeModalWidget();
            if (auto *wanted = qobject_cast<T *>(shown)) {
                poll->deleteLater();
                poll->stop();
                act(wanted);
            }
        });
        poll->start(10);
    }

    // Everything the commander sees of the incident, to compare across a restart.
    static QStringList visibleState(QWidget &window)
    {
        QStringList state;
        for (const char *name : {"headerSeverityBadge", "headerTitle", "headerCommander"})
            state << child<QLabel>(window, name)->text();
        state << child<QComboBox>(window, "headerStatus")->currentText()
              << child<QComboBox>(window, "headerSeverity")->currentText();
        auto *tree = child<QTreeWidget>(window, "checklistTree");
        for (int p = 0; p < tree->topLevelItemCount(); ++p) {
            QTreeWidgetItem *phase = tree->topLevelItem(p);
            state << phase->text(0);
            for (int c = 0; c < phase->childCount(); ++c)
                state << phase->child(c)->text(0) + QLatin1Char('|') +
                             QString::number(phase->child(c)->checkState(0)) + QLatin1Char('|') +
                             phase->child(c)->text(1);
        }
        auto *timeline = child<QListWidget>(window, "timelineList");
        for (int i = 0; i < timeline->count(); ++i)
            state << timeline->item(i)->text();
        return state;
    }

private Q_SLOTS:
    void initTestCase()
    {
        DatabaseOpenResult result;
        m_database = Database::open(m_dataDir.filePath(QStringLiteral("console.db")), &result);
        QVERIFY2(m_database, qPrintable(result.message));
    }

    void declareTickNoteAndRestart()
    {
        QStringList before;
        {
            auto window = openWindow();
            QVERIFY(QTest::qWaitForWindowActive(window.get()));
            QVERIFY(!child<QWidget>(*window, "headerTitle")->isVisible());
            auto *emptyChecklist = child<EmptyState>(*window, "checklistEmptyState");
            QVERIFY(emptyChecklist->isVisible());
            QCOMPARE(emptyChecklist->heading(), QStringLiteral("No checklist yet"));
            QVERIFY(!child<QWidget>(*window, "checklistSummary")->isVisible());

            QTest::keyClick(window.get(), Qt::Key_N, Qt::ControlModifier);
            DeclareDialog *dialog = nullptr;
            QTRY_VERIFY((dialog = child<DeclareDialog>(*window, "declareDialog")) &&
                        dialog->isVisible());
            QTRY_COMPARE(QApplication::focusWidget(),
                         static_cast<QWidget *>(child<QLineEdit>(*dialog, "declareTitle")));
            QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("Orders database down"));
            // Title, services, impact, then the severity.
            for (int i = 0; i < 3; ++i)
                QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            auto *severity = child<QComboBox>(*dialog, "declareSeverity");
            QCOMPARE(QApplication::focusWidget(), static_cast<QWidget *>(severity));
            QCOMPARE(severity->currentData().toString(), QStringLiteral("SEV-2"));
            QTest::keyClick(severity, Qt::Key_Up);
            QCOMPARE(severity->currentData().toString(), QStringLiteral("SEV-1"));
            QVERIFY(child<QLabel>(*dialog, "declareSeverityDescription")
                        ->text()
                        .contains(QStringLiteral("Respond within 15m")));
            QVERIFY(child<QLabel>(*dialog, "declareSeverityDescription")
                        ->text()
                        .contains(QStringLiteral("30m: Inform management")));
            QTest::keyClick(severity, Qt::Key_Return);

            QTRY_VERIFY(child<QWidget>(*window, "headerTitle")->isVisible());
            QCOMPARE(child<QLabel>(*window, "headerTitle")->text(),
                     QStringLiteral("Orders database down"));
            QVERIFY(!emptyChecklist->isVisible());
            QVERIFY(child<QWidget>(*window, "checklistSummary")->isVisible());
            QCOMPARE(child<QLabel>(*window, "headerSeverityBadge")->text(),
                     QStringLiteral("SEV-1"));
            QVERIFY(child<QLabel>(*window, "headerNextUpdate")
                        ->text()
                        .contains(QStringLiteral("Next update in")));

            auto *tree = child<QTreeWidget>(*window, "checklistTree");
            window->activateWindow();
            QVERIFY(QTest::qWaitForWindowActive(window.get()));
            tree->setFocus();
            QTreeWidgetItem *first = tree->currentItem();
            QVERIFY(first && first->parent());
            QCOMPARE(first->checkState(0), Qt::Unchecked);
            QTest::keyClick(tree, Qt::Key_Space);
            QCOMPARE(tree->currentItem()->checkState(0), Qt::Checked);
            QTest::keyClick(tree, Qt::Key_Down);
            QTest::keyClick(tree, Qt::Key_Space);
            QTest::keyClick(tree, Qt::Key_Down);
            QTest::keyClick(tree, Qt::Key_Space);
            QTest::keyClick(tree, Qt::Key_Space); // and untick the third again
            QCOMPARE(tree->currentItem()->checkState(0), Qt::Unchecked);

            // What the panel shows is what is stored.
            auto *incident = window->findChild<ActiveIncident *>();
            const auto stored =
                incidents::ChecklistStore(m_database->connection()).items(incident->incident().id);
            QVERIFY(stored[0].isChecked() && stored[1].isChecked() && !stored[2].isChecked());
            QCOMPARE(stored[0].checkedBy, incident->service().actor());

            auto *note = child<QLineEdit>(*window, "timelineNoteInput");
            note->setFocus();
            QTest::keyClicks(note, QStringLiteral("Failover started"));
            QTest::keyClick(note, Qt::Key_Return);
            QVERIFY(note->text().isEmpty());
            auto *timeline = child<QListWidget>(*window, "timelineList");
            QVERIFY(timeline->item(timeline->count() - 1)
                        ->text()
                        .contains(QStringLiteral("Failover started")));
            // declared, tick (recording acknowledged), tick, tick, untick, note
            QCOMPARE(timeline->count(), 6);

            auto *status = child<QComboBox>(*window, "headerStatus");
            status->setFocus();
            QTest::keyClick(status, Qt::Key_Down);
            QTRY_COMPARE(incident->incident().status, incidents::Status::Identified);
            before = visibleState(*window);
            window->close();
        }
        auto reopened = openWindow();
        QVERIFY(QTest::qWaitForWindowExposed(reopened.get()));
        QCOMPARE(visibleState(*reopened), before);
    }

    void overdueItemsAreMarkedAndAnnouncedOnce()
    {
        auto window = openWindow();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        auto *incident = window->findChild<ActiveIncident *>();
        incidents::DeclareRequest request;
        request.title = QStringLiteral("Queue backlog");
        request.severity = QStringLiteral("SEV-2");
        QVERIFY(incident->declare(request));
        // As if declared 12 minutes ago: acknowledge (5m) and assess (10m) are overdue.
        const QString started = toStoredTime(QDateTime::currentDateTimeUtc().addSecs(-12 * 60));
        QVERIFY(sql::exec(m_database->connection(),
                          QStringLiteral("UPDATE incidents SET started_at = ? WHERE id = ?"),
                          {started, incident->incident().id}));
        auto *panel = window->findChild<ChecklistPanel *>();
        QSignalSpy announced(panel, &ChecklistPanel::itemOverdue);
        incident->setActive(incident->incident().id);
        panel->updateClocks();
        QCOMPARE(announced.count(), 2);
        auto *tree = child<QTreeWidget>(*window, "checklistTree");
        QTreeWidgetItem *acknowledge = tree->topLevelItem(0)->child(0);
        QVERIFY(acknowledge->text(2).contains(QStringLiteral("OVERDUE")));
        QCOMPARE(acknowledge->foreground(0).color(), QColor(0xc6, 0x28, 0x28));
        QVERIFY(!tree->topLevelItem(0)->child(2)->text(2).contains(QStringLiteral("OVERDUE")));
        auto *nearestDue = child<QLabel>(*window, "headerNearestDue");
        QVERIFY(nearestDue->text().startsWith(QStringLiteral("⚠ OVERDUE -")));
        // However narrow the window, the countdown itself is never cut; only the item's text.
        window->resize(window->minimumSizeHint().width(), window->height());
        const QString countdown = nearestDue->text().section(QStringLiteral(" · "), 0, 0);
        QTRY_VERIFY(nearestDue->contentsRect().width() >=
                    nearestDue->fontMetrics().horizontalAdvance(countdown));
        QVERIFY(child<QLabel>(*window, "checklistSummary")
                    ->text()
                    .contains(QStringLiteral("2 overdue")));
        // Ticking it takes the marker away; nothing is announced twice.
        tree->setCurrentItem(acknowledge);
        QTest::keyClick(tree, Qt::Key_Space);
        panel->updateClocks();
        QVERIFY(!tree->topLevelItem(0)->child(0)->text(2).contains(QStringLiteral("OVERDUE")));
        QCOMPARE(announced.count(), 2);
    }

    void timeBoxesNotesAndRunbookTasksShowUp()
    {
        auto window = openWindow();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        auto *incident = window->findChild<ActiveIncident *>();
        incidents::DeclareRequest request;
        request.title = QStringLiteral("Cache stampede");
        request.severity = QStringLiteral("SEV-3");
        QVERIFY(incident->declare(request));
        auto *tree = child<QTreeWidget>(*window, "checklistTree");
        QTreeWidgetItem *second = tree->topLevelItem(0)->child(1);
        const QString itemId = second->data(0, Qt::UserRole).toString();
        QVERIFY(incident->assignItem(itemId, QStringLiteral("dana"), 10));
        second = tree->topLevelItem(0)->child(1);
        QVERIFY2(second->text(2).contains(QStringLiteral("dana back in")),
                 qPrintable(second->text(2)));

        QVERIFY(incident->addNote(QStringLiteral("Cache flushed")));
        auto *timeline = child<QListWidget>(*window, "timelineList");
        const QString noteId = timeline->item(timeline->count() - 1)->data(Qt::UserRole).toString();
        QVERIFY(incident->editNote(noteId, QStringLiteral("Cache flushed on eu-1")));
        QVERIFY(timeline->item(timeline->count() - 2)->font().strikeOut());
        QVERIFY(timeline->item(timeline->count() - 1)->text().contains(QStringLiteral("eu-1")));

        QCOMPARE(incident->templateValues().value(QStringLiteral("title")).toString(),
                 QStringLiteral("Cache stampede"));
        QVERIFY(incident->recordMessageSent(QStringLiteral("update"), QStringLiteral("Update"),
                                            QStringLiteral("Still investigating"),
                                            QStringLiteral("copied")));
        // SEV-3 updates hourly; the countdown restarted from the update just sent.
        QVERIFY(incident->nextUpdateDue() > QDateTime::currentDateTimeUtc().addSecs(50 * 60));
        QVERIFY(child<QLabel>(*window, "headerNextUpdate")
                    ->text()
                    .startsWith(QStringLiteral("Next update in")));
        QVERIFY(incident->attachRunbookTasks(
            QStringLiteral("Queue recovery"),
            {{QStringLiteral("Drain"), QStringLiteral("Pause consumers")}}));
        QTreeWidgetItem *section = tree->topLevelItem(tree->topLevelItemCount() - 1);
        QCOMPARE(section->text(0), QStringLiteral("Runbook: Queue recovery"));
        QVERIFY(section->child(0)->text(0).contains(QStringLiteral("Pause consumers")));
        QVERIFY(timeline->item(timeline->count() - 1)
                    ->text()
                    .contains(QStringLiteral("Runbook tasks attached")));
    }

    // Right-click on the timeline: a note moves to when it happened (the old time stays,
    // struck), and any entry gives a milestone its time.
    void aNoteMovesInTimeAndAnEntrySetsAMilestone()
    {
        auto window = openWindow();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        auto *incident = window->findChild<ActiveIncident *>();
        incidents::DeclareRequest request;
        request.title = QStringLiteral("Checkout 502s");
        request.severity = QStringLiteral("SEV-2");
        QVERIFY(incident->declare(request));
        QVERIFY(incident->setMilestone(incidents::Milestone::Started,
                                       QDateTime::currentDateTimeUtc().addSecs(-3600)));
        QVERIFY(incident->addNote(QStringLiteral("First 502s on the graphs")));
        auto *timeline = child<QListWidget>(*window, "timelineList");
        const auto rightClick = [timeline](int row) {
            const QRect rect = timeline->visualItemRect(timeline->item(row));
            Q_EMIT timeline->customContextMenuRequested(rect.center());
        };
        const QDateTime happened = QDateTime::currentDateTimeUtc().addSecs(-19 * 60).addMSecs(
            -QTime::currentTime().msec());

        QStringList offered;
        whenShown<QMenu>([&](QMenu *menu) {
            for (QAction *action : menu->actions())
                offered << action->text();
            whenShown<NoteTimeDialog>([&](NoteTimeDialog *dialog) {
                dialog->findChild<QDateTimeEdit *>(QStringLiteral("noteTime"))
                    ->setDateTime(happened.toLocalTime());
                dialog->findChild<QLineEdit *>(QStringLiteral("noteTimeReason"))
                    ->setText(QStringLiteral("the graphs say 16:20"));
                dialog->accept();
            });
            const QList<QAction *> actions = menu->actions();
            const auto correct = std::find_if(actions.begin(), actions.end(), [](QAction *a) {
                return a->text() == QStringLiteral("Correct the time…");
            });
            menu->close();
            (*correct)->trigger();
        });
        rightClick(timeline->count() - 1);
        QVERIFY2(offered.contains(QStringLiteral("Edit note…")),
                 qPrintable(offered.join(QLatin1Char('|'))));
        QVERIFY(offered.contains(QStringLiteral("Delete note")));

        // The moved note sits at its time, before the events written since; the original
        // stays at the end, struck through.
        QTRY_VERIFY(timeline->item(timeline->count() - 1)->font().strikeOut());
        int moved = -1;
        for (int row = 0; row < timeline->count(); ++row)
            if (timeline->item(row)->text().contains(QStringLiteral("time corrected from")))
                moved = row;
        QVERIFY(moved >= 0 && moved < timeline->count() - 1);
        QVERIFY(timeline->item(moved)->text().startsWith(
            happened.toLocalTime().toString(QStringLiteral("HH:mm:ss"))));
        QVERIFY(timeline->item(moved)->text().contains(QStringLiteral("the graphs say 16:20")));

        // The moved note's time becomes the detected milestone; an automatic entry (declared)
        // offers the milestone but nothing to edit.
        whenShown<QMenu>([&](QMenu *menu) {
            auto *detected =
                menu->findChild<QAction *>(QStringLiteral("timelineMilestone_detected"));
            QVERIFY(detected);
            menu->close();
            detected->trigger();
        });
        rightClick(moved);
        QCOMPARE(incident->incident().milestone(incidents::Milestone::Detected), happened);
        offered.clear();
        whenShown<QMenu>([&](QMenu *menu) {
            for (QAction *action : menu->actions())
                offered << action->text();
            menu->close();
        });
        int declared = -1;
        for (int row = 0; row < timeline->count(); ++row)
            if (timeline->item(row)->text().contains(QStringLiteral("  declared  ")))
                declared = row;
        QVERIFY(declared >= 0);
        rightClick(declared);
        QCOMPARE(offered.size(), 1);
        QVERIFY(offered.front().startsWith(QStringLiteral("Set milestone at")));
    }

    void milestonesAreEditableWithOrderingChecks()
    {
        auto window = openWindow();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        auto *incident = window->findChild<ActiveIncident *>();
        // Started and detected three hours ago, so the resolved time below is in the past.
        const QDateTime threeHoursAgo = QDateTime::currentDateTimeUtc().addSecs(-3 * 3600);
        QVERIFY(incident->setMilestone(incidents::Milestone::Started, threeHoursAgo));
        QVERIFY(incident->setMilestone(incidents::Milestone::Detected, threeHoursAgo));
        const QDateTime started = incident->incident().milestone(incidents::Milestone::Started);
        QTest::mouseClick(child<QWidget>(*window, "headerMilestones"), Qt::LeftButton);
        QDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = child<QDialog>(*window, "milestonesDialog")) && dialog->isVisible());
        QVERIFY(child<QLabel>(*dialog, "milestoneMetrics")
                    ->text()
                    .contains(QStringLiteral("acknowledged - started")));
        child<QCheckBox>(*dialog, "milestoneSet_resolved")->setChecked(true);
        auto *resolved = child<QDateTimeEdit>(*dialog, "milestoneTime_resolved");
        resolved->setDateTime(started.toLocalTime().addSecs(-3600));
        dialog->accept();
        QVERIFY(dialog->isVisible());
        QVERIFY(child<QLabel>(*dialog, "milestoneError")
                    ->text()
                    .contains(QStringLiteral("cannot be before started")));
        resolved->setDateTime(started.toLocalTime().addSecs(2 * 3600));
        dialog->accept();
        QTRY_VERIFY(!child<QDialog>(*window, "milestonesDialog"));
        // The editor shows whole seconds; the stored start may carry milliseconds.
        QVERIFY(qAbs(incident->incident().mttrSeconds().value_or(0) - 2 * 3600) <= 1);
    }

    void changesFromAnotherProcessShowUp()
    {
        auto window = openWindow();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        auto *incident = window->findChild<ActiveIncident *>();
        auto *tree = child<QTreeWidget>(*window, "checklistTree");
        QTreeWidgetItem *row = tree->topLevelItem(1)->child(0);
        QCOMPARE(row->checkState(0), Qt::Unchecked);
        // A second connection stands in for the CLI writing to the same file.
        QString error;
        auto other = Database::openAdditional(m_database->path(), &error);
        QVERIFY2(other, qPrintable(error));
        incidents::IncidentService cli(other->connection(), incident->service().config(),
                                       QStringLiteral("cli"));
        QSignalSpy reported(&incident->service(), &incidents::IncidentService::incidentChanged);
        const auto ticked = cli.tick(row->data(0, Qt::UserRole).toString());
        QVERIFY(ticked);
        // The window's clock looks for other processes' commits every few seconds.
        QTRY_COMPARE_WITH_TIMEOUT(tree->topLevelItem(1)->child(0)->checkState(0), Qt::Checked,
                                  5000);
        QCOMPARE(reported.size(), 1);
        QCOMPARE(reported.front().at(1).toString(), ticked->eventId);
        const auto event = incident->service().event(ticked->eventId);
        QCOMPARE(event->actor, QStringLiteral("cli"));
        QCOMPARE(incident->events().back().id, ticked->eventId);

        // A click on the box (the view sets the check state) shows the stored state until
        // the queued commit has returned, then the new one.
        QTreeWidgetItem *next = tree->topLevelItem(1)->child(1);
        const QString nextId = next->data(0, Qt::UserRole).toString();
        next->setCheckState(0, Qt::Checked);
        QCOMPARE(next->checkState(0), Qt::Unchecked);
        QTRY_COMPARE(tree->topLevelItem(1)->child(1)->checkState(0), Qt::Checked);
        QVERIFY(incidents::ChecklistStore(m_database->connection()).item(nextId)->isChecked());
    }

    void incidentListSearchesAndSwitches()
    {
        auto window = openWindow();
        QVERIFY(QTest::qWaitForWindowActive(window.get()));
        auto *incident = window->findChild<ActiveIncident *>();
        incidents::DeclareRequest request;
        request.title = QStringLiteral("Search cluster red");
        request.severity = QStringLiteral("SEV-3");
        request.services = {QStringLiteral("search")};
        QVERIFY(incident->declare(request));
        QTest::keyClick(window.get(), Qt::Key_I, Qt::ControlModifier);
        QDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = child<QDialog>(*window, "incidentListDialog")) &&
                    dialog->isVisible());
        auto *list = child<QTreeWidget>(*dialog, "incidentList");
        QVERIFY(list->topLevelItemCount() >= 3);
        auto *search = child<QLineEdit>(*dialog, "incidentSearch");
        QTest::keyClicks(search, QStringLiteral("Orders"));
        QCOMPARE(list->topLevelItemCount(), 1);
        QTest::keyClick(search, Qt::Key_Return);
        QCOMPARE(incident->incident().title, QStringLiteral("Orders database down"));
        QCOMPARE(child<QLabel>(*window, "headerTitle")->text(),
                 QStringLiteral("Orders database down"));
    }

    // The header's next-update clock follows a snooze and a stop.
    void nextUpdateCanBeSnoozedFromTheHeader()
    {
        auto window = openWindow();
        QVERIFY(QTest::qWaitForWindowActive(window.get()));
        auto *incident = window->findChild<ActiveIncident *>();
        incidents::DeclareRequest request;
        request.title = QStringLiteral("Slow search");
        request.severity = QStringLiteral("SEV-2");
        QVERIFY(incident->declare(request));
        // In the Incident menu, and on a right-click of the clock.
        auto *snooze = child<QMenu>(*window, "headerUpdateClockMenu");
        QVERIFY(snooze);
        QVERIFY(
            window->menu(QStringLiteral("incidentMenu"))->actions().contains(snooze->menuAction()));
        QCOMPARE(child<QLabel>(*window, "headerNextUpdate")->contextMenuPolicy(),
                 Qt::CustomContextMenu);
        QStringList offered;
        for (QAction *action : snooze->actions())
            offered << action->text();
        QCOMPARE(offered, (QStringList{QStringLiteral("Snooze 10 minutes…"),
                                       QStringLiteral("Snooze 30 minutes…"),
                                       QStringLiteral("Snooze 60 minutes…"),
                                       QStringLiteral("No further updates needed…")}));
        auto *next = child<QLabel>(*window, "headerNextUpdate");
        QVERIFY(incident->pauseUpdates(60, QStringLiteral("vendor call at the hour")));
        QTRY_VERIFY2(next->text().startsWith(QStringLiteral("Next update in 59:")) ||
                         next->text() == QStringLiteral("Next update in 1:00:00"),
                     qPrintable(next->text()));
        QVERIFY(incident->pauseUpdates(0, QStringLiteral("resolved for customers")));
        QTRY_COMPARE(next->text(), QStringLiteral("No update due"));
        QVERIFY(incident->setStatus(incidents::Status::Resolved));
    }

    // The deputy's call-out on an injected clock: hidden until the severity's interval has
    // passed, then saying where the response stands; Copy and Done record it and the next
    // one is an interval later.
    void theCallOutReminderComesEveryInterval()
    {
        auto window = openWindow();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        auto *incident = window->findChild<ActiveIncident *>();
        incidents::DeclareRequest request;
        request.title = QStringLiteral("Checkout 502s");
        request.severity = QStringLiteral("SEV-1"); // every 10 minutes
        QVERIFY(incident->declare(request));
        auto *reminder = child<CallOutReminder>(*window, "callOutReminder");
        QVERIFY(reminder);
        const QDateTime start = QDateTime::currentDateTimeUtc();
        reminder->updateClock(start.addSecs(9 * 60));
        QVERIFY(!reminder->isVisible());
        reminder->updateClock(start.addSecs(11 * 60));
        QVERIFY(reminder->isVisible());
        auto *callOutText = child<QLabel>(*window, "callOutText");
        QTextDocument shown;
        shown.setHtml(callOutText->text());
        const QString said = shown.toPlainText();
        QVERIFY2(said.startsWith(QStringLiteral("Call-out due: 11 min in · ")), qPrintable(said));
        QVERIFY(said.contains(QStringLiteral("overdue")));
        QVERIFY(
            callOutText->toolTip().startsWith(QStringLiteral("11 min in (SEV-1, investigating).")));
        QVERIFY(window->width() <= 1440);

        QTest::mouseClick(child<QPushButton>(*window, "callOutCopy"), Qt::LeftButton);
        QVERIFY(QGuiApplication::clipboard()->text().startsWith(QStringLiteral("11 min in")));
        auto *timeline = child<QListWidget>(*window, "timelineList");
        QTRY_VERIFY(timeline->item(timeline->count() - 1)
                        ->text()
                        .contains(QStringLiteral("Call-out: 11 min in")));
        // The call-out was made at the real time, so the next one counts from there.
        const QDateTime made = QDateTime::currentDateTimeUtc();
        reminder->updateClock(made);
        QVERIFY(!reminder->isVisible());
        reminder->updateClock(made.addSecs(9 * 60));
        QVERIFY(!reminder->isVisible());
        reminder->updateClock(made.addSecs(10 * 60 + 1));
        QVERIFY(reminder->isVisible());
        QTest::mouseClick(child<QPushButton>(*window, "callOutDone"), Qt::LeftButton);
        reminder->updateClock(QDateTime::currentDateTimeUtc().addSecs(9 * 60));
        QVERIFY(!reminder->isVisible());
        QVERIFY(incident->setStatus(incidents::Status::Resolved));
        reminder->updateClock(made.addSecs(3600));
        QVERIFY(!reminder->isVisible());
    }

    // At 1280×800 every item's whole text is on screen without hovering: rows grow to the
    // wrapped text, also after the dock is narrowed, and a ticked item says by whom and when.
    void everyChecklistItemReadsWhole()
    {
        auto window = openWindow();
        window->resize(1280, 800);
        QVERIFY(QTest::qWaitForWindowActive(window.get()));
        auto *incident = window->findChild<ActiveIncident *>();
        incidents::DeclareRequest request;
        request.title = QStringLiteral("Checkout returns 502");
        request.severity = QStringLiteral("SEV-1");
        request.commander = QStringLiteral("Kim");
        QVERIFY(incident->declare(request));
        incident->service().setActor(QStringLiteral("Kim"));
        QVERIFY(incident->setTicked(incident->items().front().id, true));
        auto *tree = child<QTreeWidget>(*window, "checklistTree");
        const auto verifyWhole = [tree] {
            const QStyle *style = tree->style();
            // What the text gets of its column: less the indentation, the box and margins.
            const int textWidth = tree->columnWidth(0) - tree->indentation() -
                                  style->pixelMetric(QStyle::PM_IndicatorWidth) - 12;
            int rows = 0;
            for (int p = 0; p < tree->topLevelItemCount(); ++p) {
                for (int c = 0; c < tree->topLevelItem(p)->childCount(); ++c) {
                    QTreeWidgetItem *row = tree->topLevelItem(p)->child(c);
                    const QRect needed = tree->fontMetrics().boundingRect(
                        QRect(0, 0, textWidth, 10000), Qt::TextWordWrap, row->text(0));
                    const int shown = tree->visualItemRect(row).height();
                    if (shown < needed.height())
                        return QStringLiteral("'%1' needs %2 px at %3 px wide, has %4")
                            .arg(row->text(0))
                            .arg(needed.height())
                            .arg(textWidth)
                            .arg(shown);
                    ++rows;
                }
            }
            return rows >= 20 ? QString() : QStringLiteral("only %1 rows").arg(rows);
        };
        QTRY_VERIFY2(verifyWhole().isEmpty(), qPrintable(verifyWhole()));
        QVERIFY2(tree->columnWidth(0) < tree->fontMetrics().horizontalAdvance(
                                            tree->topLevelItem(0)->child(5)->text(0)),
                 "the test must show wrapped items, the checklist is wide enough for none");
        QVERIFY(tree->topLevelItem(0)->child(0)->text(0).endsWith(QStringLiteral(" by Kim")));
        QVERIFY(tree->topLevelItem(0)->child(0)->text(0).contains(QStringLiteral("\n✔ ")));

        // A narrower dock wraps into more lines; nothing is cut off then either.
        auto *dock = child<QDockWidget>(*window, "checklistDock");
        QVERIFY(dock);
        window->resizeDocks({dock}, {dock->width() - 60}, Qt::Horizontal);
        QTRY_VERIFY2(verifyWhole().isEmpty(), qPrintable(verifyWhole()));
        QVERIFY(incident->setStatus(incidents::Status::Resolved));
    }
};

QTEST_MAIN(TestIncidentCockpit)
#include "test_incident_cockpit.moc"
