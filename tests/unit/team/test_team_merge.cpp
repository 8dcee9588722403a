// The merge rules of team mode (team/EventApply.h), with consoles exchanging events through a
// stand-in for the server: every console that holds the same events shows the same state,
// whatever order they arrived in; concurrent writes to one field resolve the same way
// everywhere and the loser says so on the timeline; nothing is applied twice.

#include "TeamTestSupport.h"
#include "team/ChangeJournal.h"
#include "team/Hlc.h"

#include <QSysInfo>

using namespace ic;
using namespace ic::test;
using namespace ic::incidents;

namespace {

QString itemNamed(const TeamConsole &console, const QString &incidentId, int number)
{
    for (const ChecklistItem &item : console.service->items(incidentId))
        if (item.number == number)
            return item.id;
    return {};
}

QStringList timelineTexts(const TeamConsole &console, const QString &incidentId)
{
    QStringList texts;
    for (const TimelineEvent &event : console.service->events(incidentId))
        texts.append(event.actor + QStringLiteral(": ") + event.text);
    return texts;
}

} // namespace

class TestTeamMerge : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aDeclaredIncidentArrivesWhole()
    {
        TeamConsole ana(QStringLiteral("Ana"));
        TeamConsole ben(QStringLiteral("Ben"));
        EventLog server;
        const QString id = ana.declare(QStringLiteral("SEV-1"));
        QVERIFY(!id.isEmpty());
        QCOMPARE(team::waitingEvents(ana.connection()), 1);
        server.sync(ana);
        server.sync(ben);
        QCOMPARE(ben.state(), ana.state());
        QVERIFY(ben.store->load(id));
        QCOMPARE(ben.service->items(id).size(), ana.service->items(id).size());
    }

    void ticksNotesAndFieldsFromBothSidesConverge()
    {
        TeamConsole ana(QStringLiteral("Ana"));
        TeamConsole ben(QStringLiteral("Ben"));
        EventLog server;
        const QString id = ana.declare();
        server.sync(ana);
        server.sync(ben);

        QVERIFY(ana.service->tick(itemNamed(ana, id, 1), QStringLiteral("paged")));
        QVERIFY(ben.service->addNote(id, QStringLiteral("error rate falling")));
        QVERIFY(ben.service->tick(itemNamed(ben, id, 2)));
        QVERIFY(ana.service->setStatus(id, Status::Monitoring));
        server.sync(ana);
        server.sync(ben);
        server.sync(ana);
        QCOMPARE(ben.state(), ana.state());
        const auto first = ben.service->item(itemNamed(ben, id, 1));
        QVERIFY(first && first->checkedAt.isValid());
        QCOMPARE(first->checkedBy, QStringLiteral("Ana"));
        QCOMPARE(ana.service->item(itemNamed(ana, id, 2))->checkedBy, QStringLiteral("Ben"));
        // Each change says on which console it was made.
        for (const TimelineEvent &event : ana.service->events(id))
            if (event.actor == QLatin1String("Ben"))
                QCOMPARE(event.data.value(QStringLiteral("console")).toString(),
                         QSysInfo::machineHostName());
        QCOMPARE(ben.store->load(id)->status, Status::Monitoring);
        QVERIFY(timelineTexts(ana, id)
                    .join(QLatin1Char(10))
                    .contains(QStringLiteral("error rate falling")));
    }

    // Roles and a handover reach every console; two consoles naming a different scribe at
    // once keep one, the same one everywhere.
    void rolesAndAHandoverReachEveryConsole()
    {
        TeamConsole ana(QStringLiteral("Ana"));
        TeamConsole ben(QStringLiteral("Ben"));
        EventLog server;
        const QString id = ana.declare();
        server.sync(ana);
        server.sync(ben);
        QVERIFY(ana.service->assignRole(id, Role::Expert, {QStringLiteral("Dana, Lee")}));
        QVERIFY(ana.service->assignRole(id, Role::Scribe, {QStringLiteral("Kim")}));
        QVERIFY(ben.service->assignRole(id, Role::Scribe, {QStringLiteral("Ben")}));
        QVERIFY(ben.service->assignRole(id, Role::Communications, {QStringLiteral("Ben")}));
        server.sync(ana);
        server.sync(ben);
        server.sync(ana);
        QCOMPARE(ana.state(), ben.state());
        const Incident shared = *ben.store->load(id);
        QCOMPARE(shared.experts, (QStringList{QStringLiteral("Dana"), QStringLiteral("Lee")}));
        QCOMPARE(shared.communications, QStringLiteral("Ben"));
        QVERIFY(shared.scribe == QLatin1String("Kim") || shared.scribe == QLatin1String("Ben"));

        QVERIFY(ana.service->handOverCommand(id, QStringLiteral("Ben"),
                                             QStringLiteral("vendor "
                                                            "at 10:30")));
        server.sync(ana);
        server.sync(ben);
        QCOMPARE(ben.store->load(id)->commander, QStringLiteral("Ben"));
        QVERIFY(timelineTexts(ben, id).contains(
            QStringLiteral("Ana: Command handed over from %1 to Ben: vendor at 10:30")
                .arg(shared.commander)));
        QCOMPARE(ana.state(), ben.state());
    }

    void concurrentSeverityKeepsOneAndSaysSoOnEveryConsole()
    {
        TeamConsole ana(QStringLiteral("Ana"));
        TeamConsole ben(QStringLiteral("Ben"));
        EventLog server;
        const QString id = ana.declare(QStringLiteral("SEV-3"));
        server.sync(ana);
        server.sync(ben);
        // Neither has seen the other's change.
        QVERIFY(ana.service->setSeverity(id, QStringLiteral("SEV-1")));
        QVERIFY(ben.service->setSeverity(id, QStringLiteral("SEV-2")));
        server.sync(ana);
        server.sync(ben);
        server.sync(ana);
        QCOMPARE(ana.state(), ben.state());
        const QString kept = ana.store->load(id)->severity;
        QVERIFY(kept == QLatin1String("SEV-1") || kept == QLatin1String("SEV-2"));
        const QStringList texts = timelineTexts(ana, id);
        const QStringList notKept = texts.filter(QStringLiteral("not kept"));
        QCOMPARE(notKept.size(), 1);
        // Both changes stay on the timeline; the loser names the change that was kept.
        QVERIFY2(notKept.front().contains(kept == QLatin1String("SEV-1") ? QStringLiteral("Ana")
                                                                         : QStringLiteral("Ben")),
                 qPrintable(notKept.front()));
    }

    void aLaterChangeAfterSeeingTheOtherIsNoConflict()
    {
        TeamConsole ana(QStringLiteral("Ana"));
        TeamConsole ben(QStringLiteral("Ben"));
        EventLog server;
        const QString id = ana.declare(QStringLiteral("SEV-3"));
        server.sync(ana);
        server.sync(ben);
        QVERIFY(ana.service->setSeverity(id, QStringLiteral("SEV-1")));
        server.sync(ana);
        server.sync(ben);
        QVERIFY(ben.service->setSeverity(id, QStringLiteral("SEV-2")));
        server.sync(ben);
        server.sync(ana);
        QCOMPARE(ana.store->load(id)->severity, QStringLiteral("SEV-2"));
        QCOMPARE(ana.state(), ben.state());
        QVERIFY(timelineTexts(ana, id).filter(QStringLiteral("not kept")).isEmpty());
    }

    void tickAndUntickAtOnceResolveTheSameEverywhere()
    {
        TeamConsole ana(QStringLiteral("Ana"));
        TeamConsole ben(QStringLiteral("Ben"));
        EventLog server;
        const QString id = ana.declare();
        const QString item = itemNamed(ana, id, 3);
        QVERIFY(ana.service->tick(item));
        server.sync(ana);
        server.sync(ben);
        QVERIFY(ana.service->untick(item));
        QVERIFY(ben.service->setItemNote(item, QStringLiteral("waiting on DBA")));
        QVERIFY(ben.service->untick(item));
        QVERIFY(ben.service->tick(item));
        server.sync(ben);
        server.sync(ana);
        server.sync(ben);
        QCOMPARE(ana.state(), ben.state());
        // Every tick and untick stays in the history.
        const QStringList texts = timelineTexts(ana, id);
        QCOMPARE(texts.filter(QStringLiteral("Ana")).size() >= 3, true);
        QCOMPARE(texts.filter(QStringLiteral("Ben")).size() >= 3, true);
    }

    void arrivalOrderDoesNotMatter()
    {
        TeamConsole ana(QStringLiteral("Ana"));
        TeamConsole ben(QStringLiteral("Ben"));
        TeamConsole cleo(QStringLiteral("Cleo"));
        TeamConsole dev(QStringLiteral("Dev"));
        EventLog server;
        const QString id = ana.declare(QStringLiteral("SEV-2"));
        // Milestones are after the start and never in the future: room for two of them.
        QTest::qWait(1500);
        server.sync(ana);
        for (TeamConsole *console : {&ben, &cleo, &dev})
            server.pull(*console);
        const std::size_t shared = server.events.size();

        // Ana and Ben work apart: fields, ticks, notes, an added item each.
        QVERIFY(ana.service->setSeverity(id, QStringLiteral("SEV-1")));
        QVERIFY(ana.service->tick(itemNamed(ana, id, 1)));
        QVERIFY(ana.service->addItem(id, QStringLiteral("Mitigate"), QStringLiteral("Fail over")));
        const auto anaDetected = ana.service->setMilestone(
            id, Milestone::Detected, QDateTime::currentDateTimeUtc().addMSecs(-300));
        QVERIFY2(anaDetected, qPrintable(anaDetected.error()));
        QVERIFY(ben.service->setSeverity(id, QStringLiteral("SEV-3")));
        QVERIFY(ben.service->tick(itemNamed(ben, id, 1), QStringLiteral("me too")));
        QVERIFY(ben.service->addItem(id, QStringLiteral("Mitigate"), QStringLiteral("Scale up")));
        QVERIFY(ben.service->setMilestone(id, Milestone::Detected,
                                          QDateTime::currentDateTimeUtc().addMSecs(-1000)));
        QVERIFY(ben.service->addNote(id, QStringLiteral("scaling the pool")));
        EventLog fromAna;
        EventLog fromBen;
        fromAna.push(ana);
        fromBen.push(ben);

        // Cleo hears Ana first, Dev hears Ben first; Ana and Ben each hear the other.
        fromAna.pull(cleo);
        fromBen.pull(cleo);
        fromBen.pull(dev);
        fromAna.pull(dev);
        fromBen.pull(ana);
        fromAna.pull(ben);
        QCOMPARE(dev.state(), cleo.state());
        QCOMPARE(ana.state(), cleo.state());
        QCOMPARE(ben.state(), cleo.state());
        // Both added items are there with distinct numbers.
        QCOMPARE(cleo.service->items(id).size(), ana.service->items(id).size());
        QStringList texts;
        for (const ChecklistItem &item : cleo.service->items(id))
            texts.append(item.text);
        QVERIFY(texts.contains(QStringLiteral("Fail over")));
        QVERIFY(texts.contains(QStringLiteral("Scale up")));
        // The earlier of two concurrent detection times is kept.
        const QDateTime mitigated = cleo.store->load(id)->milestone(Milestone::Detected);
        QVERIFY(mitigated < QDateTime::currentDateTimeUtc().addMSecs(-900));
        QVERIFY(shared > 0);
    }

    // Three consoles add an item at once, each taking the same next number; whatever order
    // the three additions reach a console in, every console ends with the same numbers, the
    // earliest addition keeping the number it was given.
    void threeItemsAddedAtOnceGetTheSameNumbersEverywhere()
    {
        TeamConsole ana(QStringLiteral("Ana"));
        TeamConsole ben(QStringLiteral("Ben"));
        TeamConsole cleo(QStringLiteral("Cleo"));
        EventLog server;
        const QString id = ana.declare(QStringLiteral("SEV-2"));
        server.sync(ana);
        server.pull(ben);
        server.pull(cleo);
        const int claimed = int(ana.service->items(id).size()) + 1;
        EventLog fromAna;
        EventLog fromBen;
        EventLog fromCleo;
        QVERIFY(ana.service->addItem(id, QStringLiteral("Mitigate"), QStringLiteral("Fail over")));
        fromAna.push(ana);
        QVERIFY(ben.service->addItem(id, QStringLiteral("Mitigate"), QStringLiteral("Scale up")));
        fromBen.push(ben);
        QVERIFY(cleo.service->addItem(id, QStringLiteral("Mitigate"),
                                      QStringLiteral("Page the "
                                                     "vendor")));
        fromCleo.push(cleo);
        QCOMPARE(itemNamed(cleo, id, claimed).isEmpty(), false);

        // Each of six consoles hears the three additions in another order.
        std::vector<std::unique_ptr<TeamConsole>> observers;
        const std::vector<std::vector<EventLog *>> orders{
            {&fromAna, &fromBen, &fromCleo}, {&fromAna, &fromCleo, &fromBen},
            {&fromBen, &fromAna, &fromCleo}, {&fromBen, &fromCleo, &fromAna},
            {&fromCleo, &fromAna, &fromBen}, {&fromCleo, &fromBen, &fromAna}};
        for (std::size_t i = 0; i < orders.size(); ++i) {
            observers.push_back(std::make_unique<TeamConsole>(QStringLiteral("Obs%1").arg(i)));
            server.pull(*observers.back());
            for (EventLog *log : orders[i])
                log->pull(*observers.back());
        }
        fromBen.pull(ana);
        fromCleo.pull(ana);
        fromCleo.pull(ben);
        fromAna.pull(ben);
        fromBen.pull(cleo);
        fromAna.pull(cleo);

        const auto numbers = [&](const TeamConsole &console) {
            QStringList texts;
            for (const ChecklistItem &item : console.service->items(id))
                if (item.number >= claimed)
                    texts << QStringLiteral("%1 %2").arg(item.number).arg(item.text);
            texts.sort();
            return texts;
        };
        const QStringList agreed = numbers(ana);
        QCOMPARE(agreed.size(), 3);
        for (const TeamConsole *console : {&ben, &cleo})
            QCOMPARE(numbers(*console), agreed);
        for (const auto &observer : observers)
            QCOMPARE(numbers(*observer), agreed);
        // The first addition (Ana's, by clock) keeps the number it was given.
        QVERIFY2(agreed.contains(QStringLiteral("%1 Fail over").arg(claimed)),
                 qPrintable(agreed.join(QLatin1Char('|'))));
        QCOMPARE(ana.state(), observers.back()->state());
    }

    void anEventAppliedTwiceChangesNothing()
    {
        TeamConsole ana(QStringLiteral("Ana"));
        TeamConsole ben(QStringLiteral("Ben"));
        EventLog server;
        const QString id = ana.declare();
        QVERIFY(ana.service->addNote(id, QStringLiteral("once")));
        server.sync(ana);
        server.pull(ben);
        const QString before = ben.state();
        for (const auto &[eventId, payload] : server.events) {
            const Result<team::Applied> again = EventLog::apply(ben, payload);
            QVERIFY(again);
            QCOMPARE(*again, team::Applied::AlreadyHad);
        }
        QCOMPARE(ben.state(), before);
        // Its own events coming back from the server change nothing on the console that
        // made them either.
        server.pull(ana);
        QCOMPARE(ana.state(), before);
    }

    void aConsoleThatSawAnEventStampsItsNextOneLater()
    {
        TeamConsole ahead(QStringLiteral("Ana"));
        TeamConsole behind(QStringLiteral("Ben"));
        EventLog server;
        // Ana's clock runs ten minutes ahead.
        const qint64 tenMinutesAhead = QDateTime::currentMSecsSinceEpoch() + 10 * 60 * 1000;
        QVERIFY(team::setMetaValue(ahead.connection(), team::keys::clock,
                                   team::Hlc{tenMinutesAhead, 0, QStringLiteral("x")}.toString()));
        const QString id = ahead.declare(QStringLiteral("SEV-2"));
        QVERIFY(ahead.service->setSeverity(id, QStringLiteral("SEV-1")));
        server.sync(ahead);
        server.sync(behind);
        // Ben saw Ana's change: his own, made after it, wins although his clock is behind.
        QVERIFY(behind.service->setSeverity(id, QStringLiteral("SEV-3")));
        server.sync(behind);
        server.sync(ahead);
        QCOMPARE(ahead.store->load(id)->severity, QStringLiteral("SEV-3"));
        QCOMPARE(ahead.state(), behind.state());
    }

    void joiningSharesTheIncidentsAlreadyHere()
    {
        IncidentFixture solo;
        const QString id = solo.declare();
        for (int note = 0; note < 1200; ++note)
            QVERIFY(solo.service->addNote(id, QStringLiteral("note %1").arg(note)));
        QVERIFY(team::setMetaValue(solo.connection(), team::keys::serverUri,
                                   QStringLiteral("postgresql://ic@127.0.0.1/ic")));
        const Result<int> shared =
            team::ChangeJournal(solo.connection()).shareUnjournaledIncidents(QStringLiteral("Ana"));
        QVERIFY2(shared, qPrintable(shared.error()));
        QCOMPARE(*shared, 1);
        // The timeline goes in chunks that each fit an event.
        QVERIFY(team::waitingEvents(solo.connection()) >= 3);
        TeamConsole ben(QStringLiteral("Ben"));
        EventLog server;
        server.push(solo);
        server.pull(ben);
        QCOMPARE(ben.service->events(id).size(), solo.service->events(id).size());
        QCOMPARE(ben.service->items(id).size(), solo.service->items(id).size());
    }

    void withoutATeamNothingIsJournaled()
    {
        IncidentFixture solo;
        const QString id = solo.declare();
        QVERIFY(solo.service->tick(solo.service->items(id).front().id));
        QCOMPARE(sql::scalar(solo.connection(), QStringLiteral("SELECT count(*) FROM team_events"))
                     .toInt(),
                 0);
    }
};

QTEST_GUILESS_MAIN(TestTeamMerge)
#include "test_team_merge.moc"
