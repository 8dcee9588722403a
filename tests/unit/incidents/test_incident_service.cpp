// The one place where an incident changes: every change is its state plus exactly one timeline
// event in one transaction, reported once after the commit, by one rule for the actor; what
// another connection commits is reported through the same signal.

#include "IncidentTestSupport.h"
#include "incidents/Actor.h"

#include <QSignalSpy>
#include <QtTest>
#include <algorithm>
#include <pwd.h>
#include <unistd.h>

using namespace ic;
using namespace ic::incidents;

namespace {

int eventCount(const QSqlDatabase &db)
{
    return sql::scalar(db, QStringLiteral("SELECT count(*) FROM timeline_events")).toInt();
}

// Checks that change committed exactly one event, the newest, and reported it exactly once.
void verifyOneEvent(const test::IncidentFixture &fixture, QSignalSpy &spy, int before,
                    const Result<Change> &change)
{
    QVERIFY2(change, qPrintable(change.error()));
    QCOMPARE(eventCount(fixture.connection()), before + 1);
    const auto event = fixture.service->event(change->eventId);
    QVERIFY(event);
    QCOMPARE(event->incidentId, change->incidentId);
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy.front().at(0).toString(), change->incidentId);
    QCOMPARE(spy.front().at(1).toString(), change->eventId);
    spy.clear();
}

} // namespace

class TestIncidentService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyChangeIsOneEventReportedOnce()
    {
        test::IncidentFixture fixture;
        // Self-completing items add ticks of their own; selfCompletingItems() covers those.
        fixture.withoutSelfCompletingItems();
        IncidentService &service = *fixture.service;
        QSignalSpy spy(&service, &IncidentService::incidentChanged);
        DeclareRequest request;
        request.title = QStringLiteral("Checkout errors");
        request.severity = QStringLiteral("SEV-3");
        int before = eventCount(fixture.connection());
        const auto declared = service.declare(request);
        verifyOneEvent(fixture, spy, before, declared);
        const QString id = declared->incidentId;
        const QString item = service.items(id).front().id;

        const std::vector<std::function<Result<Change>()>> changes{
            [&] { return service.tick(item, QStringLiteral("paged")); },
            [&] { return service.untick(item); },
            [&] { return service.setItemNote(item, QStringLiteral("on it")); },
            [&] { return service.assignItem(item, QStringLiteral("ben"), 10); },
            [&] {
                return service.addItem(id, QStringLiteral("Investigation"), QStringLiteral("x"));
            },
            [&] {
                return service.attachRunbookTasks(id, QStringLiteral("Failover"),
                                                  {{{}, QStringLiteral("Promote")}});
            },
            [&] { return service.addNote(id, QStringLiteral("TODO: canary")); },
            [&] { return service.setStatus(id, Status::Identified); },
            [&] { return service.setSeverity(id, QStringLiteral("SEV-1")); },
            [&] {
                return service.setMilestone(id, Milestone::Acknowledged,
                                            QDateTime::currentDateTimeUtc());
            },
            [&] {
                return service.recordMessageSent(id, QStringLiteral("update"),
                                                 QStringLiteral("Update"), QStringLiteral("t"),
                                                 QStringLiteral("copied"));
            },
            [&] { return service.savePostmortem(id, QStringLiteral("# Postmortem")); },
            [&] {
                return service.recordEvent(id, EventKind::HealthChanged, QStringLiteral("db CRIT"),
                                           {}, QStringLiteral("health"));
            },
        };
        for (const auto &change : changes) {
            before = eventCount(fixture.connection());
            verifyOneEvent(fixture, spy, before, change());
            if (QTest::currentTestFailed())
                return;
        }
        // The item that ticking acknowledges reports the milestone in the same single event.
        const QString acknowledge = service.items(id).front().id;
        QVERIFY(service.setMilestone(id, Milestone::Acknowledged, {}));
        spy.clear();
        before = eventCount(fixture.connection());
        verifyOneEvent(fixture, spy, before, service.tick(acknowledge));
        const auto note = service.addNote(id, QStringLiteral("first"));
        spy.clear();
        before = eventCount(fixture.connection());
        verifyOneEvent(fixture, spy, before, service.editNote(note->eventId, QStringLiteral("2")));
    }

    void aFailedWriteLeavesNeitherStateNorEvent()
    {
        test::IncidentFixture fixture;
        const QString id = fixture.declare();
        IncidentService &service = *fixture.service;
        const QString item = service.items(id).at(1).id;
        // The event insert fails after the item's update ran in the same transaction.
        QVERIFY(sql::exec(fixture.connection(),
                          QStringLiteral("CREATE TRIGGER refuse BEFORE INSERT ON timeline_events "
                                         "BEGIN SELECT RAISE(ABORT, 'disk says no'); END")));
        QSignalSpy spy(&service, &IncidentService::incidentChanged);
        const int before = eventCount(fixture.connection());
        const auto ticked = service.tick(item);
        QVERIFY(!ticked);
        QVERIFY2(ticked.error().contains(QStringLiteral("disk says no")),
                 qPrintable(ticked.error()));
        QVERIFY(!service.item(item)->isChecked());
        const auto status = service.setStatus(id, Status::Monitoring);
        QVERIFY(!status);
        QCOMPARE(fixture.store->load(id)->status, Status::Investigating);
        QVERIFY(!fixture.store->load(id)->milestone(Milestone::Mitigated).isValid());
        const auto note = service.addNote(id, QStringLiteral("TODO: never half-written"));
        QVERIFY(!note);
        const auto items = service.items(id);
        QVERIFY(std::none_of(items.begin(), items.end(), [](const ChecklistItem &i) {
            return i.source == QLatin1String("follow-up");
        }));
        QCOMPARE(eventCount(fixture.connection()), before);
        QCOMPARE(spy.size(), 0);
    }

    void changesFromAnotherConnectionAreReportedOnce()
    {
        test::IncidentFixture fixture;
        const QString id = fixture.declare();
        IncidentService &window = *fixture.service;
        QString error;
        auto other = Database::openAdditional(fixture.database->path(), &error);
        QVERIFY2(other, qPrintable(error));
        // The command line: its own connection and service, its own actor.
        IncidentService cli(other->connection(), window.config(), QStringLiteral("cli-user"));
        QSignalSpy spy(&window, &IncidentService::incidentChanged);
        window.checkForExternalChanges();
        QCOMPARE(spy.size(), 0);

        const auto ticked = cli.tick(cli.items(id).at(2).id);
        QVERIFY(ticked);
        window.checkForExternalChanges();
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy.front().at(0).toString(), id);
        QCOMPARE(spy.front().at(1).toString(), ticked->eventId);
        QCOMPARE(window.event(ticked->eventId)->actor, QStringLiteral("cli-user"));
        window.checkForExternalChanges();
        QCOMPARE(spy.size(), 1);

        // Several changes in between: one report per incident, naming the newest event.
        QVERIFY(cli.addNote(id, QStringLiteral("one")));
        const auto last = cli.addNote(id, QStringLiteral("two"));
        window.checkForExternalChanges();
        QCOMPARE(spy.size(), 2);
        QCOMPARE(spy.back().at(1).toString(), last->eventId);
    }

    void oneRuleForTheActor()
    {
        qputenv("USER", "login-name");
        QCOMPARE(resolveActor(QStringLiteral("  Ana  "), QStringLiteral("Ben")),
                 QStringLiteral("Ana"));
        QCOMPARE(resolveActor({}, QStringLiteral("Ben Okafor")), QStringLiteral("Ben Okafor"));
        QCOMPARE(resolveActor(QStringLiteral(" "), QStringLiteral(" ")),
                 QStringLiteral("login-name"));
        qunsetenv("USER");
        qunsetenv("LOGNAME");
        // Without those variables (a bare X session, a service) the account still has a
        // name: never "unknown user" while the process runs as an account.
        const passwd *account = getpwuid(getuid());
        QVERIFY(account);
        QCOMPARE(resolveActor({}, {}), QString::fromLocal8Bit(account->pw_name));
    }

    void assignmentNeedsAPerson()
    {
        test::IncidentFixture fixture;
        const QString id = fixture.declare();
        const auto assigned = fixture.service->assignItem(fixture.service->items(id).front().id,
                                                          QStringLiteral("  "), 10);
        QVERIFY(!assigned);
        QVERIFY(assigned.error().contains(QStringLiteral("person")));
    }

    // An escalation item's tick says on the timeline whom it called; numbers never go there.
    void escalationTickRecordsWhoWasCalled()
    {
        test::IncidentFixture fixture;
        const QString id = fixture.declare(QStringLiteral("SEV-1"));
        const auto items = fixture.service->items(id);
        const auto find = [&items](const QString &start) {
            return *std::find_if(items.begin(), items.end(),
                                 [&](const auto &item) { return item.text.startsWith(start); });
        };
        const ChecklistItem teamLead = find(QStringLiteral("Escalate: bring in the team lead"));
        const ChecklistItem management = find(QStringLiteral("Inform management"));
        const ChecklistItem plain = find(QStringLiteral("Find the root cause"));
        QCOMPARE(fixture.service->calledRole(teamLead), QStringLiteral("team-lead"));
        QCOMPARE(fixture.service->calledRole(management), QStringLiteral("engineering-manager"));
        QCOMPARE(fixture.service->calledRole(plain), QString());

        const auto ticked = fixture.service->tick(teamLead.id, {}, QStringLiteral(" Dana  Park "));
        QVERIFY2(ticked, qPrintable(ticked.error()));
        const auto event = fixture.service->event(ticked->eventId);
        QVERIFY(event);
        QCOMPARE(event->text, QStringLiteral("Done: Escalate: bring in the team lead if not under "
                                             "control — called Dana Park (team-lead)"));
        QCOMPARE(event->data.value(QStringLiteral("calls")).toString(),
                 QStringLiteral("team-lead"));
        QCOMPARE(event->data.value(QStringLiteral("called")).toString(),
                 QStringLiteral("Dana Park"));

        // Nobody known to hold the role: the role is still recorded, no name is made up.
        const auto unnamed = fixture.service->tick(management.id);
        QVERIFY(unnamed);
        const auto unnamedEvent = fixture.service->event(unnamed->eventId);
        QCOMPARE(unnamedEvent->text, QStringLiteral("Done: Inform management of the incident"));
        QCOMPARE(unnamedEvent->data.value(QStringLiteral("calls")).toString(),
                 QStringLiteral("engineering-manager"));
        QVERIFY(!unnamedEvent->data.contains(QStringLiteral("called")));

        // An item that calls nobody cannot record a call, and nothing changes.
        const auto refused = fixture.service->tick(plain.id, {}, QStringLiteral("Dana Park"));
        QVERIFY(!refused);
        QVERIFY2(refused.error().contains(QStringLiteral("calls nobody")),
                 qPrintable(refused.error()));
        QVERIFY(!fixture.service->item(plain.id)->isChecked());
    }

    // An action that fulfils an item's done_when ticks it once, as a change of its own with a
    // note saying why; it can be unticked, and a later action of the same kind ticks it again.
    void selfCompletingItems()
    {
        test::IncidentFixture fixture;
        const QString id = fixture.declare(QStringLiteral("SEV-2"));
        const auto itemNamed = [&](const QString &text) {
            for (const ChecklistItem &item : fixture.service->items(id)) {
                if (item.text == text)
                    return item;
            }
            return ChecklistItem{};
        };
        const QString announcement = QStringLiteral("Send the first announcement");
        QSignalSpy spy(fixture.service.get(), &IncidentService::incidentChanged);
        const auto sent = fixture.service->recordMessageSent(
            id, QStringLiteral("initial"), QStringLiteral("Initial alert"), QStringLiteral("text"),
            QStringLiteral("copied"));
        QVERIFY(sent);
        const ChecklistItem ticked = itemNamed(announcement);
        QVERIFY(ticked.isChecked());
        QCOMPARE(ticked.checkedBy, QStringLiteral("alice"));
        QVERIFY2(ticked.note.startsWith(QStringLiteral("ticked: Initial alert copied at ")),
                 qPrintable(ticked.note));
        // Two changes, two reports: the message, then the tick it caused.
        QCOMPARE(spy.size(), 2);
        const auto events = fixture.service->events(id);
        QCOMPARE(events.at(events.size() - 2).id, sent->eventId);
        QCOMPARE(events.back().kind, EventKind::Tick);

        // Copied again: the item is done already, nothing more happens.
        QVERIFY(fixture.service->recordMessageSent(
            id, QStringLiteral("initial"), QStringLiteral("Initial alert"), QStringLiteral("text"),
            QStringLiteral("copied")));
        QCOMPARE(fixture.service->events(id).back().kind, EventKind::UpdateSent);
        // The user disagrees and unticks; the next copy ticks it again.
        QVERIFY(fixture.service->untick(ticked.id));
        QVERIFY(!itemNamed(announcement).isChecked());
        QVERIFY(fixture.service->recordMessageSent(
            id, QStringLiteral("initial"), QStringLiteral("Initial alert"), QStringLiteral("text"),
            QStringLiteral("posted")));
        QVERIFY(itemNamed(announcement).isChecked());
        // Another template does not tick it.
        QVERIFY(fixture.service->untick(ticked.id));
        QVERIFY(fixture.service->recordMessageSent(id, QStringLiteral("update"),
                                                   QStringLiteral("Update"), QStringLiteral("text"),
                                                   QStringLiteral("copied")));
        QVERIFY(!itemNamed(announcement).isChecked());

        // Setting the acknowledged milestone by hand ticks the acknowledge item.
        QVERIFY(fixture.service->setMilestone(id, Milestone::Acknowledged,
                                              QDateTime::currentDateTimeUtc()));
        QVERIFY(itemNamed(QStringLiteral("Acknowledge the alert and take command")).isChecked());
        // Monitoring records mitigated, which fulfils "Carry out the fix".
        QVERIFY(fixture.service->setStatus(id, Status::Monitoring));
        QVERIFY(itemNamed(QStringLiteral("Carry out the fix")).isChecked());
        QVERIFY(fixture.service->savePostmortem(id, QStringLiteral("# What happened")));
        QVERIFY(itemNamed(QStringLiteral("Write the incident report")).isChecked());
    }

    void doneWhenIsCheckedWhereItIsWritten()
    {
        QString error;
        const auto parsed = parseChecklistTemplate(
            "name: X\nphases:\n  - name: P\n    items:\n"
            "      - { text: Page the vendor, done_when: \"sent: vendor-page\" }\n"
            "      - { text: Close out, done_when: \"status: resolved\" }\n",
            QStringLiteral("checklist.yaml"), &error);
        QVERIFY2(parsed, qPrintable(error));
        QCOMPARE(parsed->items.at(0).doneWhen, QStringLiteral("sent:vendor-page"));
        QCOMPARE(parsed->items.at(1).doneWhen, QStringLiteral("status:resolved"));
        QVERIFY(!parseChecklistTemplate("name: X\nphases:\n  - name: P\n    items:\n"
                                        "      - { text: Close out, done_when: when it is done }\n",
                                        QStringLiteral("checklist.yaml"), &error));
        QVERIFY2(error.startsWith(QStringLiteral("checklist.yaml:5: field 'done_when': 'when it "
                                                 "is done' is not one of")),
                 qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestIncidentService)
#include "test_incident_service.moc"
