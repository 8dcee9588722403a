// The incident rules that must hold whoever changes an incident: entered milestone times are
// never replaced, milestones cannot lie, item numbers never move, the channel name is the
// same in every zone. Each case reproduces a bug found by using the CLI as a new user would.

#include "IncidentTestSupport.h"
#include "comms/IncidentValues.h"
#include "incidents/CallOut.h"
#include "incidents/IncidentImport.h"
#include "incidents/Roles.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTimeZone>
#include <QtTest>

using namespace ic;
using namespace ic::incidents;

namespace {

QDateTime at(const char *iso)
{
    return QDateTime::fromString(QLatin1String(iso), Qt::ISODate);
}

} // namespace

class TestIncidentRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void enteredTimesSurviveStatusChanges()
    {
        test::IncidentFixture fixture;
        IncidentService &service = *fixture.service;
        const QString id = fixture.declare(QStringLiteral("SEV-3"));
        // Written up afterwards: the times people remember, not the time they typed them.
        QVERIFY(service.setMilestone(id, Milestone::Started, at("2026-12-01T17:00:00Z")));
        QVERIFY(service.setMilestone(id, Milestone::Detected, at("2026-12-01T17:02:00Z")));
        QVERIFY(service.setMilestone(id, Milestone::Acknowledged, at("2026-12-01T17:05:00Z")));
        QVERIFY(service.setMilestone(id, Milestone::Resolved, at("2026-12-01T17:30:00Z")));
        QVERIFY(service.setStatus(id, Status::Monitoring));
        QVERIFY(service.setStatus(id, Status::Resolved));
        const Incident incident = *fixture.store->load(id);
        QCOMPARE(incident.milestone(Milestone::Resolved), at("2026-12-01T17:30:00Z"));
        QCOMPARE(incident.mttrSeconds(), qint64(30 * 60));
        // Mitigated was empty: recorded by the status change, never after resolved.
        QCOMPARE(incident.milestone(Milestone::Mitigated), at("2026-12-01T17:30:00Z"));
        const auto events = service.events(id);
        // Then "Carry out the fix" ticks itself (done_when: milestone mitigated).
        const TimelineEvent monitoring = events.at(events.size() - 3);
        QVERIFY2(
            events.at(events.size() - 2).text.startsWith(QStringLiteral("Done: Carry out the fix")),
            qPrintable(events.at(events.size() - 2).text));
        QVERIFY2(monitoring.text.contains(QStringLiteral("mitigated recorded")),
                 qPrintable(monitoring.text));
        QVERIFY(!events.back().text.contains(QStringLiteral("resolved recorded")));
    }

    void reopeningClearsResolvedAndSaysSo()
    {
        test::IncidentFixture fixture;
        IncidentService &service = *fixture.service;
        const QString id = fixture.declare();
        QVERIFY(service.setStatus(id, Status::Resolved));
        QVERIFY(fixture.store->load(id)->milestone(Milestone::Resolved).isValid());
        QVERIFY(service.setStatus(id, Status::Monitoring));
        QVERIFY(!fixture.store->load(id)->milestone(Milestone::Resolved).isValid());
        const TimelineEvent reopened = service.events(id).back();
        QVERIFY(reopened.text.contains(QStringLiteral("cleared: reopened")));
        QVERIFY(reopened.data.contains(QStringLiteral("resolved_cleared")));
    }

    void milestonesCannotLie()
    {
        test::IncidentFixture fixture;
        IncidentService &service = *fixture.service;
        const QString id = fixture.declare();
        const auto future = service.setMilestone(id, Milestone::Resolved,
                                                 QDateTime::currentDateTimeUtc().addDays(364));
        QVERIFY(!future);
        QVERIFY2(future.error().contains(QStringLiteral("in the future")),
                 qPrintable(future.error()));
        // Another console's clock a minute ahead is still accepted.
        QVERIFY(service.setMilestone(id, Milestone::Acknowledged,
                                     QDateTime::currentDateTimeUtc().addSecs(60)));

        QVERIFY(service.setStatus(id, Status::Resolved));
        const auto cleared = service.setMilestone(id, Milestone::Resolved, {});
        QVERIFY(!cleared);
        QVERIFY2(cleared.error().contains(QStringLiteral("reopen")), qPrintable(cleared.error()));
        QCOMPARE(fixture.store->load(id)->status, Status::Resolved);
        QVERIFY(fixture.store->load(id)->mttrSeconds().has_value());
    }

    void untickTakesBackTheMilestoneItsTickRecorded()
    {
        test::IncidentFixture fixture;
        IncidentService &service = *fixture.service;
        const QString id = fixture.declare();
        fixture.startedAgo(id, 600);
        const QString acknowledge = service.items(id).front().id;
        QVERIFY(service.tick(acknowledge));
        QVERIFY(fixture.store->load(id)->milestone(Milestone::Acknowledged).isValid());
        const auto unticked = service.untick(acknowledge);
        QVERIFY(unticked);
        QVERIFY(!fixture.store->load(id)->milestone(Milestone::Acknowledged).isValid());
        const TimelineEvent event = *service.event(unticked->eventId);
        QVERIFY2(event.text.contains(QStringLiteral("milestone acknowledged cleared")),
                 qPrintable(event.text));

        // A time somebody entered after the tick stays: the untick only takes back its own.
        QVERIFY(service.tick(acknowledge));
        const QDateTime entered = QDateTime::currentDateTimeUtc().addSecs(-30);
        QVERIFY(service.setMilestone(id, Milestone::Acknowledged, entered));
        QVERIFY(service.untick(acknowledge));
        QCOMPARE(fixture.store->load(id)->milestone(Milestone::Acknowledged).toSecsSinceEpoch(),
                 entered.toSecsSinceEpoch());
    }

    void itemNumbersNeverMove()
    {
        test::IncidentFixture fixture;
        IncidentService &service = *fixture.service;
        const QString id = fixture.declare(QStringLiteral("SEV-3"));
        QMap<int, QString> before;
        for (const ChecklistItem &item : service.items(id))
            before.insert(item.number, item.text);
        QCOMPARE(before.firstKey(), 1);
        QCOMPARE(before.lastKey(), before.size());
        // SEV-1 adds items in earlier phases; they take the next numbers.
        QVERIFY(service.setSeverity(id, QStringLiteral("SEV-1")));
        QVERIFY(service.addItem(id, QStringLiteral("Investigation"), QStringLiteral("Ad hoc")));
        QVERIFY(service.attachRunbookTasks(id, QStringLiteral("Failover"),
                                           {{{}, QStringLiteral("Promote")}}));
        QVERIFY(service.addNote(id, QStringLiteral("TODO: canary")));
        QMap<int, QString> after;
        for (const ChecklistItem &item : service.items(id))
            after.insert(item.number, item.text);
        for (auto it = before.begin(); it != before.end(); ++it)
            QCOMPARE(after.value(it.key()), it.value());
        QCOMPARE(after.size(), after.lastKey()); // no gaps, no duplicates
        QVERIFY(after.size() > before.size() + 3);
        // "tick 8" is the item that was shown as 8.
        const ChecklistStore checklist = fixture.checklist();
        const QString eight = *checklist.resolveItem(id, QStringLiteral("8"));
        QCOMPARE(service.item(eight)->text, before.value(8));
    }

    void channelNameIsFixedAtDeclarationInItsZone()
    {
        test::IncidentFixture fixture;
        DeclareRequest request;
        request.title = QStringLiteral("Checkout errors");
        request.severity = QStringLiteral("SEV-2");
        request.timeZone = QStringLiteral("America/New_York");
        const auto declared = fixture.service->declare(request);
        QVERIFY(declared);
        const Incident incident = *fixture.store->load(declared->incidentId);
        QCOMPARE(incident.timeZone, QStringLiteral("America/New_York"));
        const QDateTime started = incident.milestone(Milestone::Started);
        const QString expected =
            QStringLiteral("#incident-") + started.toTimeZone(QTimeZone("America/New_York"))
                                               .toString(QStringLiteral("yyyy-MM-dd-HHmm"));
        QCOMPARE(incident.channel, expected);
        // A reader in Kolkata fills the same name into every draft.
        qputenv("TZ", "Asia/Kolkata");
        const QVariantMap values = comms::incidentValues(fixture.service->document(incident.id),
                                                         QDateTime::currentDateTimeUtc());
        qunsetenv("TZ");
        QCOMPARE(values.value(QStringLiteral("channel")).toString(), expected);
    }

    // "Next update by 17:09" means nothing to a reader two zones away: drafts give the times
    // of the zone the incident was declared in, and name it where a reader acts on it.
    void draftTimesAreInTheIncidentsZoneAndNameIt()
    {
        test::IncidentFixture fixture;
        DeclareRequest request;
        request.title = QStringLiteral("Checkout errors");
        request.severity = QStringLiteral("SEV-2");
        request.timeZone = QStringLiteral("Europe/Berlin");
        const auto declared = fixture.service->declare(request);
        QVERIFY(declared);
        const QJsonObject document = fixture.service->document(declared->incidentId);
        const QDateTime due =
            fromStoredTime(document.value(QStringLiteral("next_update_at")).toString());
        QVERIFY(due.isValid());
        const QDateTime inBerlin = due.toTimeZone(QTimeZone("Europe/Berlin"));
        const QString expected =
            inBerlin.toString(QStringLiteral("HH:mm ")) + inBerlin.timeZoneAbbreviation();
        qputenv("TZ", "Asia/Kolkata");
        const QVariantMap values = comms::incidentValues(document, QDateTime::currentDateTimeUtc());
        qunsetenv("TZ");
        QCOMPARE(values.value(QStringLiteral("next_update")).toString(), expected);
        QCOMPARE(values.value(QStringLiteral("time_zone")).toString(),
                 inBerlin.timeZoneAbbreviation());
        const QVariantMap firstEvent =
            values.value(QStringLiteral("timeline")).toList().first().toMap();
        const QDateTime started =
            fixture.store->load(declared->incidentId)->milestone(Milestone::Started);
        QCOMPARE(firstEvent.value(QStringLiteral("time")).toString(),
                 started.toTimeZone(QTimeZone("Europe/Berlin")).toString(QStringLiteral("HH:mm")));
    }

    void searchIsLiteralAndFoldsCase()
    {
        test::IncidentFixture fixture;
        for (const char *title : {"Zürich payments down", "100% CPU on db_1"}) {
            DeclareRequest request;
            request.title = QString::fromUtf8(title);
            request.severity = QStringLiteral("SEV-3");
            QVERIFY(fixture.service->declare(request));
        }
        QCOMPARE(fixture.store->list(QStringLiteral("%")).size(), size_t(1));
        QCOMPARE(fixture.store->list(QStringLiteral("_")).size(), size_t(1));
        QCOMPARE(fixture.store->list(QString::fromUtf8("ZÜRICH")).size(), size_t(1));
        const auto found = fixture.store->list(QStringLiteral("zürich"));
        QCOMPARE(IncidentStore::metrics(found).incidents, 1);
        const auto tooShort = fixture.store->resolveId(QStringLiteral("abc"));
        QVERIFY(!tooShort);
        QVERIFY2(tooShort.error().contains(QStringLiteral("at least its first 4")),
                 qPrintable(tooShort.error()));
    }

    void serviceNamesAreTrimmedAndSplit()
    {
        test::IncidentFixture fixture;
        DeclareRequest request;
        request.title = QStringLiteral("Cache down");
        request.severity = QStringLiteral("SEV-2");
        request.services = {QStringLiteral("db, cache"), QStringLiteral(" queue "),
                            QStringLiteral(" , ")};
        const auto declared = fixture.service->declare(request);
        QVERIFY(declared);
        QCOMPARE(
            fixture.store->load(declared->incidentId)->services,
            QStringList({QStringLiteral("db"), QStringLiteral("cache"), QStringLiteral("queue")}));
    }

    // The deputy's clock: a snooze moves the next update with a reason on the timeline, "no
    // further updates" stops it, and the next update sent starts the usual rhythm again.
    void updateReminderCanBeSnoozedOrStoppedWithAReason()
    {
        test::IncidentFixture fixture;
        const QString id = fixture.declare(QStringLiteral("SEV-2")); // an update every 30 min
        IncidentService &service = *fixture.service;
        const auto dueIn = [&] {
            const QDateTime due = fixture.store->nextUpdateDue(*fixture.store->load(id));
            return due.isValid() ? QDateTime::currentDateTimeUtc().secsTo(due) : qint64(-1);
        };
        QVERIFY(dueIn() > 29 * 60 && dueIn() <= 30 * 60);

        QVERIFY(!service.pauseUpdates(id, 45, QStringLiteral("  ")));
        QVERIFY(!service.pauseUpdates(id, -5, QStringLiteral("why not")));
        const auto snoozed =
            service.pauseUpdates(id, 45, QStringLiteral("waiting for the vendor's answer"));
        QVERIFY2(snoozed, qPrintable(snoozed.error()));
        QVERIFY2(dueIn() > 44 * 60 && dueIn() <= 45 * 60, qPrintable(QString::number(dueIn())));
        const auto snoozeEvent = service.event(snoozed->eventId);
        QCOMPARE(snoozeEvent->kind, EventKind::UpdatesPaused);
        QVERIFY2(
            snoozeEvent->text.startsWith(QStringLiteral("Next update snoozed until ")) &&
                snoozeEvent->text.endsWith(QStringLiteral(" UTC: waiting for the vendor's answer")),
            qPrintable(snoozeEvent->text));

        QVERIFY(service.pauseUpdates(id, 0, QStringLiteral("customers told; SEV-4 now")));
        QCOMPARE(dueIn(), qint64(-1));
        QCOMPARE(service.events(id).back().text,
                 QStringLiteral("No further updates needed: customers told; SEV-4 now"));

        // Sending an update anyway starts the clock again.
        QVERIFY(service.recordMessageSent(id, QStringLiteral("update"), QStringLiteral("Update"),
                                          QStringLiteral("text"), QStringLiteral("copied")));
        QVERIFY(dueIn() > 29 * 60 && dueIn() <= 30 * 60);
    }

    // Roles: one holder each (experts several), command only by a handover that names both
    // sides and fills the handover brief; the JSON export keeps them and import restores them.
    void rolesAndHandover()
    {
        test::IncidentFixture fixture;
        const QString id = fixture.declare();
        IncidentService &service = *fixture.service;
        service.setActor(QStringLiteral("Ana"));
        const QString commander = fixture.store->load(id)->commander;

        const auto scribe = service.assignRole(id, Role::Scribe, {QStringLiteral("  Kim ")});
        QVERIFY2(scribe, qPrintable(scribe.error()));
        QCOMPARE(service.event(scribe->eventId)->text, QStringLiteral("Scribe: Kim"));
        QCOMPARE(service.assignRole(id, Role::Scribe, {QStringLiteral("Kim")}).errorKind(),
                 ErrorKind::Unchanged);
        const auto two = service.assignRole(id, Role::Deputy, {QStringLiteral("Ben, Lee")});
        QVERIFY(!two);
        QVERIFY(two.error().contains(QStringLiteral("one person holds the deputy role")));
        const auto experts = service.assignRole(
            id, Role::Expert, {QStringLiteral("Dana, Lee"), QStringLiteral("Dana")});
        QVERIFY(experts);
        QCOMPARE(fixture.store->load(id)->experts,
                 (QStringList{QStringLiteral("Dana"), QStringLiteral("Lee")}));
        QVERIFY(service.assignRole(id, Role::Deputy, {QStringLiteral("Ben")}));
        const auto command = service.assignRole(id, Role::Commander, {QStringLiteral("Ben")});
        QVERIFY(!command);
        QVERIFY(command.error().contains(QStringLiteral("handover")));
        QCOMPARE(roleOf(*fixture.store->load(id), QStringLiteral("ben")), QStringLiteral("deputy"));

        QVERIFY(!service.handOverCommand(id, QStringLiteral(" "), {}));
        const auto handed =
            service.handOverCommand(id, QStringLiteral("Ben"), QStringLiteral("vendor at 10:30"));
        QVERIFY2(handed, qPrintable(handed.error()));
        QCOMPARE(
            service.event(handed->eventId)->text,
            QStringLiteral("Command handed over from %1 to Ben: vendor at 10:30").arg(commander));
        QCOMPARE(fixture.store->load(id)->commander, QStringLiteral("Ben"));
        QCOMPARE(service.handOverCommand(id, QStringLiteral("Ben"), {}).errorKind(),
                 ErrorKind::Unchanged);
        const QVariantMap values =
            comms::incidentValues(service.document(id), QDateTime::currentDateTimeUtc());
        QCOMPARE(values.value(QStringLiteral("outgoing_commander")).toString(), commander);
        QCOMPARE(values.value(QStringLiteral("new_commander")).toString(), QStringLiteral("Ben"));
        QCOMPARE(values.value(QStringLiteral("experts")).toString(), QStringLiteral("Dana, Lee"));

        // The export carries the roles, and an import restores them.
        const QJsonObject exported = service.document(id);
        QCOMPARE(exported.value(QStringLiteral("experts")).toArray().size(), 2);
        test::IncidentFixture other;
        const auto parsed = parseIncidentExport(QJsonDocument(exported).toJson());
        QVERIFY2(parsed, qPrintable(parsed.error()));
        QVERIFY(other.service->importIncident(*parsed));
        const Incident imported = *other.store->load(id);
        QCOMPARE(imported.scribe, QStringLiteral("Kim"));
        QCOMPARE(imported.experts, (QStringList{QStringLiteral("Dana"), QStringLiteral("Lee")}));
    }

    // The deputy's call-out: due an interval (per severity) after the start, then after the
    // last one made; it says how long, what is open and overdue, who is on what and when the
    // next update is due, in the incident's zone; none at a severity without an interval.
    void callOutIsDueEveryIntervalAndSaysWhereWeAre()
    {
        test::IncidentFixture fixture;
        const QString id = fixture.declare(QStringLiteral("SEV-1")); // a call-out every 10 min
        IncidentService &service = *fixture.service;
        const QDateTime started = QDateTime::currentDateTimeUtc().addSecs(-32 * 60);
        QVERIFY(service.setMilestone(id, Milestone::Started, started));
        const auto due = [&] {
            return fixture.store->nextCallOutDue(*fixture.store->load(id));
        };
        QCOMPARE(due(), started.addSecs(10 * 60));

        auto items = service.items(id);
        QVERIFY(service.assignItem(items[1].id, QStringLiteral("Ana"), 0));
        QVERIFY(service.tick(items[0].id));
        const Incident incident = *fixture.store->load(id);
        items = service.items(id);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QString text =
            callOutText(incident, items, fixture.store->nextUpdateDue(incident), now);
        int open = 0;
        int overdue = 0;
        for (const ChecklistItem &item : items) {
            open += item.isChecked() ? 0 : 1;
            overdue += item.isOverdue(now) ? 1 : 0;
        }
        QVERIFY(overdue > 0);
        QVERIFY2(text.startsWith(QStringLiteral("32 min in (SEV-1, investigating). %1 of %2 items "
                                                "open, %3 overdue: ")
                                     .arg(open)
                                     .arg(items.size())
                                     .arg(overdue)),
                 qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("On it: Ana, ") + items[1].text), qPrintable(text));
        QVERIFY2(text.contains(
                     QRegularExpression(QStringLiteral("Next update due \\d\\d:\\d\\d \\S+\\.$"))),
                 qPrintable(text));

        const QString summary =
            callOutSummary(incident, items, fixture.store->nextUpdateDue(incident), now);
        QVERIFY2(summary.startsWith(QStringLiteral("32 min in · %1 of %2 items open, %3 overdue · "
                                                   "1 taken · next update ")
                                        .arg(open)
                                        .arg(items.size())
                                        .arg(overdue)),
                 qPrintable(summary));
        QVERIFY(!service.recordCallOut(id, QStringLiteral("  ")));
        const auto made = service.recordCallOut(id, text);
        QVERIFY(made);
        const TimelineEvent event = *service.event(made->eventId);
        QCOMPARE(event.kind, EventKind::CallOut);
        QCOMPARE(event.text, QStringLiteral("Call-out: ") + text);
        QCOMPARE(due(), event.at.addSecs(10 * 60));

        QVERIFY(service.setSeverity(id, QStringLiteral("SEV-4")));
        QVERIFY(!due().isValid());
        QVERIFY(service.setSeverity(id, QStringLiteral("SEV-3")));
        QCOMPARE(due(), event.at.addSecs(30 * 60));
        QVERIFY(service.setStatus(id, Status::Resolved));
        QVERIFY(!due().isValid());
    }
};

QTEST_GUILESS_MAIN(TestIncidentRules)
#include "test_incident_rules.moc"
