#include "HealthTestSupport.h"

using namespace ic;
using namespace ic::health;
using ic::test::checkFrom;
using ic::test::describe;
using ic::test::runOnce;

namespace {

// Loopback addresses to try for the responder: some systems run a stub resolver on
// 127.0.0.53 already, so stay clear of it.
const QStringList responderAddresses{QStringLiteral("127.0.0.77"), QStringLiteral("127.0.0.78"),
                                     QStringLiteral("127.0.0.79")};

} // namespace

// DNS checks against dns_responder.py on 127.0.0.x:53. Qt 6.4's QDnsLookup always asks port
// 53 of the nameserver it is given, so binding the responder needs root (or the capability
// to bind low ports); without it the suite is skipped, saying so.
class TestHealthDns : public QObject
{
    Q_OBJECT

private:
    QProcess m_responder;
    QString m_address;

    CheckDefinition dns(const QString &host, const QString &more = {}) const
    {
        return checkFrom(
            QStringLiteral("{name: dns, type: dns, host: %1, nameserver: %2%3}")
                .arg(host, m_address, more.isEmpty() ? QString() : QStringLiteral(", ") + more));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString refusal;
        for (const QString &address : responderAddresses) {
            m_responder.start(QStringLiteral("python3"),
                              {QFINDTESTDATA("dns_responder.py"), address});
            QVERIFY(m_responder.waitForStarted());
            QVERIFY(m_responder.waitForReadyRead(10000));
            const QByteArray line = m_responder.readLine().trimmed();
            if (line == "ready") {
                m_address = address;
                return;
            }
            m_responder.waitForFinished(); // also for the rest of a line that came in parts
            refusal = QString::fromUtf8(line + m_responder.readAll()).simplified();
            if (refusal.contains(QLatin1String("EACCES")))
                break; // not allowed to bind port 53 at all: no other address helps
        }
        if (refusal.contains(QLatin1String("EACCES")))
            QSKIP("not allowed to bind 127.0.0.x:53 (EACCES); QDnsLookup only queries port 53, "
                  "so this suite needs root or CAP_NET_BIND_SERVICE");
        QSKIP(qPrintable(QStringLiteral("cannot bind a DNS responder to 127.0.0.x:53 on any of "
                                        "%1 (%2)")
                             .arg(responderAddresses.join(QStringLiteral(", ")), refusal)));
    }

    void cleanupTestCase()
    {
        // Stopping it also ends the retries of the lookup that timed out (port unreachable).
        if (m_responder.state() != QProcess::NotRunning) {
            m_responder.kill();
            m_responder.waitForFinished();
        }
    }

    void aRecordMatchesTheExpectedAnswer()
    {
        const CheckResult result = runOnce(
            dns(QStringLiteral("api.test"), QStringLiteral("expected: 10.1.2.3, timeout: 3s")));
        QVERIFY2(result.state == State::Ok, qPrintable(describe(result)));
        QCOMPARE(result.message, QStringLiteral("NOERROR 10.1.2.3"));
        QCOMPARE(result.conditions.size(), 2);
        QCOMPARE(result.conditions.at(0).resolved,
                 QStringLiteral("[DNS_RCODE] (NOERROR) == NOERROR"));
        QCOMPARE(result.conditions.at(1).resolved, QStringLiteral("[BODY] (10.1.2.3) == 10.1.2.3"));
    }

    void anotherAnswerThanExpectedIsCritWithWhatResolved()
    {
        const CheckResult result = runOnce(
            dns(QStringLiteral("api.test"), QStringLiteral("expected: 10.0.0.99, timeout: 3s")));
        QVERIFY2(result.state == State::Crit, qPrintable(describe(result)));
        QVERIFY(result.conditions.at(0).success);
        QCOMPARE(result.conditions.at(1).resolved,
                 QStringLiteral("[BODY] (10.1.2.3) == 10.0.0.99"));
        QVERIFY(!result.conditions.at(1).success);
    }

    void nxdomainIsCrit()
    {
        const CheckResult result =
            runOnce(dns(QStringLiteral("missing.test"), QStringLiteral("timeout: 3s")));
        QVERIFY2(result.state == State::Crit, qPrintable(describe(result)));
        QVERIFY2(result.message.startsWith(QStringLiteral("NXDOMAIN — failed")),
                 qPrintable(result.message));
        QCOMPARE(result.conditions.at(0).resolved,
                 QStringLiteral("[DNS_RCODE] (NXDOMAIN) == NOERROR"));
    }

    void serverThatNeverAnswersTimesOut()
    {
        const CheckResult result =
            runOnce(dns(QStringLiteral("silent.test"), QStringLiteral("timeout: 1s")));
        QVERIFY2(result.state == State::Crit, qPrintable(describe(result)));
        QVERIFY2(result.message.startsWith(QStringLiteral("no DNS answer within 1s")),
                 qPrintable(result.message));
        QCOMPARE(result.conditions.at(0).resolved, QStringLiteral("[DNS_RCODE] (n/a) == NOERROR"));
    }
};

QTEST_GUILESS_MAIN(TestHealthDns)
#include "test_health_dns.moc"
