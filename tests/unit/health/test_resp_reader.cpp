#include "health/probes/RespReader.h"

#include <QtTest>

using namespace ic::health;

// The Redis probe's reply reader, fed the way a socket delivers bytes.
class TestRespReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pongInOneChunk()
    {
        RespReader reader(1);
        QCOMPARE(reader.feed("+PONG\r\n"), RespReader::Status::Complete);
        QCOMPARE(reader.replies(), QStringList{QStringLiteral("+PONG")});
    }

    void repliesSplitAnywhereAreJoined()
    {
        const QByteArray answer = "+OK\r\n-WRONGPASS invalid username-password pair\r\n";
        for (qsizetype cut = 0; cut <= answer.size(); ++cut) {
            RespReader reader(2);
            const auto first = reader.feed(answer.left(cut));
            QCOMPARE(first, cut == answer.size() ? RespReader::Status::Complete
                                                 : RespReader::Status::NeedMore);
            QCOMPARE(reader.feed(answer.mid(cut)), RespReader::Status::Complete);
            QCOMPARE(reader.replies(),
                     (QStringList{QStringLiteral("+OK"),
                                  QStringLiteral("-WRONGPASS invalid username-password pair")}));
        }
    }

    // A server may trickle its reply; the reader resumes its search where the last byte
    // arrived instead of rescanning (fuzz_resp took 872 ms on a 4 KB trickle before).
    void byteByByteIsReadLikeOneChunk()
    {
        const QByteArray answer = "+OK\r\n-\rERR\r\r\n+PONG\r\n";
        RespReader reader(3);
        for (const char byte : answer)
            reader.feed(QByteArray(1, byte));
        QCOMPARE(reader.status(), RespReader::Status::Complete);
        QCOMPARE(reader.replies(), (QStringList{QStringLiteral("+OK"), QStringLiteral("-\rERR\r"),
                                                QStringLiteral("+PONG")}));
    }

    void bytesAfterTheLastExpectedReplyAreIgnored()
    {
        RespReader reader(1);
        QCOMPARE(reader.feed("-NOAUTH Authentication required.\r\n:1\r\n"),
                 RespReader::Status::Complete);
        QCOMPARE(reader.feed("garbage"), RespReader::Status::Complete);
        QCOMPARE(reader.replies().size(), 1);
    }

    void otherReplyTypesAreNotAnAnswerToPing()
    {
        for (const QByteArray &answer : {QByteArray(":1\r\n"), QByteArray("$4\r\nPONG\r\n"),
                                         QByteArray("HTTP/1.1 400 Bad Request\r\n")}) {
            RespReader reader(1);
            QCOMPARE(reader.feed(answer), RespReader::Status::NotRedis);
            QCOMPARE(reader.feed("+PONG\r\n"), RespReader::Status::NotRedis);
        }
    }

    void endlessLineIsNotRedis()
    {
        RespReader reader(1);
        QCOMPARE(reader.feed(QByteArray(RespReader::maxPendingBytes, '+')),
                 RespReader::Status::NeedMore);
        QCOMPARE(reader.feed("+"), RespReader::Status::NotRedis);
    }
};

QTEST_GUILESS_MAIN(TestRespReader)
#include "test_resp_reader.moc"
