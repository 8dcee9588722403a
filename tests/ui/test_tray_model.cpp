#include "ui/TrayModel.h"

#include <QtTest>

using namespace ic;
using namespace ic::ui;
using health::State;

// What the tray shows and announces, decided without a tray or a window.
class TestTrayModel : public QObject
{
    Q_OBJECT

private:
    const QDateTime m_now = QDateTime(QDate(2026, 3, 1), QTime(10, 0), Qt::UTC);

    TrayIncident incident(const QDateTime &nextUpdate) const
    {
        return {QStringLiteral("SEV-1"), QStringLiteral("Checkout returns 502"),
                m_now.addSecs(-(12 * 60 + 34)), nextUpdate, false};
    }

private Q_SLOTS:
    void worstStateOrdersCritUnknownStaleWarnOk()
    {
        TrayModel model;
        QCOMPARE(model.worstState(), std::nullopt);
        QVERIFY(model.toolTip(m_now).contains(QStringLiteral("Health: no results yet")));
        model.updateCheck(QStringLiteral("api"), State::Ok, State::Ok, {}, false);
        QCOMPARE(model.worstState(), State::Ok);
        QVERIFY2(model.toolTip(m_now).contains(QStringLiteral("Health: OK — all 1 checks")),
                 qPrintable(model.toolTip(m_now)));
        model.updateCheck(QStringLiteral("cache"), State::Warn, State::Warn, {}, false);
        QCOMPARE(model.worstState(), State::Warn);
        // A check without a fresh result beats a warning: nobody knows whether it is down.
        model.updateCheck(QStringLiteral("queue"), State::Ok, State::Stale, {}, false);
        QCOMPARE(model.worstState(), State::Stale);
        model.updateCheck(QStringLiteral("dns"), State::Unknown, State::Unknown, {}, false);
        QCOMPARE(model.worstState(), State::Unknown);
        model.updateCheck(QStringLiteral("db"), State::Crit, State::Crit, {}, false);
        model.updateCheck(QStringLiteral("auth"), State::Crit, State::Crit, {}, false);
        QCOMPARE(model.worstState(), State::Crit);
        QCOMPARE(model.checksIn(State::Crit),
                 (QStringList{QStringLiteral("auth"), QStringLiteral("db")}));
        QVERIFY2(model.toolTip(m_now).contains(QStringLiteral("Health: CRIT — auth, db (2 of 6 "
                                                              "checks)")),
                 qPrintable(model.toolTip(m_now)));

        model.retainChecks({QStringLiteral("api"), QStringLiteral("cache")});
        QCOMPARE(model.worstState(), State::Warn);
    }

    void checkTurningCritNotifiesOncePerTransition()
    {
        TrayModel model;
        QVERIFY(model.updateCheck(QStringLiteral("db"), State::Ok, State::Ok, {}, false).isEmpty());
        const QList<TrayNotification> first =
            model.updateCheck(QStringLiteral("db"), State::Crit, State::Crit,
                              QStringLiteral("connection refused"), false);
        QCOMPARE(first.size(), 1);
        QCOMPARE(first.first().kind, TrayNotification::Kind::CheckCrit);
        QCOMPARE(first.first().title, QStringLiteral("db is CRIT"));
        QCOMPARE(first.first().text, QStringLiteral("connection refused"));
        // Still CRIT, and CRIT gone stale: no second notification for the same transition.
        QVERIFY(
            model.updateCheck(QStringLiteral("db"), State::Crit, State::Crit, {}, false).isEmpty());
        QVERIFY(model.updateCheck(QStringLiteral("db"), State::Crit, State::Stale, {}, false)
                    .isEmpty());
        // Recovered, then down again: a new transition.
        QVERIFY(model.updateCheck(QStringLiteral("db"), State::Ok, State::Ok, {}, false).isEmpty());
        QCOMPARE(
            model.updateCheck(QStringLiteral("db"), State::Crit, State::Crit, {}, false).size(), 1);
        // WARN to CRIT is a transition too; a first result that is CRIT as well.
        model.updateCheck(QStringLiteral("api"), State::Warn, State::Warn, {}, false);
        QCOMPARE(
            model.updateCheck(QStringLiteral("api"), State::Crit, State::Crit, {}, false).size(),
            1);
        QCOMPARE(model.updateCheck(QStringLiteral("new"), State::Crit, State::Crit, {}, false)
                     .first()
                     .text,
                 QStringLiteral("The check new turned CRIT."));
        // A silenced check (maintenance) turns red on the icon but stays quiet.
        QVERIFY(model.updateCheck(QStringLiteral("maint"), State::Crit, State::Crit, {}, true)
                    .isEmpty());
        QCOMPARE(model.worstState(), State::Crit);
    }

    void tooltipNamesTheOpenIncident()
    {
        TrayModel model;
        QVERIFY(model.toolTip(m_now).endsWith(QStringLiteral("No incident in progress")));
        model.setIncident(incident(m_now.addSecs(300)));
        QVERIFY(model.hasIncident());
        const QString tip = model.toolTip(m_now);
        QVERIFY2(tip.contains(QStringLiteral(
                     "SEV-1 Checkout returns 502 — 12:34 elapsed, next update in 5:00")),
                 qPrintable(tip));
        TrayIncident drill = incident(m_now.addSecs(-90));
        drill.drill = true;
        model.setIncident(drill);
        QVERIFY2(model.toolTip(m_now).contains(
                     QStringLiteral("SEV-1 DRILL Checkout returns 502 — 12:34 elapsed, update "
                                    "overdue by 1:30")),
                 qPrintable(model.toolTip(m_now)));
        model.setIncident(std::nullopt);
        QVERIFY(!model.hasIncident());
        QVERIFY(model.toolTip(m_now).endsWith(QStringLiteral("No incident in progress")));
    }

    void updateDueNotifiesOncePerDueTime()
    {
        TrayModel model;
        QVERIFY(model.tick(m_now).isEmpty()); // no incident
        const QDateTime due = m_now.addSecs(60);
        model.setIncident(incident(due));
        QVERIFY(model.tick(m_now).isEmpty());
        QVERIFY(model.tick(due.addSecs(-1)).isEmpty());
        const QList<TrayNotification> now = model.tick(due);
        QCOMPARE(now.size(), 1);
        QCOMPARE(now.first().kind, TrayNotification::Kind::UpdateDue);
        QCOMPARE(now.first().text,
                 QStringLiteral("SEV-1 Checkout returns 502: The next update is due now."));
        QVERIFY(model.tick(due.addSecs(5)).isEmpty());
        QVERIFY(model.tick(due.addSecs(600)).isEmpty());
        // An update went out: the countdown restarted, its due time is announced again.
        const QDateTime nextDue = due.addSecs(1800);
        model.setIncident(incident(nextDue));
        QVERIFY(model.tick(due.addSecs(700)).isEmpty());
        // Seen only long after (the console was closed): the text says by how much.
        const QList<TrayNotification> late = model.tick(nextDue.addSecs(185));
        QCOMPARE(late.size(), 1);
        QVERIFY2(late.first().text.endsWith(QStringLiteral("overdue by 3:05.")),
                 qPrintable(late.first().text));
        // Severities without regular updates never fall due.
        model.setIncident(incident(QDateTime()));
        QVERIFY(model.tick(nextDue.addSecs(4000)).isEmpty());
    }

    void overdueItemNotification()
    {
        const TrayNotification n = TrayModel::itemOverdue(QStringLiteral("Page the DB on-call"));
        QCOMPARE(n.kind, TrayNotification::Kind::ItemOverdue);
        QCOMPARE(n.title, QStringLiteral("Checklist item overdue"));
        QCOMPARE(n.text, QStringLiteral("Page the DB on-call"));
    }
};

QTEST_GUILESS_MAIN(TestTrayModel)
#include "test_tray_model.moc"
