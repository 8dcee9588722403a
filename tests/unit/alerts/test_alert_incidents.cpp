#include "IncidentTestSupport.h"
#include "alerts/AlertIncidents.h"

#include <QtTest>

using namespace ic;
using namespace ic::alerts;
using ic::test::IncidentFixture;

namespace {

Alert crashLooping(const QString &pod = QStringLiteral("api-1"))
{
    Alert alert;
    alert.source = QStringLiteral("prod");
    alert.labels = {{QStringLiteral("alertname"), QStringLiteral("KubePodCrashLooping")},
                    {QStringLiteral("severity"), QStringLiteral("critical")},
                    {QStringLiteral("namespace"), QStringLiteral("prod")},
                    {QStringLiteral("job"), QStringLiteral("kube-state-metrics")},
                    {QStringLiteral("pod"), pod}};
    alert.annotations = {
        {QStringLiteral("summary"), QStringLiteral("Pod prod/%1 is crash looping").arg(pod)},
        {QStringLiteral("description"),
         QStringLiteral("Pod prod/%1 is restarting 3 times / 10 minutes.").arg(pod)}};
    alert.fingerprint = labelFingerprint(alert.labels);
    alert.startsAt = QDateTime::currentDateTimeUtc().addSecs(-600);
    return alert;
}

incidents::SeverityScheme scheme(const QStringList &ids)
{
    incidents::SeverityScheme result;
    for (const QString &id : ids)
        result.levels.push_back(incidents::SeverityLevel{id, id, {}, 900, 0, 0, {}, {}});
    return result;
}

QStringList kinds(const std::vector<incidents::TimelineEvent> &events)
{
    QStringList result;
    for (const auto &event : events)
        result << event.kind;
    return result;
}

} // namespace

class TestAlertIncidents : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void severityByRankInWhicheverScheme()
    {
        const AlertsConfig config;
        const auto sev = scheme({QStringLiteral("SEV-1"), QStringLiteral("SEV-2"),
                                 QStringLiteral("SEV-3"), QStringLiteral("SEV-4")});
        const auto p0 = scheme({QStringLiteral("P0"), QStringLiteral("P1"), QStringLiteral("P2"),
                                QStringLiteral("P3")});
        QCOMPARE(severityFor(QStringLiteral("critical"), config, sev).level,
                 QStringLiteral("SEV-1"));
        QCOMPARE(severityFor(QStringLiteral("Warning"), config, sev).level,
                 QStringLiteral("SEV-3"));
        QCOMPARE(severityFor(QStringLiteral("critical"), config, p0).level, QStringLiteral("P0"));
        QCOMPARE(severityFor(QStringLiteral("info"), config, p0).level, QStringLiteral("P3"));
        QCOMPARE(severityFor(QStringLiteral("page-me"), config, p0).level, QStringLiteral("P3"));
        QCOMPARE(severityFor(QString(), config, sev).level, QStringLiteral("SEV-4"));
    }

    void severityMapWinsWhenItsLevelExists()
    {
        AlertsConfig config;
        config.severityMap = {{QStringLiteral("critical"), QStringLiteral("sev-2")},
                              {QStringLiteral("warning"), QStringLiteral("P2")}};
        const auto sev =
            scheme({QStringLiteral("SEV-1"), QStringLiteral("SEV-2"), QStringLiteral("SEV-3")});
        QCOMPARE(severityFor(QStringLiteral("critical"), config, sev).level,
                 QStringLiteral("SEV-2"));
        const SeverityChoice wrong = severityFor(QStringLiteral("warning"), config, sev);
        QCOMPARE(wrong.level, QStringLiteral("SEV-3"));
        QVERIFY2(wrong.problem.contains(QStringLiteral("severity_map.warning: P2 is not a level")),
                 qPrintable(wrong.problem));
    }

    void declareRequestIsPrefilled()
    {
        IncidentFixture fixture;
        const AlertsConfig config;
        const auto request =
            declareRequestFor({crashLooping()}, config, fixture.service->severities());
        QCOMPARE(request.title, QStringLiteral("Pod prod/api-1 is crash looping"));
        QCOMPARE(request.severity, QStringLiteral("SEV-1"));
        // service, job, namespace: the configured order.
        QCOMPARE(request.services,
                 QStringList({QStringLiteral("kube-state-metrics"), QStringLiteral("prod")}));
        QCOMPARE(request.impact,
                 QStringLiteral("Pod prod/api-1 is restarting 3 times / 10 minutes."));
        Alert bare;
        bare.labels = {{QStringLiteral("alertname"), QStringLiteral("Watchdog")}};
        QCOMPARE(declareRequestFor({bare}, config, fixture.service->severities()).title,
                 QStringLiteral("Watchdog"));
        const auto group =
            declareRequestFor({crashLooping(), crashLooping(QStringLiteral("api-2"))}, config,
                              fixture.service->severities());
        QCOMPARE(group.title, QStringLiteral("KubePodCrashLooping (2 alerts)"));
        QVERIFY(group.impact.contains(QStringLiteral("api-2")));
    }

    void linkedAlertsLiveOnTheTimeline()
    {
        IncidentFixture fixture;
        const QString id = fixture.declare();
        AlertLinks links(*fixture.service);
        const Alert alert = crashLooping();
        const auto linked = links.link(id, alert);
        QVERIFY2(linked, qPrintable(linked.error()));
        QCOMPARE(links.incidentOf(alert.fingerprint), id);
        QVERIFY(links.incidentOf(QStringLiteral("0000")).isEmpty());
        const auto event = fixture.service->event(linked->eventId);
        QCOMPARE(event->kind, incidents::EventKind::AlertLinked);
        QCOMPARE(event->actor, alertsFeature);
        QVERIFY2(event->text.startsWith(QStringLiteral("Alert KubePodCrashLooping (job=kube-state-"
                                                       "metrics, namespace=prod, pod=api-1, "
                                                       "severity=critical) firing since ")),
                 qPrintable(event->text));
        QCOMPARE(event->data.value(QLatin1String("fingerprint")).toString(), alert.fingerprint);
        const auto again = links.link(id, alert);
        QCOMPARE(again.errorKind(), ErrorKind::Unchanged);

        // The source answered without it: resolved, once; back again: firing again.
        QCOMPARE(links.reconcile(QStringLiteral("prod"), {}), 1);
        QCOMPARE(links.reconcile(QStringLiteral("prod"), {}), 0);
        QCOMPARE(links.reconcile(QStringLiteral("other"), {alert}), 0);
        QCOMPARE(links.reconcile(QStringLiteral("prod"), {alert}), 1);
        QCOMPARE(links.reconcile(QStringLiteral("prod"), {alert}), 0);
        links.recordSilence(alert, QStringLiteral("6b4f167f"),
                            QDateTime::currentDateTimeUtc().addSecs(3600),
                            QStringLiteral("known, fixing"));
        links.recordUnsilence(QStringLiteral("6b4f167f"));
        links.recordUnsilence(QStringLiteral("not-ours"));
        const auto events = fixture.service->events(id);
        QCOMPARE(
            kinds(events).mid(kinds(events).indexOf(incidents::EventKind::AlertLinked)),
            QStringList({incidents::EventKind::AlertLinked, incidents::EventKind::AlertResolved,
                         incidents::EventKind::AlertRefired, incidents::EventKind::AlertSilenced,
                         incidents::EventKind::AlertUnsilenced}));
        QVERIFY(events.back().text.contains(QStringLiteral("6b4f167f")));
        QCOMPARE(events.at(events.size() - 2).actor, QStringLiteral("alice"));

        // Another reader of the same database sees the same links.
        AlertLinks fresh(*fixture.service);
        QCOMPARE(fresh.links().size(), std::size_t(1));
        QVERIFY(!fresh.links().front().resolved);
    }
};

QTEST_GUILESS_MAIN(TestAlertIncidents)
#include "test_alert_incidents.moc"
