#include "IncidentTestSupport.h"
#include "comms/Placeholders.h"
#include "incidents/TemplateValues.h"

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
        QString error;
        QVERIFY(fixture.store->declare(request, QStringLiteral("a"), &error).isEmpty());
        QVERIFY2(error.contains(QStringLiteral("SEV-1, SEV-2, SEV-3, SEV-4")), qPrintable(error));
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
        QString error;
        QVERIFY(fixture.store->setStatus(id, Status::Identified, QStringLiteral("bob"), &error));
        QVERIFY(!fixture.store->setStatus(id, Status::Identified, QStringLiteral("bob"), &error));
        QVERIFY(error.contains(QStringLiteral("already")));
        QVERIFY(fixture.store->setStatus(id, Status::Monitoring, QStringLiteral("bob"), &error));
        QVERIFY(fixture.store->load(id)->milestone(Milestone::Mitigated).isValid());
        QVERIFY(fixture.store->setStatus(id, Status::Resolved, QStringLiteral("bob"), &error));
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
        QString error;
        QVERIFY(
            !fixture.store->setSeverity(id, QStringLiteral("SEV-7"), QStringLiteral("b"), &error));
        QVERIFY(error.contains(QStringLiteral("SEV-4")));
        QVERIFY(
            fixture.store->setSeverity(id, QStringLiteral("sev-1"), QStringLiteral("b"), &error));
        QCOMPARE(fixture.store->load(id)->severity, QStringLiteral("SEV-1"));
        const TimelineEvent last = fixture.timeline().events(id).back();
        QCOMPARE(last.kind, EventKind::Severity);
        QCOMPARE(last.data.value(QStringLiteral("old")).toString(), QStringLiteral("SEV-3"));
        QCOMPARE(last.data.value(QStringLiteral("new")).toString(), QStringLiteral("SEV-1"));
    }

    void milestoneOrderingIsChecked()
    {
        test::IncidentFixture fixture;
        const QString id = fixture.declare();
        const QDateTime started = fixture.store->load(id)->milestone(Milestone::Started);
        QString error;
        QVERIFY(!fixture.store->setMilestone(id, Milestone::Resolved, started.addSecs(-60),
                                             QStringLiteral("a"), &error));
        QVERIFY2(error.contains(QStringLiteral("resolved")) &&
                     error.contains(QStringLiteral("cannot be before started")),
                 qPrintable(error));
        QVERIFY(fixture.store->setMilestone(id, Milestone::Resolved, started.addSecs(3600),
                                            QStringLiteral("a"), &error));
        QVERIFY(!fixture.store->setMilestone(id, Milestone::Acknowledged, started.addSecs(7200),
                                             QStringLiteral("a"), &error));
        QVERIFY2(error.contains(QStringLiteral("cannot be after resolved")), qPrintable(error));
        QVERIFY(
            !fixture.store->setMilestone(id, Milestone::Started, {}, QStringLiteral("a"), &error));
        QVERIFY(fixture.store->setMilestone(id, Milestone::Acknowledged, started.addSecs(240),
                                            QStringLiteral("a"), &error));
        QCOMPARE(fixture.store->load(id)->mttaSeconds(), qint64(240));
        QCOMPARE(fixture.store->load(id)->mttrSeconds(), qint64(3600));
    }

    void metricsLeaveOutDrills()
    {
        test::IncidentFixture fixture;
        QString error;
        const QString real = fixture.declare();
        const QString drill = fixture.declare(QStringLiteral("SEV-2"), true);
        for (const auto &[id, minutes] : {std::pair{real, 10}, std::pair{drill, 1}}) {
            const QDateTime started = fixture.store->load(id)->milestone(Milestone::Started);
            QVERIFY(fixture.store->setMilestone(id, Milestone::Acknowledged,
                                                started.addSecs(minutes * 60), QStringLiteral("a"),
                                                &error));
            QVERIFY(fixture.store->setMilestone(id, Milestone::Resolved,
                                                started.addSecs(minutes * 600), QStringLiteral("a"),
                                                &error));
        }
        const MetricsSummary metrics = fixture.store->metrics();
        QCOMPARE(metrics.incidents, 1);
        QCOMPARE(metrics.meanMttaSeconds, qint64(600));
        QCOMPARE(metrics.meanMttrSeconds, qint64(6000));
    }

    void tickAndUntickKeepTheHistory()
    {
        test::IncidentFixture fixture;
        const QString id = fixture.declare();
        ChecklistStore checklist = fixture.checklist();
        const QString first = checklist.items(id).front().id;
        QString error;
        QVERIFY(!checklist.tick(first, QStringLiteral("alice"), QStringLiteral("paged"), &error)
                     .isEmpty());
        auto item = checklist.item(first);
        QVERIFY(item->isChecked());
        QCOMPARE(item->checkedBy, QStringLiteral("alice"));
        QCOMPARE(item->note, QStringLiteral("paged"));
        // The acknowledge item records the milestone.
        QVERIFY(fixture.store->load(id)->milestone(Milestone::Acknowledged).isValid());
        QVERIFY(checklist.tick(first, QStringLiteral("bob"), {}, &error).isEmpty());
        QVERIFY(!checklist.untick(first, QStringLiteral("bob"), &error).isEmpty());
        QVERIFY(!checklist.item(first)->isChecked());
        QVERIFY(!checklist.tick(first, QStringLiteral("carol"), {}, &error).isEmpty());
        QStringList kinds;
        for (const TimelineEvent &event : fixture.timeline().events(id))
            kinds << event.kind + QLatin1Char('/') + event.actor;
        QCOMPARE(kinds, QStringList({QStringLiteral("declared/alice"), QStringLiteral("tick/alice"),
                                     QStringLiteral("milestone/alice"),
                                     QStringLiteral("untick/bob"), QStringLiteral("tick/carol")}));
    }

    void itemsResolveByNumberOrId()
    {
        test::IncidentFixture fixture;
        const QString id = fixture.declare();
        ChecklistStore checklist = fixture.checklist();
        const auto items = checklist.items(id);
        QString error;
        QCOMPARE(checklist.resolveItem(id, QStringLiteral("2"), &error), items[1].id);
        QCOMPARE(checklist.resolveItem(id, items[3].id, &error), items[3].id);
        QVERIFY(checklist.resolveItem(id, QStringLiteral("0"), &error).isEmpty());
        QVERIFY(error.contains(QStringLiteral("from 1 to %1").arg(items.size())));
    }

    void adHocItemsAndAttachedTasks()
    {
        test::IncidentFixture fixture;
        const QString id = fixture.declare();
        ChecklistStore checklist = fixture.checklist();
        const size_t before = checklist.items(id).size();
        QString error;
        QVERIFY(!checklist
                     .addItem(id, QStringLiteral("Investigation"), QStringLiteral("Check the CDN"),
                              600, QStringLiteral("a"), &error)
                     .isEmpty());
        QVERIFY(
            !checklist
                 .attachTasks(id, QStringLiteral("Runbook: database failover"),
                              {{QStringLiteral("Failover"), QStringLiteral("Promote replica")},
                               {QStringLiteral("Failover > Verify"), QStringLiteral("Check lag")}},
                              QStringLiteral("a"), &error)
                 .isEmpty());
        const auto items = checklist.items(id);
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
        Timeline timeline = fixture.timeline();
        QString error;
        const QString note = timeline.addNote(id, QStringLiteral("Rolled back 1.4"),
                                              QStringLiteral("scribe"), &error);
        QVERIFY(!note.isEmpty());
        const QString edited = timeline.editNote(note, QStringLiteral("Rolled back 1.4.2"),
                                                 QStringLiteral("scribe"), &error);
        QVERIFY(!edited.isEmpty());
        QVERIFY(timeline.editNote(note, QStringLiteral("again"), QStringLiteral("s"), &error)
                    .isEmpty());
        QVERIFY(!timeline.deleteNote(edited, QStringLiteral("scribe"), &error).isEmpty());
        const QString declared = timeline.events(id).front().id;
        QVERIFY(timeline.deleteNote(declared, QStringLiteral("s"), &error).isEmpty());
        QVERIFY(error.contains(QStringLiteral("automatic events are permanent")));
        const auto events = timeline.events(id);
        QCOMPARE(events.size(), size_t(4));
        QVERIFY(events[1].superseded && events[2].superseded && !events[3].superseded);
        QCOMPARE(events[1].text, QStringLiteral("Rolled back 1.4"));
        QCOMPARE(events[3].kind, EventKind::NoteDeleted);
    }

    void todoNoteAddsAFollowUp()
    {
        test::IncidentFixture fixture;
        const QString id = fixture.declare();
        QString error;
        QVERIFY(!fixture.timeline()
                     .addNote(id, QStringLiteral("TODO: alert on queue depth"),
                              QStringLiteral("scribe"), &error)
                     .isEmpty());
        const auto items = fixture.checklist().items(id);
        QCOMPARE(items.back().text, QStringLiteral("alert on queue depth"));
        QCOMPARE(items.back().source, QStringLiteral("follow-up"));
        QCOMPARE(items.back().phase, QStringLiteral("Post-incident"));
        QCOMPARE(fixture.timeline().events(id).back().kind, EventKind::FollowUp);
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
        QString error;
        QVERIFY(fixture.store->recordUpdateSent(critical, QStringLiteral("copied"),
                                                QStringLiteral("alice"), &error));
        const QDateTime next = fixture.store->nextUpdateDue(*fixture.store->load(critical));
        QVERIFY(next > QDateTime::currentDateTimeUtc().addSecs(19 * 60));
    }

    void otherModulesRecordTheirEvents()
    {
        test::IncidentFixture fixture;
        const QString id = fixture.declare();
        QString error;
        QVERIFY(fixture.store->recordEvent(id, EventKind::HealthChanged,
                                           QStringLiteral("orders-db OK → CRIT"),
                                           {{QStringLiteral("check"), QStringLiteral("orders-db")}},
                                           QStringLiteral("health"), &error));
        const TimelineEvent last = fixture.timeline().events(id).back();
        QCOMPARE(last.kind, EventKind::HealthChanged);
        QCOMPARE(last.data.value(QStringLiteral("check")).toString(), QStringLiteral("orders-db"));
        QVERIFY(fixture.timeline().deleteNote(last.id, QStringLiteral("s"), &error).isEmpty());
    }

    void templateValuesFillTheCommsContract()
    {
        test::IncidentFixture fixture;
        const QString id = fixture.declare(QStringLiteral("SEV-1"));
        QString error;
        ChecklistStore checklist = fixture.checklist();
        checklist.tick(checklist.items(id).front().id, QStringLiteral("alice"), {}, &error);
        fixture.timeline().addNote(id, QStringLiteral("TODO: add a canary"), QStringLiteral("s"),
                                   &error);
        fixture.store->recordUpdateSent(id, QStringLiteral("copied"), QStringLiteral("a"), &error);
        const auto incident = *fixture.store->load(id);
        const auto items = checklist.items(id);
        const QVariantMap values = templateValues(
            incident, fixture.store->config().severities, items, fixture.timeline().events(id),
            fixture.store->nextUpdateDue(incident), QDateTime::currentDateTimeUtc());
        for (auto it = values.begin(); it != values.end(); ++it)
            QVERIFY2(comms::isKnownPlaceholder(it.key()), qPrintable(it.key()));
        QCOMPARE(values[QStringLiteral("severity_name")].toString(), QStringLiteral("Critical"));
        QCOMPARE(values[QStringLiteral("status")].toString(), QStringLiteral("Investigating"));
        QCOMPARE(values[QStringLiteral("service")].toString(),
                 QStringLiteral("checkout, payments"));
        QCOMPARE(values[QStringLiteral("checklist_summary")].toString(),
                 QStringLiteral("1 of %1 items done").arg(items.size()));
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
        QString error;
        fixture.store->declare(request, QStringLiteral("a"), &error);
        QCOMPARE(fixture.store->list().size(), size_t(2));
        QCOMPARE(fixture.store->list(QStringLiteral("slow")).size(), size_t(1));
        QCOMPARE(fixture.store->list(QStringLiteral("payments")).size(), size_t(1));
        const QString today =
            QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-dd"));
        QCOMPARE(fixture.store->list(today).size(), size_t(2));
        QString id = fixture.store->list().front().id;
        QCOMPARE(fixture.store->resolveId(id.left(8), &error), id);
        QVERIFY(fixture.store->resolveId(QStringLiteral("zzzzzzzz"), &error).isEmpty());
        QVERIFY(error.contains(QStringLiteral("Search is slow")));
    }
};

QTEST_GUILESS_MAIN(TestIncidentLifecycle)
#include "test_incident_lifecycle.moc"
