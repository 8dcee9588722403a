#include "ui/AlertsModel.h"

#include <QAbstractItemModelTester>
#include <QtTest>

using namespace ic;
using namespace ic::ui;

namespace {

alerts::Alert alert(const QString &name, const QString &severity, const QString &pod,
                    alerts::AlertState state = alerts::AlertState::Firing, int minutesAgo = 10)
{
    alerts::Alert a;
    a.labels = {{QStringLiteral("alertname"), name},
                {QStringLiteral("severity"), severity},
                {QStringLiteral("pod"), pod}};
    a.annotations = {{QStringLiteral("summary"), QStringLiteral("%1 on %2").arg(name, pod)}};
    a.fingerprint = alerts::labelFingerprint(a.labels);
    a.state = state;
    a.startsAt = QDateTime::currentDateTimeUtc().addSecs(-60 * minutesAgo);
    return a;
}

} // namespace

// The Alerts panel's model: groups by name, worst first, held alerts apart, filters.
class TestAlertsModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void groupsWorstFirstAndHeldApart()
    {
        AlertsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QList<alerts::Alert> alerts{
            alert(QStringLiteral("DiskWillFill"), QStringLiteral("warning"), QStringLiteral("a")),
            alert(QStringLiteral("KubePodCrashLooping"), QStringLiteral("warning"),
                  QStringLiteral("api-2"), alerts::AlertState::Firing, 5),
            alert(QStringLiteral("KubePodCrashLooping"), QStringLiteral("critical"),
                  QStringLiteral("api-1"), alerts::AlertState::Firing, 30),
            alert(QStringLiteral("KubePodCrashLooping"), QStringLiteral("critical"),
                  QStringLiteral("api-3"), alerts::AlertState::Silenced),
            alert(QStringLiteral("Watchdog"), QStringLiteral("none"), QStringLiteral("w"),
                  alerts::AlertState::Inhibited)};
        const QString fingerprint = alerts.at(1).fingerprint;
        model.setAlerts(alerts, {}, {}, {{fingerprint, QStringLiteral("5a20407a-60db")}});
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.index(0, AlertsModel::Name).data().toString(),
                 QStringLiteral("KubePodCrashLooping"));
        QCOMPARE(model.index(0, AlertsModel::Count).data().toString(), QStringLiteral("2"));
        QCOMPARE(model.index(0, AlertsModel::Severity).data().toString(),
                 QStringLiteral("critical"));
        QCOMPARE(model.index(0, AlertsModel::Incident).data().toString(),
                 QStringLiteral("5a20407a"));
        QVERIFY(
            model.index(0, AlertsModel::Since).data().toString().endsWith(QStringLiteral("(30m)")));
        QCOMPARE(model.index(1, AlertsModel::Name).data().toString(),
                 QStringLiteral("DiskWillFill"));
        QVERIFY(model.index(2, AlertsModel::Name)
                    .data()
                    .toString()
                    .contains(QStringLiteral("silenced or inhibited")));
        const QModelIndex group = model.index(0, 0);
        QCOMPARE(model.rowCount(group), 2);
        QCOMPARE(model.alertsAt(group).size(), 2);
        const QModelIndex child = model.index(1, 0, group);
        QCOMPARE(model.parent(child), group);
        QCOMPARE(model.alertAt(child)->labels.value(QStringLiteral("pod")),
                 QStringLiteral("api-1"));
        QCOMPARE(child.data().toString(), QStringLiteral("pod=api-1, severity=critical"));
        QVERIFY(!model.alertAt(group));
    }

    void filtersByTextAndSeverity()
    {
        AlertsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QList<alerts::Alert> alerts{alert(QStringLiteral("DiskWillFill"),
                                                QStringLiteral("warning"), QStringLiteral("db-1")),
                                          alert(QStringLiteral("KubePodCrashLooping"),
                                                QStringLiteral("critical"),
                                                QStringLiteral("api-1"))};
        model.setAlerts(alerts, QStringLiteral("DB-1"), {}, {});
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("DiskWillFill"));
        model.setAlerts(alerts, {}, QStringLiteral("critical"), {});
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("KubePodCrashLooping"));
        model.setAlerts(alerts, QStringLiteral("POD=api-1"), {}, {});
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("KubePodCrashLooping"));
        model.setAlerts(alerts, QStringLiteral("nothing like it"), {}, {});
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestAlertsModel)
#include "test_alerts_model.moc"
