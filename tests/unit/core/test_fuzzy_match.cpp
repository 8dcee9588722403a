#include "core/FuzzyMatch.h"

#include <QtTest>

using namespace ic;

class TestFuzzyMatch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void subsequencesMatchCaseInsensitively()
    {
        QVERIFY(fuzzyScore(QStringLiteral("decl"), QStringLiteral("Declare incident")));
        QVERIFY(fuzzyScore(QStringLiteral("dcl inc"), QStringLiteral("Declare incident")));
        QVERIFY(fuzzyScore(QStringLiteral("KPCL"), QStringLiteral("KubePodCrashLooping")));
        QVERIFY(!fuzzyScore(QStringLiteral("xyz"), QStringLiteral("Declare incident")));
        QVERIFY(!fuzzyScore(QStringLiteral("incx"), QStringLiteral("incident")));
    }

    void emptyPatternMatchesEverything()
    {
        QCOMPARE(fuzzyScore(QString(), QStringLiteral("anything")), std::optional<int>(0));
    }

    void wordStartsAndRunsRankHigher()
    {
        const QString pattern = QStringLiteral("dis");
        const auto wordStart = fuzzyScore(pattern, QStringLiteral("Disk full"));
        const auto scattered = fuzzyScore(pattern, QStringLiteral("Redistribute"));
        QVERIFY(wordStart && scattered);
        QVERIFY(*wordStart > *scattered);

        const auto camel = fuzzyScore(QStringLiteral("cl"), QStringLiteral("CrashLoop"));
        const auto inner = fuzzyScore(QStringLiteral("cl"), QStringLiteral("uncle"));
        QVERIFY(*camel > *inner);
    }

    void shorterCandidateWinsATie()
    {
        QVERIFY(*fuzzyScore(QStringLiteral("tls"), QStringLiteral("TLS")) >
                *fuzzyScore(QStringLiteral("tls"), QStringLiteral("TLS certificate expiry")));
    }
};

QTEST_GUILESS_MAIN(TestFuzzyMatch)
#include "test_fuzzy_match.moc"
