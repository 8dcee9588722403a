#include "TestSupport.h"
#include "health/HealthMonitor.h"
#include "health/probes/Probe.h"
#include "ui/HealthBoard.h"
#include "ui/HealthDetailDialog.h"
#include "ui/HealthGrid.h"
#include "ui/HealthGridFilter.h"
#include "ui/HealthGridModel.h"
#include "ui/HealthHistoryChart.h"
#include "ui/HealthTile.h"
#include "ui/MainWindow.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTableWidget>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

using namespace ic;
using namespace ic::ui;

namespace {

// A probe that has not answered yet (its check's timeout is long): the check stays pending.
class UnansweredProbe : public health::Probe
{
public:
    using Probe::Probe;

protected:
    void start() override {}
    health::Observation timedOut() override { return {}; }
};

} // namespace

// The health board driven by a real monitor running real TCP checks against 127.0.0.1.
class TestHealthBoard : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QTcpServer m_listening;
    int m_closedPort = 0;

    QString configPath() const { return m_dir.filePath(QStringLiteral("health.yaml")); }
    QByteArray config(bool withExtra) const
    {
        QString yaml =
            QStringLiteral(
                "defaults: { interval: 1s, timeout: 1s }\n"
                "checks:\n"
                "  - { name: api-port, group: api, type: tcp, host: 127.0.0.1, port: %1, "
                "runbook: service-down }\n"
                "  - { name: db-port, group: data, type: tcp, host: 127.0.0.1, port: %2 }\n"
                "  - { name: broken, type: tcp, host: 127.0.0.1 }\n")
                .arg(m_listening.serverPort())
                .arg(m_closedPort);
        if (withExtra)
            yaml += QStringLiteral("  - { name: added, group: api, type: tcp, host: 127.0.0.1, "
                                   "port: %1 }\n")
                        .arg(m_listening.serverPort());
        return yaml.toUtf8();
    }
    static QString stateOf(HealthTile *tile)
    {
        return tile ? tile->findChild<QLabel *>(QStringLiteral("healthTileState"))->text()
                    : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_listening.listen(QHostAddress::LocalHost, 0));
        // Hung up at once: a tcp check needs only the connection, and a server that keeps
        // them stops accepting after 30 (QTcpServer's pending limit), which hundreds of checks
        // would reach.
        connect(&m_listening, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_listening.nextPendingConnection()) {
                socket->abort();
                socket->deleteLater();
            }
        });
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
        m_closedPort = closed.serverPort();
    }

    void aLargeBoardStartsFoldedAndCountsItsGroups()
    {
        // More checks than a board unfolds: groups come folded, headings count their states,
        // a group's tiles exist only while it is unfolded.
        QString yaml = QStringLiteral("defaults: { interval: 1h }\nchecks:\n");
        for (int i = 0; i < HealthBoard::maxExpandedChecks + 10; ++i)
            yaml += QStringLiteral("  - { name: c%1, group: g%2, type: tcp, host: 127.0.0.1, "
                                   "port: %3 }\n")
                        .arg(i)
                        .arg(i % 2)
                        .arg(m_closedPort);
        QVERIFY(test::writeFile(configPath(), yaml.toUtf8()));
        health::HealthMonitor monitor(configPath(), QString());
        HealthBoard board(&monitor);
        board.show();
        monitor.start();
        QCOMPARE(board.view(), HealthBoard::View::Grid);
        board.setView(HealthBoard::View::Tiles);
        QVERIFY(!board.isGroupExpanded(QStringLiteral("g0")));
        QVERIFY(!board.tile(QStringLiteral("c0")));
        QVERIFY(board.findChildren<HealthTile *>().isEmpty());
        const auto counts = board.findChildren<QLabel *>(QStringLiteral("healthGroupCounts"));
        QCOMPARE(counts.size(), 2);
        QTRY_COMPARE_WITH_TIMEOUT(counts.first()->text(), QStringLiteral("105 CRIT"), 10000);
        auto *toggle = board.findChild<QToolButton *>(QStringLiteral("healthGroupToggle"));
        QVERIFY(!toggle->accessibleName().isEmpty());
        QTest::mouseClick(toggle, Qt::LeftButton);
        QVERIFY(board.isGroupExpanded(QStringLiteral("g0")));
        QVERIFY(board.tile(QStringLiteral("c0")));
        QCOMPARE(board.findChildren<HealthTile *>().size(), 105);
        QTRY_VERIFY(stateOf(board.tile(QStringLiteral("c0"))).contains(QStringLiteral("CRIT")));
        board.setGroupExpanded(QStringLiteral("g0"), false);
        QVERIFY(!board.tile(QStringLiteral("c0")));
        QTRY_VERIFY(board.findChildren<HealthTile *>().isEmpty());
    }

    // 200 checks in 10 groups, 29 of them down: the grid shows every one of the 29 first and
    // without scrolling, at the size of the health dock on a 1440×900 screen.
    void theGridPutsEveryProblemOnTheFirstScreen()
    {
        QString yaml = QStringLiteral("defaults: { interval: 1h }\nchecks:\n");
        QStringList down;
        for (int i = 0; i < 200; ++i) {
            const bool isDown = i % 7 == 3;
            const QString name = QStringLiteral("service-%1").arg(i, 3, 10, QLatin1Char('0'));
            if (isDown)
                down.append(name);
            yaml += QStringLiteral("  - { name: %1, group: team-%2, type: tcp, host: 127.0.0.1, "
                                   "port: %3%4 }\n")
                        .arg(name)
                        .arg(i % 10)
                        .arg(isDown ? m_closedPort : m_listening.serverPort())
                        .arg(i == 3 ? QStringLiteral(", runbook: service-down") : QString());
        }
        QCOMPARE(down.size(), 29);
        QVERIFY(test::writeFile(configPath(), yaml.toUtf8()));
        health::HealthMonitor monitor(configPath(), QString());
        HealthBoard board(&monitor);
        board.resize(700, 560);
        board.show();
        monitor.start();
        QCOMPARE(board.view(), HealthBoard::View::Grid);
        QVERIFY(board.findChildren<HealthTile *>().isEmpty());
        HealthGrid *grid = board.grid();
        QTRY_COMPARE_WITH_TIMEOUT(grid->shownChecks().mid(0, 29), down, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(board.findChild<QLabel *>(QStringLiteral("healthSummary"))
                                     ->text()
                                     .contains(QStringLiteral("171 OK")),
                                 10000);
        QListView *view = grid->view();
        const QRect visible = view->viewport()->rect();
        for (int row = 0; row < down.size(); ++row) {
            const QRect cell = view->visualRect(view->model()->index(row, 0));
            QVERIFY2(visible.contains(cell), qPrintable(down[row]));
        }

        // Filters: text, group, state; the count says how many of all are shown.
        grid->textFilter()->setText(QStringLiteral("SERVICE-01"));
        QCOMPARE(grid->shownChecks().size(), 10);
        auto *count = grid->findChild<QLabel *>(QStringLiteral("healthGridCount"));
        QVERIFY(count->isVisibleTo(grid));
        QCOMPARE(count->text(), QStringLiteral("10 of 200"));
        grid->textFilter()->clear();
        QVERIFY(!count->isVisibleTo(grid));
        grid->groupFilter()->setCurrentIndex(
            grid->groupFilter()->findText(QStringLiteral("team-3")));
        QCOMPARE(grid->shownChecks().size(), 20);
        grid->stateFilter()->setCurrentIndex(
            grid->stateFilter()->findText(QStringLiteral("Not OK")));
        QStringList downInTeam3;
        for (const QString &name : down)
            if (name.mid(8).toInt() % 10 == 3)
                downInTeam3.append(name);
        QCOMPARE(grid->shownChecks(), downInTeam3);
        grid->groupFilter()->setCurrentIndex(0);
        grid->stateFilter()->setCurrentIndex(grid->stateFilter()->findText(QStringLiteral("OK")));
        QCOMPARE(grid->shownChecks().size(), 171);
        grid->stateFilter()->setCurrentIndex(0);

        // By keyboard: R opens the selected check's runbook, Enter its details.
        QSignalSpy runbook(&board, &HealthBoard::runbookRequested);
        view->setFocus();
        view->setCurrentIndex(view->model()->index(0, 0));
        QCOMPARE(grid->shownChecks().first(), QStringLiteral("service-003"));
        QTest::keyClick(view, Qt::Key_R);
        QCOMPARE(runbook.count(), 1);
        QCOMPARE(runbook.first().at(0).toString(), QStringLiteral("service-down"));
        QTest::keyClick(view, Qt::Key_Right);
        QCOMPARE(view->currentIndex().row(), 1);
        QTest::keyClick(view, Qt::Key_Return);
        auto *detail = board.findChild<HealthDetailDialog *>(QStringLiteral("healthDetail"));
        QVERIFY(detail);
        QCOMPARE(detail->checkName(), down[1]);
        detail->close();
    }

    // Worst first as the issue asks: what to act on (CRIT, WARN), then what the console could
    // not tell (STALE, UNKNOWN), then OK, then checks not probed yet; by name within a state.
    void theGridOrdersWorstFirst()
    {
        QStandardItemModel rows;
        const auto add = [&](const QString &name, int position) {
            auto *item = new QStandardItem(name);
            item->setData(name, HealthGridModel::NameRole);
            item->setData(position, HealthGridModel::BoardPositionRole);
            rows.appendRow(item);
        };
        add(QStringLiteral("ok-b"), health::boardPosition(health::State::Ok));
        add(QStringLiteral("pending"), HealthGridModel::pendingPosition);
        add(QStringLiteral("unknown"), health::boardPosition(health::State::Unknown));
        add(QStringLiteral("ok-a"), health::boardPosition(health::State::Ok));
        add(QStringLiteral("stale"), health::boardPosition(health::State::Stale));
        add(QStringLiteral("warn"), health::boardPosition(health::State::Warn));
        add(QStringLiteral("crit"), health::boardPosition(health::State::Crit));
        HealthGridFilter filter;
        filter.setSourceModel(&rows);
        QStringList order;
        for (int row = 0; row < filter.rowCount(); ++row)
            order.append(filter.index(row, 0).data(HealthGridModel::NameRole).toString());
        QCOMPARE(order, (QStringList{QStringLiteral("crit"), QStringLiteral("warn"),
                                     QStringLiteral("stale"), QStringLiteral("unknown"),
                                     QStringLiteral("ok-a"), QStringLiteral("ok-b"),
                                     QStringLiteral("pending")}));
        filter.setStates(HealthGridFilter::States::NotOk);
        QCOMPARE(filter.rowCount(), 5);
    }

    // Before its first probe a check already has its group and its runbook.
    void aPendingCheckIsFilteredAndOpensItsRunbook()
    {
        QVERIFY(test::writeFile(
            configPath(), "checks:\n"
                          "  - { name: api-port, group: api, type: tcp, host: 127.0.0.1, port: 1, "
                          "timeout: 1h, interval: 1h, runbook: service-down }\n"
                          "  - { name: db-port, group: data, type: tcp, host: 127.0.0.1, port: 1, "
                          "timeout: 1h, interval: 1h }\n"));
        health::HealthMonitor monitor(configPath(), QString());
        monitor.setProbeFactory([](const health::CheckDefinition &check, QObject *parent) {
            return static_cast<health::Probe *>(new UnansweredProbe(check, parent));
        });
        HealthBoard board(&monitor);
        board.setView(HealthBoard::View::Grid);
        board.show();
        monitor.start();
        HealthGrid *grid = board.grid();
        QTRY_COMPARE(grid->shownChecks().size(), 2);
        QCOMPARE(
            grid->view()->model()->index(0, 0).data(HealthGridModel::BoardPositionRole).toInt(),
            HealthGridModel::pendingPosition);
        grid->groupFilter()->setCurrentIndex(grid->groupFilter()->findText(QStringLiteral("api")));
        QCOMPARE(grid->shownChecks(), QStringList{QStringLiteral("api-port")});
        QSignalSpy runbook(&board, &HealthBoard::runbookRequested);
        grid->view()->setCurrentIndex(grid->view()->model()->index(0, 0));
        QTest::keyClick(grid->view(), Qt::Key_R);
        QCOMPARE(runbook.count(), 1);
        QCOMPARE(runbook.first().at(0).toString(), QStringLiteral("service-down"));
    }

    void theChosenViewIsKept()
    {
        QVERIFY(test::writeFile(configPath(), config(false)));
        health::HealthMonitor monitor(configPath(), QString());
        QTemporaryDir settingsDir;
        {
            HealthBoard board(&monitor, settingsDir.path());
            QCOMPARE(board.view(), HealthBoard::View::Tiles); // three checks: tiles
            QTest::mouseClick(board.findChild<QToolButton *>(QStringLiteral("healthGridButton")),
                              Qt::LeftButton);
            QCOMPARE(board.view(), HealthBoard::View::Grid);
        }
        HealthBoard again(&monitor, settingsDir.path());
        QCOMPARE(again.view(), HealthBoard::View::Grid);
        QVERIFY(again.findChild<QToolButton *>(QStringLiteral("healthGridButton"))->isChecked());
    }

    void tilesShowLiveStatesGroupsProblemsAndRunbooks()
    {
        QVERIFY(test::writeFile(configPath(), config(false)));
        health::HealthMonitor monitor(configPath(), QString());
        MainWindow window({nullptr, m_dir.path(), {}});
        auto *board = new HealthBoard(&monitor);
        window.setAreaContent(MainWindow::Area::Health, board);
        window.show();
        monitor.start();
        QCOMPARE(window.findChild<HealthBoard *>(QStringLiteral("healthBoard")), board);

        auto *problems = board->findChild<QLabel *>(QStringLiteral("healthProblems"));
        QVERIFY(problems->isVisibleTo(board));
        QVERIFY2(problems->text().contains(QStringLiteral(":5: checks[2].port")),
                 qPrintable(problems->text()));

        QStringList headings;
        for (QLabel *label : board->findChildren<QLabel *>(QStringLiteral("healthGroupHeading")))
            headings.append(label->text());
        QCOMPARE(headings, (QStringList{QStringLiteral("api"), QStringLiteral("data")}));

        QTRY_VERIFY_WITH_TIMEOUT(
            stateOf(board->tile(QStringLiteral("api-port"))).contains(QStringLiteral("OK")), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(
            stateOf(board->tile(QStringLiteral("db-port"))).contains(QStringLiteral("CRIT")),
            10000);
        // Never colour alone: the icon and the word are there for both.
        QVERIFY(stateOf(board->tile(QStringLiteral("api-port"))).startsWith(QStringLiteral("✔")));
        QVERIFY(stateOf(board->tile(QStringLiteral("db-port"))).startsWith(QStringLiteral("✖")));
        auto *message = board->tile(QStringLiteral("db-port"))
                            ->findChild<QLabel *>(QStringLiteral("healthTileMessage"));
        QVERIFY2(message->text().contains(QStringLiteral("[CONNECTED] (false) == true")),
                 qPrintable(message->text()));
        QVERIFY(board->tile(QStringLiteral("api-port"))
                    ->findChild<QLabel *>(QStringLiteral("healthTileSince"))
                    ->text()
                    .startsWith(QStringLiteral("since ")));

        QSignalSpy runbook(board, &HealthBoard::runbookRequested);
        auto *runbookButton = board->tile(QStringLiteral("api-port"))
                                  ->findChild<QToolButton *>(QStringLiteral("healthTileRunbook"));
        QVERIFY(runbookButton->isVisibleTo(board));
        QTest::mouseClick(runbookButton, Qt::LeftButton);
        QCOMPARE(runbook.count(), 1);
        QCOMPARE(runbook.first().at(0).toString(), QStringLiteral("service-down"));
        QVERIFY(!board->tile(QStringLiteral("db-port"))
                     ->findChild<QToolButton *>(QStringLiteral("healthTileRunbook"))
                     ->isVisibleTo(board));

        // The detail view lists every condition with the value it saw.
        QTest::mouseClick(board->tile(QStringLiteral("db-port"))
                              ->findChild<QToolButton *>(QStringLiteral("healthTileDetails")),
                          Qt::LeftButton);
        auto *detail = board->findChild<HealthDetailDialog *>(QStringLiteral("healthDetail"));
        QVERIFY(detail);
        QCOMPARE(detail->checkName(), QStringLiteral("db-port"));
        auto *conditions =
            detail->findChild<QTableWidget *>(QStringLiteral("healthDetailConditions"));
        QCOMPARE(conditions->rowCount(), 1);
        QCOMPARE(conditions->item(0, 1)->text(), QStringLiteral("[CONNECTED] (false) == true"));
        QVERIFY(conditions->item(0, 0)->text().contains(QStringLiteral("failed")));
        QVERIFY(
            detail->findChild<QTableWidget *>(QStringLiteral("healthDetailHistory"))->rowCount() >=
            1);
        QVERIFY(!detail->findChild<QPushButton *>(QStringLiteral("healthDetailCopyCurl"))
                     ->isVisibleTo(detail));
        detail->close();

        // Saving health.yaml adds the new check without a restart.
        QVERIFY(test::writeFile(configPath(), config(true)));
        QTRY_VERIFY_WITH_TIMEOUT(board->tile(QStringLiteral("added")) != nullptr, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(
            stateOf(board->tile(QStringLiteral("added"))).contains(QStringLiteral("OK")), 10000);
        // A suspend is the observer's gap, said so on the board.
        auto *observerNote = board->findChild<QLabel *>(QStringLiteral("healthObserverNote"));
        QVERIFY(!observerNote->isVisibleTo(board));
        Q_EMIT monitor.observerImpaired(QDateTime::currentDateTimeUtc().addSecs(-600),
                                        QDateTime::currentDateTimeUtc());
        QVERIFY(observerNote->isVisibleTo(board));
        QVERIFY(observerNote->text().contains(QStringLiteral("not observing")));

        auto *summary = board->findChild<QLabel *>(QStringLiteral("healthSummary"));
        QVERIFY2(summary->text().contains(QStringLiteral("3 checks")), qPrintable(summary->text()));
    }

    void historyChartTellsTheDayInWords()
    {
        HealthHistoryChart chart;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QDateTime hourStart(now.date(), QTime(now.time().hour(), 0), Qt::UTC);
        QCOMPARE(chart.summary(), QStringLiteral("No results in the last 24 hours yet."));

        const auto hour = [](const QDateTime &start, qint64 total, qint64 ok, qint64 latency) {
            health::HourOfHistory entry{start, {}};
            entry.stats.total = total;
            entry.stats.ok = ok;
            entry.stats.latencyMaxMs = latency;
            for (qint64 i = 0; i < total; ++i)
                entry.stats.latency.add(latency);
            return entry;
        };
        chart.setHistory({hour(hourStart.addSecs(-5 * 3600), 10, 10, 20),
                          hour(hourStart.addSecs(-2 * 3600), 10, 9, 400), hour(hourStart, 4, 4, 20),
                          // Older than the chart's day: ignored.
                          hour(hourStart.addSecs(-30 * 3600), 5, 0, 20)},
                         now);
        const QString worst =
            hourStart.addSecs(-2 * 3600).toLocalTime().toString(QStringLiteral("HH:mm"));
        QCOMPARE(
            chart.summary(),
            QStringLiteral("2 of 3 measured hours fully OK; worst %1 at 90.0 % OK.").arg(worst));
        QCOMPARE(chart.accessibleDescription(), chart.summary());
        QVERIFY(chart.describeHour(HealthHistoryChart::hours - 3)
                    .endsWith(QStringLiteral(": 90.0 % OK of 10 results, p95 latency 400 ms")));
        QVERIFY(chart.describeHour(0).endsWith(QStringLiteral(": no results")));
        QVERIFY(chart.describeHour(HealthHistoryChart::hours - 1)
                    .endsWith(QStringLiteral(": 100.0 % OK of 4 results, p95 latency 20 ms")));
    }

    void staleWhenNoResultForTwoIntervals()
    {
        health::CheckStatus status;
        status.check.name = QStringLiteral("x");
        status.check.interval = std::chrono::seconds(10);
        status.check.timeout = std::chrono::seconds(5);
        status.hasResult = true;
        status.state = health::State::Ok;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        status.last.checkedAt = now.addSecs(-20);
        QCOMPARE(health::displayedState(status, now), health::State::Ok);
        status.last.checkedAt = now.addSecs(-26);
        QCOMPARE(health::displayedState(status, now), health::State::Stale);
        HealthTile tile(QStringLiteral("x"));
        status.last.message = QStringLiteral("port 80 open");
        tile.display(status, now);
        QVERIFY(tile.findChild<QLabel *>(QStringLiteral("healthTileState"))
                    ->text()
                    .contains(QStringLiteral("STALE")));
        QVERIFY(tile.findChild<QLabel *>(QStringLiteral("healthTileMessage"))
                    ->text()
                    .startsWith(QStringLiteral("No result since")));
    }
};

QTEST_MAIN(TestHealthBoard)
#include "test_health_board.moc"
