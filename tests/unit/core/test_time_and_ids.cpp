#include "core/Duration.h"
#include "core/Ids.h"

#include <QSet>
#include <QTimeZone>
#include <QtTest>

using namespace ic;
using namespace std::chrono_literals;

class TestTimeAndIds : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void idsAreUniqueUuids()
    {
        QSet<QString> seen;
        for (int i = 0; i < 1000; ++i) {
            const QString id = newId();
            QCOMPARE(id.size(), 36);
            QVERIFY(!id.startsWith(QLatin1Char('{')));
            seen.insert(id);
        }
        QCOMPARE(seen.size(), 1000);
    }

    void storedTimesRoundTripInUtc()
    {
        const QDateTime local(QDate(2026, 11, 25), QTime(10, 30, 15, 250),
                              QTimeZone(QByteArrayLiteral("Europe/Berlin")));
        const QString stored = toStoredTime(local);
        QCOMPARE(stored, QStringLiteral("2026-11-25T09:30:15.250Z"));
        QCOMPARE(fromStoredTime(stored), local.toUTC());
        QVERIFY(!fromStoredTime(QString()).isValid());
        QVERIFY(!fromStoredTime(QStringLiteral("yesterday")).isValid());
    }

    void storedTimesSortAsText()
    {
        const QDateTime a =
            QDateTime::fromString(QStringLiteral("2026-01-02T03:04:05Z"), Qt::ISODate);
        QVERIFY(toStoredTime(a) < toStoredTime(a.addMSecs(1)));
        QVERIFY(toStoredTime(a) < toStoredTime(a.addDays(400)));
    }

    void isoWithOffsetNamesTheOffset()
    {
        const QString text = toIsoWithOffset(QDateTime::currentDateTimeUtc());
        QVERIFY2(text.endsWith(QLatin1Char('Z')) || text.contains(QLatin1Char('+')) ||
                     text.count(QLatin1Char('-')) > 2,
                 qPrintable(text));
    }

    void parsesDurationsWithUnits_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("ms");
        QTest::newRow("ms") << QStringLiteral("250ms") << qint64(250);
        QTest::newRow("s") << QStringLiteral("15s") << qint64(15000);
        QTest::newRow("m") << QStringLiteral("5m") << qint64(300000);
        QTest::newRow("h") << QStringLiteral("168h") << qint64(168) * 3600000;
        QTest::newRow("combined") << QStringLiteral("1h30m") << qint64(5400000);
        QTest::newRow("decimal") << QStringLiteral("1.5s") << qint64(1500);
        QTest::newRow("days") << QStringLiteral("7d") << qint64(7) * 86400000;
    }

    void parsesDurationsWithUnits()
    {
        QFETCH(QString, text);
        QFETCH(qint64, ms);
        const auto parsed = parseDuration(text);
        QVERIFY(parsed);
        QCOMPARE(parsed->count(), ms);
    }

    void rejectsAmbiguousDurations()
    {
        for (const char *bad : {"", "5", "5 minutes", "m5", "5s garbage", "-5s"})
            QVERIFY2(!parseDuration(QString::fromLatin1(bad)), bad);
    }

    // Found by fuzz_conditions (UBSan: 8.64e+132 is outside the range of long long): a
    // duration with no millisecond count used to convert with undefined behaviour.
    void rejectsDurationsTooLongToCount()
    {
        QVERIFY(!parseDuration(QString(130, QLatin1Char('9')) + QLatin1Char('d')));
        QVERIFY(!parseDuration(QStringLiteral("200000000000000000h")));
        QCOMPARE(parseDuration(QStringLiteral("100000000d"))->count(),
                 qint64(8'640'000'000'000'000));
    }

    void formatsDurationsAndClocks()
    {
        QCOMPARE(formatDuration(90s), QStringLiteral("1m30s"));
        QCOMPARE(formatDuration(0ms), QStringLiteral("0s"));
        QCOMPARE(formatDuration(26h), QStringLiteral("1d2h"));
        QCOMPARE(formatClock(65s), QStringLiteral("1:05"));
        QCOMPARE(formatClock(3723s), QStringLiteral("1:02:03"));
        QCOMPARE(formatClock(-30s), QStringLiteral("-0:30"));
    }
};

QTEST_GUILESS_MAIN(TestTimeAndIds)
#include "test_time_and_ids.moc"
