#include "IncidentTestSupport.h"
#include "comms/IncidentValues.h"
#include "comms/Placeholders.h"
#include "incidents/IncidentDocument.h"

#include <QtTest>

using namespace ic;
using namespace ic::incidents;

class TestIncidentLifecycle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void declareCreatesChecklistAndTimeline()
    {
        test::IncidentFixture fixture;
        const QString id = fixture.declare(QStringLiteral("sev-1"));
        QVERIFY(!id.isEmpty());
        const auto incident = fixture.store->load(id);
        QVERIFY(incident);
        QCOMPARE(incident->severity, QStringLiteral("SEV-1"));
        QCOMPARE(incident->status, Status::Investigating);
        QCOMPARE(incident->services,
                 QStringList({QStringLiteral("checkout"), QStringLiteral("payments")}));
        QVERIFY(incident->milestone(Milestone::Started).isValid());

        const auto items = fixture.checklist().items(id);
        QStringList phases;
        for (const ChecklistItem &item : items) {
            if (!phases.contains(item.phase))
                phases << item.phase;
        }
        QCOMPARE(phases,
                 QStringList({QStringLiteral("Initial response"), QStringLiteral("Investigation"),
                              QStringLiteral("Resolution"), QStringLiteral("Post-incident")}));
        // SEV-1 adds management notification and the postmortem meeting to the template.
        QVERIFY(std::any_of(items.begin(), items.end(), [](const ChecklistItem &item) {
            return item.text.contains(QStringLiteral("postmortem meeting")) &&
                   item.dueOffsetSeconds == 3 * 86400;
        }));
        const auto events = fixture.timeline().events(id);
        QCOMPARE(events.size(), size_t(1));
        QCOMPARE(events.front().kind, EventKind::Declared);
        QCOMPARE(events.front().actor, QStringLiteral("alice"));
    }

    void unknownSeverityNamesTheChoices()
    {
        test::IncidentFixture fixture;
        DeclareRequest request;
        request.title = QStringLiteral("x");
        request.severity = QStringLiteral("SEV-9");
        const auto declared = fixture.service->declare(request);
        QVERIFY(!declared);
        QVERIFY2(declared.error().contains(QStringLiteral("SEV-1, SEV-2, SEV-3, SEV-4")),
                 qPrintable(declared.error()));
    }

    void dueTimesFollowSeverity()
    {
        test::IncidentFixture fixture;
        const QString critical = fixture.declare(QStringLiteral("SEV-1"));
        const QString low = fixture.declare(QStringLiteral("SEV-4"));
        auto dueOf = [&](const QString &id, const QString &text) {
            for (const ChecklistItem &item : fixture.checklist().items(id)) {
                if (item.text.contains(text))
                    return item.dueOffsetSeconds.value_or(-1);
            }
            return qint64(-2);
        };
        const QString team = QStringLiteral("investigation team");
        QCOMPARE(dueOf(critical, team), qint64(15 * 60));
        QCOMPARE(dueOf(low, team), qint64(24 * 3600));
        QCOMPARE(dueOf(critical, QStringLiteral("Acknowledge")), qint64(5 * 60));
        QCOMPARE(dueOf(low, QStringLiteral("Inform management")), qint64(-2));

        fixture.startedAgo(critical, 600);
        const auto items = fixture.checklist().items(critical);
        const auto incident = fixture.store->load(critical);
        QCOMPARE(items.front().dueAt, incident->milestone(Milestone::Started).addSecs(300));
        QVERIFY(items.front().isOverdue(QDateTime::currentDateTimeUtc()));
    }

    void statusChangesRecordOldAndNew()
    {
        test::IncidentFixture fixture;
        const QString id = fixture.declare();
        IncidentService &service = *fixture.service;
        service.setActor(QStringLiteral("bob"));
        QVERIFY(service.setStatus(id, Status::Identified));
        const auto again = service.setStatus(id, Status::Identified);
        QVERIFY(!again);
        QVERIFY(again.error().contains(QStringLiteral("already")));
        QVERIFY(service.setStatus(id, Status::Monitoring));
        QVERIFY(fixture.store->load(id)->milestone(Milestone::Mitigated).isValid());
        QVERIFY(service.setStatus(id, Status::Resolved));
        const auto resolved = fixture.store->load(id);
        QVERIFY(resolved->milestone(Milestone::Resolved).isValid());
        QVERIFY(!resolved->isOpen());
        const auto events = fixture.timeline().events(id);
        const TimelineEvent &last = events.back();
        QCOMPARE(last.kind, EventKind::Status);
        QCOMPARE(last.data.value(QStringLiteral("old")).toString(), QStringLiteral("monitoring"));
        QCOMPARE(last.data.value(QStringLiteral("new")).toString(), QStringLiteral("resolved"));
        QVERIFY(last.text.contains(statusSentence(Status::Resolved)));
    }

    void severityChangeRecordsOldAndNew()
    {
        test::IncidentFixture fixture;
        const QString id = fixture.declare(QStringLiteral("SEV-3"));
        const auto unknown = fixture.service->setSeverity(id, QStringLiteral("SEV-7"));
        QVERIFY(!unknown);
        QVERIFY(unknown.error().contains(QStringLiteral("SEV-4")));
        QVERIFY(fixture.service->setSeverity(id, QStringLiteral("sev-1")));
        QCOMPARE(fixture.store->load(id)->severity, QStringLiteral("SEV-1"));
        // The team deadline follows the new response target; SEV-1's own items are added.
        bool management = false;
        for (const ChecklistItem &item : fixture.checklist().items(id)) {
            if (item.text.contains(QStringLiteral("investigation team")))
                QCOMPARE(item.dueOffsetSeconds, qint64(15 * 60));
            management |= item.text == QStringLiteral("Inform management of the incident") &&
                          item.phase == QStringLiteral("Initial response");
        }
        QVERIFY(management);
        const TimelineEvent last = fixture.timeline().events(id).back();
        QCOMPARE(last.kind, EventKind::Severity);
        QCOMPARE(last.data.value(QStringLiteral("old")).toString(), QStringLiteral("SEV-3"));
        QCOMPARE(last.data.value(QStringLiteral("new")).toString(), QStringLiteral("SEV-1"));
    }

    void milestoneOrderingIsChecked()
    {
        test::IncidentFixture fixture;
        const QString id = fixture.declare();
        fixture.startedAgo(id, 3 * 3600); // every time below lies in the past
        const QDateTime started = fixture.store->load(id)->milestone(Milestone::Started);
        IncidentService &service = *fixture.service;
        const auto early = service.setMilestone(id, Milestone::Resolved, started.addSecs(-60));
        QVERIFY(!early);
        QVERIFY2(early.error().contains(QStringLiteral("resolved")) &&
                     early.error().contains(QStringLiteral("cannot be before started")),
                 qPrintable(early.error()));
        QVERIFY(service.setMilestone(id, Milestone::Resolved, started.addSecs(3600)));
        const auto late = service.setMilestone(id, Milestone::Acknowledged, started.addSecs(7200));
        QVERIFY(!late);
        QVERIFY2(late.error().contains(QStringLiteral("cannot be after resolved")),
                 qPrintable(late.error()));
        QVERIFY(!service.setMilestone(id, Milestone::Started, {}));
        QVERIFY(service.setMilestone(id, Milestone::Acknowledged, started.addSecs(240)));
        QCOMPARE(fixture.store->load(id)->mttaSeconds(), qint64(240));
        QCOMPARE(fixture.store->load(id)->mttrSeconds(), qint64(3600));
    }

    void metricsLeaveOutDrills()
    {
        test::IncidentFixture fixture;
        const QString real = fixture.declare();
        const QString drill = fixture.declare(QStringLiteral("SEV-2"), true);
        for (const auto &[id, minutes] : {std::pair{real, 10}, std::pair{drill, 1}}) {
            fixture.startedAgo(id, 7200);
            const QDateTime started = fixture.store->load(id)->milestone(Milestone::Started);
            QVERIFY(fixture.service->setMilestone(id, Milestone::Acknowledged,
                                                  started.addSecs(minutes * 60)));
            QVERIFY(fixture.service->setMilestone(id, Milestone::Resolved,
                                                  started.addSecs(minutes * 600)));
        }
        const MetricsSummary metrics = IncidentStore::metrics(fixture.store->list());
        QCOMPARE(metrics.incidents, 1);
        QCOMPARE(metrics.meanMttaSeconds, qint64(600));
        QCOMPARE(metrics.meanMttrSeconds, qint64(6000));
    }

    void tickAndUntickKeepTheHistory()
    {
        test::IncidentFixture fixture;
        const QString id = fixture.declare();
        IncidentService &service = *fixture.service;
        const QString first = service.items(id).front().id;
        QVERIFY(service.tick(first, QStringLiteral("paged")));
        auto item = service.item(first);
        QVERIFY(item->isChecked());
        QCOMPARE(item->checkedBy, QStringLiteral("alice"));
        QCOMPARE(item->note, QStringLiteral("paged"));
        // The acknowledge item records the milestone, said by the tick's own event.
        QVERIFY(fixture.store->load(id)->milestone(Milestone::Acknowledged).isValid());
        QCOMPARE(service.events(id).back().data.value(QStringLiteral("milestone")).toString(),
                 QStringLiteral("acknowledged"));
        service.setActor(QStringLiteral("bob"));
        QVERIFY(!service.tick(first));
        QVERIFY(service.untick(first));
        QVERIFY(!service.item(first)->isChecked());
        service.setActor(QStringLiteral("carol"));
        QVERIFY(service.tick(first));
        QStringList kinds;
        for (const TimelineEvent &event : service.events(id))
            kinds << event.kind + QLatin1Char('/') + event.actor;
        QCOMPARE(kinds, QStringList({QStringLiteral("declared/alice"), QStringLiteral("tick/alice"),
                                     QStringLiteral("untick/bob"), QStringLiteral("tick/carol")}));
    }

    void itemsResolveByNumberOrId()
    {
        test::IncidentFixture fixture;
        const QString id = fixture.declare();
        ChecklistStore checklist = fixture.checklist();
        const auto items = checklist.items(id);
        QCOMPARE(*checklist.resolveItem(id, QStringLiteral("2")), items[1].id);
        QCOMPARE(*checklist.resolveItem(id, items[3].id), items[3].id);
        const auto none = checklist.resolveItem(id, QStringLiteral("0"));
        QVERIFY(!none);
        QVERIFY(none.error().contains(QStringLiteral("from 1 to %1").arg(items.size())));
    }

    void adHocItemsAndAttachedTasks()
    {
        test::IncidentFixture fixture;
        const QString id = fixture.declare();
        IncidentService &service = *fixture.service;
        const size_t before = service.items(id).size();
        QVERIFY(
            service.addItem(id, QStringLiteral("Investigation"), QStringLiteral("Check the CDN")));
        QVERIFY(service.attachRunbookTasks(
            id, QStringLiteral("database failover"),
            {{QStringLiteral("Failover"), QStringLiteral("Promote replica")},
             {QStringLiteral("Failover > Verify"), QStringLiteral("Check lag")}}));
        QVERIFY(!service.attachRunbookTasks(id, QStringLiteral("empty"), {}));
        const auto items = service.items(id);
        QCOMPARE(items.size(), before + 3);
        QCOMPARE(items.back().phase, QStringLiteral("Runbook: database failover"));
        QCOMPARE(items.back().source, QStringLiteral("runbook"));
        const auto adHoc = std::find_if(items.begin(), items.end(), [](const ChecklistItem &i) {
            return i.text == QStringLiteral("Check the CDN");
        });
        QVERIFY(adHoc != items.end());
        QCOMPARE(adHoc->phase, QStringLiteral("Investigation"));
        QCOMPARE(std::next(adHoc)->phase, QStringLiteral("Resolution"));
        QCOMPARE(fixture.timeline().events(id).back().kind, EventKind::TasksAttached);
    }

    void notesCanBeEditedAndDeletedButEventsCannot()
    {
        test::IncidentFixture fixture;
        const QString id = fixture.declare();
        IncidentService &service = *fixture.service;
        service.setActor(QStringLiteral("scribe"));
        const auto note = service.addNote(id, QStringLiteral("Rolled back 1.4"));
        QVERIFY(note);
        const auto edited = service.editNote(note->eventId, QStringLiteral("Rolled back 1.4.2"));
        QVERIFY(edited);
        QVERIFY(!service.editNote(note->eventId, QStringLiteral("again")));
        QVERIFY(service.deleteNote(edited->eventId));
        const QString declared = service.events(id).front().id;
        const auto permanent = service.deleteNote(declared);
        QVERIFY(!permanent);
        QVERIFY(permanent.error().contains(QStringLiteral("automatic events are permanent")));
        const auto events = service.events(id);
        QCOMPARE(events.size(), size_t(4));
        QVERIFY(events[1].superseded && events[2].superseded && !events[3].superseded);
        QCOMPARE(events[1].text, QStringLiteral("Rolled back 1.4"));
        QCOMPARE(events[3].kind, EventKind::NoteDeleted);
    }

    // "We noticed at 16:20, not 16:39": the note moves to when it happened, what it was stays
    // as history, an edit keeps the corrected time, and only times that can be true are taken.
    void aNoteMovesToWhenItHappenedKeepingItsHistory()
    {
        test::IncidentFixture fixture;
        const QString id = fixture.declare();
        IncidentService &service = *fixture.service;
        service.setActor(QStringLiteral("scribe"));
        const auto note = service.addNote(id, QStringLiteral("TODO: first 502s seen on eu-1"));
        QVERIFY(note);
        const QDateTime written = service.event(note->eventId)->at;
        const QDateTime happened = written.addSecs(-19 * 60);
        const size_t items = service.items(id).size();

        const auto moved =
            service.retimeNote(note->eventId, happened, QStringLiteral("the graphs say so"));
        QVERIFY2(moved, qPrintable(moved.error()));
        const TimelineEvent correction = *service.event(moved->eventId);
        QCOMPARE(correction.kind, EventKind::NoteRetimed);
        QCOMPARE(correction.at, happened);
        QCOMPARE(correction.text, QStringLiteral("TODO: first 502s seen on eu-1"));
        QCOMPARE(correction.actor, QStringLiteral("scribe"));
        QCOMPARE(fromStoredTime(correction.data.value(QStringLiteral("previous_at")).toString()),
                 written);
        QCOMPARE(correction.data.value(QStringLiteral("reason")).toString(),
                 QStringLiteral("the graphs say so"));
        QVERIFY(service.event(note->eventId)->superseded);
        // The follow-up item is the same one, not a second.
        QCOMPARE(service.items(id).size(), items);

        // The timeline reads in time order: the moved note sits before what was written
        // between 16:20 and 16:39, the original stays where it was, struck.
        const auto events = service.events(id);
        const auto at = [&](const QString &eventId) {
            return std::find_if(events.begin(), events.end(),
                                [&](const TimelineEvent &e) { return e.id == eventId; }) -
                   events.begin();
        };
        QVERIFY(at(moved->eventId) < at(note->eventId));

        // Editing the moved note keeps the corrected time; moving it again is allowed.
        const auto edited = service.editNote(
            moved->eventId, QStringLiteral("TODO: first 502s seen on eu-1 and eu-2"));
        QVERIFY(edited);
        QCOMPARE(service.event(edited->eventId)->at, happened);
        const auto again = service.retimeNote(edited->eventId, happened.addSecs(60), {});
        QVERIFY(again);

        // Times that cannot be true, and events that are not notes, are refused.
        const QString current = again->eventId;
        const auto future = service.retimeNote(
            current, QDateTime::currentDateTimeUtc().addSecs(3600), QStringLiteral("typo"));
        QVERIFY(!future);
        QVERIFY2(future.error().contains(QStringLiteral("in the future")),
                 qPrintable(future.error()));
        const auto ancient =
            service.retimeNote(current, written.addDays(-30), QStringLiteral("typo"));
        QVERIFY(!ancient);
        QVERIFY(ancient.error().contains(QStringLiteral("more than a week before")));
        const auto declared = service.retimeNote(service.events(id).front().id, happened, {});
        QVERIFY(!declared);
        QVERIFY(declared.error().contains(QStringLiteral("automatic events are permanent")));
        QVERIFY(!service.retimeNote(note->eventId, happened, {}));

        // A deletion of a moved note is a deletion at the time it is made.
        const auto deleted = service.deleteNote(current);
        QVERIFY(deleted);
        QVERIFY(service.event(deleted->eventId)->at > happened.addSecs(60));
    }

    void todoNoteAddsAFollowUp()
    {
        test::IncidentFixture fixture;
        const QString id = fixture.declare();
        QVERIFY(fixture.service->addNote(id, QStringLiteral("TODO: alert on queue depth")));
        const auto items = fixture.service->items(id);
        QCOMPARE(items.back().text, QStringLiteral("alert on queue depth"));
        QCOMPARE(items.back().source, QStringLiteral("follow-up"));
        QCOMPARE(items.back().phase, QStringLiteral("Post-incident"));
        // One change, one event: the note names the item it added.
        const TimelineEvent note = fixture.service->events(id).back();
        QCOMPARE(note.kind, EventKind::Note);
        QCOMPARE(note.data.value(QStringLiteral("follow_up")).toString(), items.back().id);
        // "TODO:" alone is a note, not a blank follow-up item.
        QVERIFY(fixture.service->addNote(id, QStringLiteral("TODO:  ")));
        QCOMPARE(fixture.service->items(id).size(), items.size());
    }

    // The follow-up follows its note: an edit renames it (one item, never the old task beside
    // the new one), an edit that drops "TODO:" or a deletion removes it unless it was done, and
    // an edit that makes a note a TODO adds one.
    void editedTodoMovesItsFollowUp()
    {
        test::IncidentFixture fixture;
        const QString id = fixture.declare();
        const size_t before = fixture.service->items(id).size();
        const auto added = fixture.service->addNote(id, QStringLiteral("TODO: fix alert"));
        QVERIFY(added);
        const auto edited =
            fixture.service->editNote(added->eventId, QStringLiteral("TODO: fix the pager alert"));
        QVERIFY(edited);
        auto items = fixture.service->items(id);
        QCOMPARE(items.size(), before + 1);
        QCOMPARE(items.back().text, QStringLiteral("fix the pager alert"));
        const QString followUp = items.back().id;
        QCOMPARE(fixture.service->event(edited->eventId)
                     ->data.value(QStringLiteral("follow_up"))
                     .toString(),
                 followUp);

        const auto plain =
            fixture.service->editNote(edited->eventId, QStringLiteral("The pager alert is fine"));
        QVERIFY(plain);
        QCOMPARE(fixture.service->items(id).size(), before);

        const auto again =
            fixture.service->editNote(plain->eventId, QStringLiteral("TODO: page the DBA"));
        QVERIFY(again);
        items = fixture.service->items(id);
        QCOMPARE(items.size(), before + 1);
        QCOMPARE(items.back().text, QStringLiteral("page the DBA"));
        QVERIFY(fixture.service->tick(items.back().id));
        // Done already: deleting the note leaves what was done.
        QVERIFY(fixture.service->deleteNote(again->eventId));
        QCOMPARE(fixture.service->items(id).size(), before + 1);

        const auto open = fixture.service->addNote(id, QStringLiteral("TODO: rotate the keys"));
        QVERIFY(open);
        QCOMPARE(fixture.service->items(id).size(), before + 2);
        QVERIFY(fixture.service->deleteNote(open->eventId));
        QCOMPARE(fixture.service->items(id).size(), before + 1);
    }

    void nextUpdateFollowsCadenceAndRestarts()
    {
        test::IncidentFixture fixture;
        const QString critical = fixture.declare(QStringLiteral("SEV-1"));
        const QString low = fixture.declare(QStringLiteral("SEV-4"));
        const auto incident = fixture.store->load(critical);
        QCOMPARE(fixture.store->nextUpdateDue(*incident),
                 incident->milestone(Milestone::Started).addSecs(20 * 60));
        QVERIFY(!fixture.store->nextUpdateDue(*fixture.store->load(low)).isValid());
        fixture.startedAgo(critical, 3600);
        QVERIFY(fixture.service->recordMessageSent(critical, QStringLiteral("update"),
                                                   QStringLiteral("Update"), QStringLiteral("…"),
                                                   QStringLiteral("copied")));
        const QDateTime next = fixture.store->nextUpdateDue(*fixture.store->load(critical));
        QVERIFY(next > QDateTime::currentDateTimeUtc().addSecs(19 * 60));
    }

    void otherModulesRecordTheirEvents()
    {
        test::IncidentFixture fixture;
        const QString id = fixture.declare();
        QVERIFY(fixture.service->recordEvent(
            id, EventKind::HealthChanged, QStringLiteral("orders-db OK → CRIT"),
            {{QStringLiteral("check"), QStringLiteral("orders-db")}}, QStringLiteral("health")));
        const TimelineEvent last = fixture.service->events(id).back();
        QCOMPARE(last.kind, EventKind::HealthChanged);
        QCOMPARE(last.actor, QStringLiteral("health"));
        QCOMPARE(last.data.value(QStringLiteral("check")).toString(), QStringLiteral("orders-db"));
        QVERIFY(!fixture.service->deleteNote(last.id));
    }

    void templateValuesFillTheCommsContract()
    {
        test::IncidentFixture fixture;
        const QString id = fixture.declare(QStringLiteral("SEV-1"));
        IncidentService &service = *fixture.service;
        QVERIFY(service.tick(service.items(id).front().id));
        QVERIFY(service.addNote(id, QStringLiteral("TODO: add a canary")));
        QVERIFY(service.recordMessageSent(id, QStringLiteral("update"), QStringLiteral("Update"),
                                          QStringLiteral("…"), QStringLiteral("copied")));
        const auto items = service.items(id);
        const QVariantMap values = comms::incidentValues(incidentDocument(*fixture.store, id),
                                                         QDateTime::currentDateTimeUtc());
        for (auto it = values.begin(); it != values.end(); ++it)
            QVERIFY2(comms::isKnownPlaceholder(it.key()), qPrintable(it.key()));
        QCOMPARE(values[QStringLiteral("severity_name")].toString(), QStringLiteral("Critical"));
        QCOMPARE(values[QStringLiteral("status")].toString(), QStringLiteral("Investigating"));
        QCOMPARE(values[QStringLiteral("service")].toString(),
                 QStringLiteral("checkout, payments"));
        QCOMPARE(values[QStringLiteral("checklist_summary")].toString(),
                 QStringLiteral("1 of %1 checklist items done").arg(items.size()));
        QCOMPARE(values[QStringLiteral("action_items")].toList().size(), 1);
        QCOMPARE(values[QStringLiteral("announcements")].toList().size(), 1);
        QVERIFY(
            values[QStringLiteral("channel")].toString().startsWith(QStringLiteral("#incident-")));
        QVERIFY(values.contains(QStringLiteral("next_update")));
        QVERIFY(!values.contains(QStringLiteral("root_cause")));
    }

    void listSearchesTitleServiceAndDate()
    {
        test::IncidentFixture fixture;
        fixture.declare();
        DeclareRequest request;
        request.title = QStringLiteral("Search is slow");
        request.severity = QStringLiteral("SEV-3");
        request.services = {QStringLiteral("search")};
        QVERIFY(fixture.service->declare(request));
        QCOMPARE(fixture.store->list().size(), size_t(2));
        QCOMPARE(fixture.store->list(QStringLiteral("slow")).size(), size_t(1));
        QCOMPARE(fixture.store->list(QStringLiteral("payments")).size(), size_t(1));
        const QString today =
            QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-dd"));
        QCOMPARE(fixture.store->list(today).size(), size_t(2));
        QString id = fixture.store->list().front().id;
        QCOMPARE(*fixture.store->resolveId(id.left(8)), id);
        const auto unknown = fixture.store->resolveId(QStringLiteral("zzzzzzzz"));
        QVERIFY(!unknown);
        QVERIFY(unknown.error().contains(QStringLiteral("Search is slow")));
    }
};

QTEST_GUILESS_MAIN(TestIncidentLifecycle)
#include "test_incident_lifecycle.moc"
