// What a poll changed against the previous one, computed on the monitor's pool thread: new
// alerts fire (except on a source's first answer), missing ones resolve, and a changed state
// or annotation changes the list without firing again.
#include "alerts/AlertDiff.h"

#include <QtTest>

using namespace ic::alerts;

namespace {

Alert alert(const char *fingerprint, AlertState state = AlertState::Firing,
            const char *summary = "disk full")
{
    Alert a;
    a.fingerprint = QString::fromLatin1(fingerprint);
    a.state = state;
    a.annotations.insert(QStringLiteral("summary"), QString::fromLatin1(summary));
    return a;
}

QStringList fingerprints(const QList<Alert> &alerts)
{
    QStringList result;
    for (const Alert &a : alerts)
        result << a.fingerprint;
    return result;
}

} // namespace

class TestAlertDiff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void firstAnswerFiresNothingButChanges()
    {
        const AlertChanges changes = diffAlerts({}, {alert("a"), alert("b")}, true);
        QVERIFY(changes.fired.isEmpty());
        QVERIFY(changes.resolved.isEmpty());
        QVERIFY(changes.changed);
    }

    void newAlertsFireAndMissingOnesResolve()
    {
        const AlertChanges changes =
            diffAlerts({alert("a"), alert("b")}, {alert("b"), alert("c")}, false);
        QCOMPARE(fingerprints(changes.fired), QStringList{QStringLiteral("c")});
        QCOMPARE(fingerprints(changes.resolved), QStringList{QStringLiteral("a")});
        QVERIFY(changes.changed);
    }

    void sameAnswerChangesNothing()
    {
        const AlertChanges changes =
            diffAlerts({alert("a"), alert("b")}, {alert("b"), alert("a")}, false);
        QVERIFY(!changes.changed);
        QVERIFY(changes.fired.isEmpty() && changes.resolved.isEmpty());
    }

    void stateOrAnnotationChangeIsAChangeNotAFiring()
    {
        const AlertChanges silenced =
            diffAlerts({alert("a")}, {alert("a", AlertState::Silenced)}, false);
        QVERIFY(silenced.changed);
        QVERIFY(silenced.fired.isEmpty() && silenced.resolved.isEmpty());
        const AlertChanges reworded =
            diffAlerts({alert("a")}, {alert("a", AlertState::Firing, "disk 99% full")}, false);
        QVERIFY(reworded.changed);
        QVERIFY(reworded.fired.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestAlertDiff)
#include "test_alert_diff.moc"
