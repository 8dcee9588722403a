#include "runbooks/RunbookTypes.h"
#include "runbooks/SearchQuery.h"
#include "runbooks/Snippet.h"

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

    void tokensAreCountedAsTheIndexCountsThem()
    {
        QCOMPARE(tokenCount(QStringLiteral("kubectl get pods -n ns-7")), 6);
        QCOMPARE(tokenCount(QStringLiteral("Café au lait, déjà vu")), 5);
        QCOMPARE(tokenCount(QString()), 0);
    }

    void repeatedWordsFoldCaseAndDiacritics()
    {
        const RepeatedWords words =
            repeatedWords(QStringLiteral("Redis redis REDIS rédis café cafe once"));
        QCOMPARE(words.twice, QStringLiteral("cafe redis"));
        QCOMPARE(words.fourTimes, QStringLiteral("redis"));
    }

    void snippetHighlightsTheWordsOfTheQuery()
    {
        bool matched = false;
        const QString snippet = makeSnippet(
            QStringLiteral("Check the replica. Then measure the lag on the replica host."),
            snippetTerms(QStringLiteral("replica lag ")), 16, &matched);
        QVERIFY(matched);
        const QString open(highlightOpen), close(highlightClose);
        QVERIFY(snippet.contains(open + QStringLiteral("replica") + close));
        QVERIFY(snippet.contains(open + QStringLiteral("lag") + close));
        QVERIFY(!snippet.contains(open + QStringLiteral("the") + close));
    }

    void snippetMatchesPrefixesDiacriticsAndCamelCaseParts()
    {
        const QString open(highlightOpen), close(highlightClose);
        bool matched = false;
        QVERIFY(makeSnippet(QStringLiteral("roll out with kubectl rollout undo"),
                            snippetTerms(QStringLiteral("rollo")), 16, &matched)
                    .contains(open + QStringLiteral("rollout") + close));
        QVERIFY(makeSnippet(QStringLiteral("Le café est fermé."),
                            snippetTerms(QStringLiteral("cafe ")), 16, &matched)
                    .contains(open + QStringLiteral("café") + close));
        QVERIFY(makeSnippet(QStringLiteral("The alert KubePodCrashLooping fired."),
                            snippetTerms(QStringLiteral("crash looping ")), 16, &matched)
                    .contains(open + QStringLiteral("KubePodCrashLooping") + close));
        QVERIFY(makeSnippet(QStringLiteral("kube pod crash looping"),
                            snippetTerms(QStringLiteral("KubePodCrashLooping ")), 16, &matched)
                    .contains(open + QStringLiteral("crash") + close));
    }

    void snippetPrefersTheWindowWithMoreOfTheWords()
    {
        QString text;
        for (int i = 0; i < 30; ++i)
            text += QStringLiteral("replica filler ");
        text += QStringLiteral("the replica lag grows. ");
        for (int i = 0; i < 30; ++i)
            text += QStringLiteral("filler words ");
        bool matched = false;
        const QString snippet =
            makeSnippet(text, snippetTerms(QStringLiteral("replica lag ")), 8, &matched);
        QVERIFY(snippet.contains(QString(highlightOpen) + QStringLiteral("lag")));
        QVERIFY(snippet.startsWith(QStringLiteral("…")));
        QVERIFY(snippet.endsWith(QStringLiteral("…")));
    }

    void snippetWithoutAMatchIsTheStart()
    {
        bool matched = true;
        const QString snippet = makeSnippet(QStringLiteral("one two three four five"),
                                            snippetTerms(QStringLiteral("zebra ")), 3, &matched);
        QVERIFY(!matched);
        QCOMPARE(snippet, QStringLiteral("one two three…"));
    }
};

QTEST_GUILESS_MAIN(TestSearchQuery)
#include "test_search_query.moc"
