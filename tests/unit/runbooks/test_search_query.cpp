#include "runbooks/SearchQuery.h"

#include <QtTest>

using namespace ic::runbooks;

class TestSearchQuery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void splitsCamelCase()
    {
        QCOMPARE(splitCamelCase(QStringLiteral("KubePodCrashLooping")),
                 (QStringList{QStringLiteral("Kube"), QStringLiteral("Pod"),
                              QStringLiteral("Crash"), QStringLiteral("Looping")}));
        QCOMPARE(
            splitCamelCase(QStringLiteral("HTTPErrorRate")),
            (QStringList{QStringLiteral("HTTP"), QStringLiteral("Error"), QStringLiteral("Rate")}));
        QCOMPARE(splitCamelCase(QStringLiteral("redis")), QStringList{QStringLiteral("redis")});
    }

    void lastWordIsAPrefixWhileTyping()
    {
        QCOMPARE(buildMatchQuery(QStringLiteral("disk fu")),
                 QStringLiteral("\"disk\" AND \"fu\"*"));
        QCOMPARE(buildMatchQuery(QStringLiteral("disk full ")),
                 QStringLiteral("\"disk\" AND \"full\""));
    }

    void camelCaseMatchesWholeOrParts()
    {
        QCOMPARE(buildMatchQuery(QStringLiteral("CrashLooping ")),
                 QStringLiteral("(\"crashlooping\" OR (\"crash\" AND \"looping\"))"));
    }

    void punctuationCannotFormSyntax()
    {
        QCOMPARE(buildMatchQuery(QStringLiteral("\"a\" OR b* NEAR(c) -d")),
                 QStringLiteral("\"a\" AND \"or\" AND \"b\" AND \"near\" AND \"c\" AND \"d\"*"));
        QCOMPARE(buildMatchQuery(QStringLiteral("  ()*: ")), QString());
    }

    void expansionsListCompoundWords()
    {
        QCOMPARE(camelCaseExpansions(QStringLiteral("alert KubePodCrashLooping fired, plain")),
                 QStringLiteral("Kube Pod Crash Looping"));
    }

    void trigramsOfAWord()
    {
        QCOMPARE(
            trigrams(QStringLiteral("Redis")),
            (QStringList{QStringLiteral("red"), QStringLiteral("edi"), QStringLiteral("dis")}));
        QVERIFY(trigrams(QStringLiteral("ab")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSearchQuery)
#include "test_search_query.moc"
