#include "TestSupport.h"
#include "health/HealthMonitor.h"
#include "storage/Database.h"
#include "ui/ActiveIncident.h"
#include "ui/FeatureLinks.h"
#include "ui/HealthBoard.h"
#include "ui/HealthDetailDialog.h"
#include "ui/HealthHistoryChart.h"
#include "ui/HealthRunbookOffers.h"
#include "ui/HealthStrip.h"
#include "ui/IncidentCockpit.h"
#include "ui/IncidentHeader.h"
#include "ui/MainWindow.h"
#include "ui/runbooks/RunbookPanel.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

using namespace ic;
using namespace ic::ui;

namespace {

const QByteArray serviceDownRunbook = R"(---
title: Service down
---
# Service down

- [ ] Check the load balancer
)";

QStringList visibleChipTexts(QWidget &window)
{
    QStringList texts;
    auto *strip = window.findChild<HealthStrip *>(QStringLiteral("healthStrip"));
    // Layout order is the order on screen.
    for (QToolButton *chip : strip->findChildren<QToolButton *>(QStringLiteral("healthStripChip")))
        if (chip->isVisibleTo(strip))
            texts.append(chip->text());
    return texts;
}

QToolButton *chipOf(QWidget &window, const QString &group)
{
    for (QToolButton *chip : window.findChildren<QToolButton *>(QStringLiteral("healthStripChip")))
        if (chip->isVisible() && chip->property("healthGroup").toString() == group)
            return chip;
    return nullptr;
}

} // namespace

// The health strip and the CRIT runbook offer in the real cockpit, fed by real TCP checks
// against 127.0.0.1: a port that listens (OK) and one that is closed, then opened, then
// closed again (CRIT, OK, CRIT).
class TestHealthStrip : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void stripShowsGroupsWorstFirstAndOffersTheRunbookOfACritCheck()
    {
        const QString folder = m_dir.filePath(QStringLiteral("runbooks"));
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(test::writeFile(folder + QStringLiteral("/service-down.md"), serviceDownRunbook));
        QTcpServer listening;
        QVERIFY(listening.listen(QHostAddress::LocalHost, 0));
        QTcpServer flipping; // closed at first: its port makes the CRIT check
        QVERIFY(flipping.listen(QHostAddress::LocalHost, 0));
        const quint16 flippingPort = flipping.serverPort();
        flipping.close();
        const QString configPath = m_dir.filePath(QStringLiteral("health.yaml"));
        QVERIFY(test::writeFile(
            configPath,
            QStringLiteral("defaults: { interval: 1s, timeout: 1s, failure_threshold: 1 }\n"
                           "checks:\n"
                           "  - { name: api-port, group: api, type: tcp, host: 127.0.0.1, "
                           "port: %1 }\n"
                           "  - { name: db-port, group: data, type: tcp, host: 127.0.0.1, "
                           "port: %2, runbook: service-down }\n")
                .arg(listening.serverPort())
                .arg(flippingPort)
                .toUtf8()));

        DatabaseOpenResult result;
        auto database = Database::open(m_dir.filePath(QStringLiteral("console.db")), &result);
        QVERIFY2(database, qPrintable(result.message));
        // With history, so the detail view has uptime and latency percentiles to show.
        health::HealthMonitor monitor(configPath, database->path());
        MainWindow window(WindowServices{database.get(), m_dir.path(), {}});
        auto *panel = new RunbookPanel(database->path(), QStringList{folder});
        QSignalSpy ready(panel, &RunbookPanel::indexReady);
        window.setAreaContent(MainWindow::Area::Runbooks, panel);
        auto *board = new HealthBoard(&monitor);
        window.setAreaContent(MainWindow::Area::Health, board);
        ActiveIncident *incident = installIncidentCockpit(window, *database, m_dir.path());
        linkHealth(window, monitor, board, panel, incident);
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTRY_VERIFY(!ready.isEmpty());
        monitor.start();

        // Peacetime: the strip is there, worst group first, icon and word on every chip.
        auto *strip = window.findChild<HealthStrip *>(QStringLiteral("healthStrip"));
        QVERIFY(strip && strip->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(
            visibleChipTexts(window) ==
                (QStringList{QStringLiteral("✖ CRIT data"), QStringLiteral("✔ OK api")}),
            10000);
        QToolButton *data = chipOf(window, QStringLiteral("data"));
        // The tooltip names each check with its state and last message.
        QVERIFY2(data->toolTip().contains(QStringLiteral("✖ CRIT db-port: Connection refused")) &&
                     data->toolTip().contains(QStringLiteral("[CONNECTED] (false) == true")),
                 qPrintable(data->toolTip()));
        QVERIFY(data->accessibleName().contains(QStringLiteral("CRIT")));
        auto *offers =
            window.findChild<HealthRunbookOffers *>(QStringLiteral("healthRunbookOffers"));
        QVERIFY(offers);
        QVERIFY(offers->offeredChecks().isEmpty()); // no incident, no offer
        QVERIFY(!offers->isVisible());

        // Declaring an incident offers the runbook of the check that is CRIT already, without
        // taking the focus from where the commander is typing.
        auto *search = panel->findChild<QLineEdit *>(QStringLiteral("runbookSearch"));
        search->setFocus();
        QTRY_VERIFY(search->hasFocus());
        incidents::DeclareRequest request;
        request.title = QStringLiteral("Database unreachable");
        request.severity = QStringLiteral("SEV-2");
        QVERIFY(incident->declare(request));
        QCOMPARE(offers->offeredChecks(), QStringList{QStringLiteral("db-port")});
        QVERIFY(offers->isVisible());
        QVERIFY(QApplication::activeModalWidget() == nullptr);
        QVERIFY(search->hasFocus());
        auto *text = offers->findChild<QLabel *>(QStringLiteral("healthRunbookOfferText"));
        QCOMPARE(text->text(), QStringLiteral("✖ CRIT: db-port — open runbook “Service down”"));

        auto *reader = panel->findChild<QTabWidget *>(QStringLiteral("runbookReader"));
        const int tabsBefore = reader->count();
        QTest::mouseClick(
            offers->findChild<QPushButton *>(QStringLiteral("healthRunbookOfferOpen")),
            Qt::LeftButton);
        QTRY_COMPARE(reader->count(), tabsBefore + 1);
        QTRY_VERIFY(
            reader->tabText(reader->currentIndex()).contains(QStringLiteral("Service down")));

        // Dismissed stays dismissed while the check stays CRIT …
        QTest::mouseClick(
            offers->findChild<QToolButton *>(QStringLiteral("healthRunbookOfferDismiss")),
            Qt::LeftButton);
        QVERIFY(offers->offeredChecks().isEmpty());
        QTRY_VERIFY(!offers->isVisible());
        QSignalSpy results(&monitor, &health::HealthMonitor::statusChanged);
        QTRY_VERIFY_WITH_TIMEOUT(results.count() >= 4, 10000); // two more rounds of both checks
        QVERIFY(offers->offeredChecks().isEmpty());

        // … the recovery shows on the strip and the next CRIT is offered again.
        QVERIFY(flipping.listen(QHostAddress::LocalHost, flippingPort));
        QTRY_VERIFY_WITH_TIMEOUT(
            visibleChipTexts(window) ==
                (QStringList{QStringLiteral("✔ OK api"), QStringLiteral("✔ OK data")}),
            10000);
        flipping.close();
        QTRY_COMPARE_WITH_TIMEOUT(offers->offeredChecks(), QStringList{QStringLiteral("db-port")},
                                  10000);

        // A click on a bad group's chip opens its worst check's details.
        QTRY_VERIFY(
            chipOf(window, QStringLiteral("data")) &&
            chipOf(window, QStringLiteral("data"))->text().contains(QStringLiteral("CRIT")));
        QTest::mouseClick(chipOf(window, QStringLiteral("data")), Qt::LeftButton);
        auto *detail = window.findChild<HealthDetailDialog *>(QStringLiteral("healthDetail"));
        QVERIFY(detail);
        QCOMPARE(detail->checkName(), QStringLiteral("db-port"));
        auto *latency = detail->findChild<QLabel *>(QStringLiteral("healthDetailLatency"));
        QTRY_VERIFY_WITH_TIMEOUT(
            latency->text().startsWith(QStringLiteral("Latency p50 / p95 / p99: 1 h ")) &&
                latency->text().contains(QStringLiteral(" ms · 24 h ")),
            10000);
        // The chart of the day: db-port has failed in every hour it was measured.
        QVERIFY(detail->findChild<HealthHistoryChart *>(QStringLiteral("healthDetailChart")));
        QTRY_VERIFY(detail->findChild<QLabel *>(QStringLiteral("healthDetailChartSummary"))
                        ->text()
                        .startsWith(QStringLiteral("0 of 1 measured hours fully OK; worst ")));
        detail->close();

        // Resolving the incident withdraws the offer; the strip stays.
        QVERIFY(incident->setStatus(incidents::Status::Resolved));
        QVERIFY(offers->offeredChecks().isEmpty());
        QVERIFY(strip->isVisible());
    }

    void manyGroupsCollapseIntoMore()
    {
        QString yaml = QStringLiteral("checks:\n");
        const int groups = HealthStrip::maxChips + 3;
        for (int i = 0; i < groups; ++i)
            yaml += QStringLiteral("  - { name: c%1, group: g%1, type: tcp, host: 127.0.0.1, "
                                   "port: 9 }\n")
                        .arg(i);
        const QString configPath = m_dir.filePath(QStringLiteral("many.yaml"));
        QVERIFY(test::writeFile(configPath, yaml.toUtf8()));
        health::HealthMonitor monitor(configPath, QString());
        monitor.reload(); // the checks without running them: all wait for a first probe
        HealthStrip strip(&monitor);
        // Room for every chip: the cap alone decides here.
        strip.resize(4000, strip.sizeHint().height());
        strip.show();
        QVERIFY(QTest::qWaitForWindowExposed(&strip));
        const QStringList texts = [&] {
            QStringList shown;
            for (QToolButton *chip :
                 strip.findChildren<QToolButton *>(QStringLiteral("healthStripChip")))
                if (chip->isVisibleTo(&strip))
                    shown.append(chip->text());
            return shown;
        }();
        QCOMPARE(texts.size(), HealthStrip::maxChips - 1);
        QCOMPARE(texts.first(), QStringLiteral("… waiting g0"));
        auto *more = strip.findChild<QToolButton *>(QStringLiteral("healthStripMore"));
        QVERIFY(more->isVisibleTo(&strip));
        QCOMPARE(more->text(), QStringLiteral("+4 more"));
        QSignalSpy board(&strip, &HealthStrip::boardRequested);
        QTest::mouseClick(more, Qt::LeftButton);
        QCOMPARE(board.count(), 1);
    }

    // 200 checks in 10 groups with long names and a long incident title: the window still
    // fits a 1280×800 screen; the chips that do not fit are counted in "+N more".
    void windowFitsTheScreenWithManyGroups()
    {
        QString yaml = QStringLiteral("checks:\n");
        for (int group = 0; group < 10; ++group)
            for (int check = 0; check < 20; ++check)
                yaml += QStringLiteral("  - { name: svc-%1-%2, group: payments-region-%1-"
                                       "primary-cluster, type: tcp, host: 127.0.0.1, port: 9 }\n")
                            .arg(group)
                            .arg(check);
        QTemporaryDir dataDir;
        const QString configPath = dataDir.filePath(QStringLiteral("health.yaml"));
        QVERIFY(test::writeFile(configPath, yaml.toUtf8()));
        DatabaseOpenResult result;
        auto database = Database::open(dataDir.filePath(QStringLiteral("console.db")), &result);
        QVERIFY2(database, qPrintable(result.message));
        health::HealthMonitor monitor(configPath, QString());
        monitor.reload();
        MainWindow window(WindowServices{database.get(), dataDir.path(), {}});
        ActiveIncident *incident = installIncidentCockpit(window, *database, dataDir.path());
        auto *strip = new HealthStrip(&monitor, &window);
        window.header()->addRow(strip);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        incidents::DeclareRequest request;
        request.title = QStringLiteral("Checkout, payments and every regional replica of the "
                                       "orders database are failing for customers in Europe, "
                                       "Asia and both Americas at once");
        request.severity = QStringLiteral("SEV-1");
        QVERIFY(incident->declare(request));
        QVERIFY2(window.minimumSizeHint().width() <= 1280,
                 qPrintable(QString::number(window.minimumSizeHint().width())));
        QTRY_VERIFY(window.width() <= 1280);
        // The whole title is readable: it wraps instead of ending in "…".
        auto *title = window.findChild<QLabel *>(QStringLiteral("headerTitle"));
        QCOMPARE(title->text(), request.title);
        QTRY_VERIFY2(title->height() >= title->fontMetrics()
                                            .boundingRect(QRect(0, 0, title->width(), 10000),
                                                          Qt::TextWordWrap, request.title)
                                            .height(),
                     qPrintable(QStringLiteral("%1x%2").arg(title->width()).arg(title->height())));
        auto *more = strip->findChild<QToolButton *>(QStringLiteral("healthStripMore"));
        QTRY_VERIFY(more->isVisible());
        int chips = 0;
        for (QToolButton *chip :
             strip->findChildren<QToolButton *>(QStringLiteral("healthStripChip")))
            chips += chip->isVisible() ? 1 : 0;
        QVERIFY(chips >= 1);
        QCOMPARE(more->text(), QStringLiteral("+%1 more").arg(10 - chips));
        // Every visible chip is whole inside the strip.
        for (QToolButton *chip :
             strip->findChildren<QToolButton *>(QStringLiteral("healthStripChip")))
            if (chip->isVisible())
                QVERIFY(chip->geometry().right() <= more->geometry().left());
        // A wider window shows more chips and counts fewer.
        window.resize(2400, 800);
        QTRY_VERIFY(more->text() != QStringLiteral("+%1 more").arg(10 - chips));
        QVERIFY(incident->setStatus(incidents::Status::Resolved));
    }
};

QTEST_MAIN(TestHealthStrip)
#include "test_health_strip.moc"
