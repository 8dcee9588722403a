#include "health/CurlCommand.h"

#include <QtTest>

using namespace ic::health;

class TestCurlCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void getIsPlain()
    {
        CheckDefinition check;
        check.url = QStringLiteral("http://127.0.0.1:8000/health");
        check.maxRedirects = 0;
        check.timeout = std::chrono::seconds(5);
        QCOMPARE(curlCommand(check),
                 QStringLiteral("curl -sS -i --max-time 5 'http://127.0.0.1:8000/health'"));
    }

    void everyOptionIsQuotedForTheShell()
    {
        CheckDefinition check;
        check.url = QStringLiteral("https://api.example.com/v1/it's");
        check.method = QStringLiteral("POST");
        check.headers.insert(QStringLiteral("X-Token"), QStringLiteral("a b"));
        check.requestBody = QStringLiteral("{\"q\": \"$(rm -rf /)\"}");
        check.maxRedirects = 3;
        check.tlsVerify = false;
        check.timeout = std::chrono::milliseconds(1500);
        QCOMPARE(curlCommand(check),
                 QStringLiteral("curl -sS -i -X 'POST' -H 'X-Token: a b' --data-raw "
                                "'{\"q\": \"$(rm -rf /)\"}' -L --max-redirs 3 -k --max-time 1.5 "
                                "'https://api.example.com/v1/it'\\''s'"));
    }
};

QTEST_GUILESS_MAIN(TestCurlCommand)
#include "test_curl_command.moc"
