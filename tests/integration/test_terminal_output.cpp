#include "TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace ic;

namespace {

const QString clearScreen = QStringLiteral("\x1b[2J");
const QString rightToLeft = QStringLiteral("\u202E");

// What terminalSafe() may never let through to a terminal.
bool hasRawControls(const QString &text)
{
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if ((u < 0x20 && u != u'\t' && u != u'\n' && u != u'\r') || (u >= 0x7F && u <= 0x9F) ||
            (u >= 0x202A && u <= 0x202E) || (u >= 0x2066 && u <= 0x2069))
            return true;
    }
    return false;
}

} // namespace

// Human output of the real binary shows control characters from untrusted runbooks,
// imports and servers as visible escapes; --json keeps the exact text.
class TestTerminalOutput : public QObject
{
    Q_OBJECT

    QTemporaryDir m_root;

    QString path(const QString &name) const { return m_root.filePath(name); }

    test::RunResult runbooks(const QStringList &args)
    {
        return test::runConsole(
            QStringList{QStringLiteral("runbooks")} + args +
                QStringList{QStringLiteral("--data-dir"), path(QStringLiteral("runbook-data")),
                            QStringLiteral("--runbooks"), path(QStringLiteral("hostile"))},
            {{QStringLiteral("INCIDENT_CONSOLE_BUNDLED_RUNBOOKS"),
              path(QStringLiteral("no-bundled"))}});
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_root.isValid());
        QVERIFY(QDir(m_root.path()).mkpath(QStringLiteral("no-bundled")));
        QVERIFY(QDir(m_root.path()).mkpath(QStringLiteral("hostile")));
        // A heading with raw escape sequences, and a YAML title whose \e and \u202E escapes
        // decode to the same characters.
        QVERIFY(test::writeFile(
            path(QStringLiteral("hostile/heading.md")),
            QStringLiteral("# Disk %1full\x1b]0;owned\x07\n\nText.\n").arg(clearScreen).toUtf8()));
        QVERIFY(test::writeFile(path(QStringLiteral("hostile/front-matter.md")),
                                "---\ntitle: \"Reset \\e[31mSSO\\u202Etxt.exe\"\n---\n\nText.\n"));
        // An empty runbook is reported by reindex and the log, naming its file.
        QVERIFY(test::writeFile(path(QStringLiteral("hostile/empty\x1b[8m.md")), {}));
    }

    void runbookTitlesAreEscapedInTheList()
    {
        const auto result = runbooks({QStringLiteral("list")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QVERIFY2(!hasRawControls(result.out), qPrintable(result.out));
        QVERIFY2(result.out.contains(QStringLiteral("Disk \\x1b[2Jfull\\x1b]0;owned\\x07")),
                 qPrintable(result.out));
        QVERIFY2(result.out.contains(QStringLiteral("Reset \\x1b[31mSSO\\u202etxt.exe")),
                 qPrintable(result.out));
    }

    void logLinesOnStderrAreEscaped()
    {
        // Scan problems go to the log at info (a search does not repeat them on stderr);
        // --log-level info puts them on stderr too, escaped as reindex's own report is.
        const auto result = runbooks(
            {QStringLiteral("reindex"), QStringLiteral("--log-level"), QStringLiteral("info")});
        QVERIFY2(!hasRawControls(result.err), qPrintable(result.err));
        QVERIFY2(result.err.contains(QStringLiteral("empty\\x1b[8m.md: empty file")),
                 qPrintable(result.err));
        QVERIFY2(!hasRawControls(result.out), qPrintable(result.out));
        QVERIFY2(result.out.contains(QStringLiteral("empty\\x1b[8m.md: empty file")),
                 qPrintable(result.out));
    }

    void jsonKeepsTheExactTitles()
    {
        const auto result = runbooks({QStringLiteral("list"), QStringLiteral("--json")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QStringList titles;
        for (const QJsonValue &value : QJsonDocument::fromJson(result.out.toUtf8()).array())
            titles << value.toObject().value(QStringLiteral("title")).toString();
        QVERIFY2(titles.contains(QStringLiteral("Disk %1full\x1b]0;owned\x07").arg(clearScreen)),
                 qPrintable(titles.join(u'|')));
        QVERIFY(titles.contains(QStringLiteral("Reset \x1b[31mSSO%1txt.exe").arg(rightToLeft)));
    }

    void importedIncidentTitleIsEscapedInTheList()
    {
        const QString source = path(QStringLiteral("source"));
        const auto declared = test::runConsole(
            {QStringLiteral("--data-dir"), source, QStringLiteral("incident"),
             QStringLiteral("new"), QStringLiteral("--title"), QStringLiteral("placeholder"),
             QStringLiteral("--severity"), QStringLiteral("SEV-2")});
        QVERIFY2(declared.exitCode == 0, qPrintable(declared.err));
        const QString exported = path(QStringLiteral("incident.json"));
        QCOMPARE(test::runConsole({QStringLiteral("--data-dir"), source, QStringLiteral("export"),
                                   declared.out.trimmed(), QStringLiteral("--format"),
                                   QStringLiteral("json"), QStringLiteral("--output"), exported})
                     .exitCode,
                 0);
        QFile file(exported);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QJsonObject incident = QJsonDocument::fromJson(file.readAll()).object();
        file.close();
        const QString hostileTitle =
            QStringLiteral("DB down%1\u009b31m%2gnp.exe").arg(clearScreen, rightToLeft);
        incident.insert(QStringLiteral("title"), hostileTitle);
        QVERIFY(test::writeFile(exported, QJsonDocument(incident).toJson()));

        const QString target = path(QStringLiteral("target"));
        const auto imported =
            test::runConsole({QStringLiteral("--data-dir"), target, QStringLiteral("incident"),
                              QStringLiteral("import"), exported});
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));

        const auto list = test::runConsole({QStringLiteral("--data-dir"), target,
                                            QStringLiteral("incident"), QStringLiteral("list")});
        QVERIFY2(list.exitCode == 0, qPrintable(list.err));
        QVERIFY2(!hasRawControls(list.out), qPrintable(list.out));
        QVERIFY2(list.out.contains(QStringLiteral("DB down\\x1b[2J\\u009b31m\\u202egnp.exe")),
                 qPrintable(list.out));

        const auto json =
            test::runConsole({QStringLiteral("--data-dir"), target, QStringLiteral("incident"),
                              QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(QJsonDocument::fromJson(json.out.toUtf8())
                     .array()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("title"))
                     .toString(),
                 hostileTitle);
    }

    void serverReasonPhraseAndBodyAreEscapedInTheCheckTable()
    {
        QProcess server;
        server.start(QStringLiteral("python3"), {QFINDTESTDATA("control_text_server.py")});
        QVERIFY(server.waitForReadyRead(10000));
        const int port = server.readLine().trimmed().toInt();
        const QString config = path(QStringLiteral("health.yaml"));
        QVERIFY(test::writeFile(
            config, QStringLiteral("checks:\n  - name: api\n    type: http\n    url: "
                                   "http://127.0.0.1:%1/\n    conditions: [\"[BODY] == fine\"]\n")
                        .arg(port)
                        .toUtf8()));
        const auto table =
            test::runConsole({QStringLiteral("check"), QStringLiteral("--config"), config,
                              QStringLiteral("--data-dir"), path(QStringLiteral("check-data"))});
        const auto json = test::runConsole(
            {QStringLiteral("check"), QStringLiteral("--json"), QStringLiteral("--config"), config,
             QStringLiteral("--data-dir"), path(QStringLiteral("check-data"))});
        server.kill();
        server.waitForFinished();
        QCOMPARE(table.exitCode, 1);
        QVERIFY2(!hasRawControls(table.out), qPrintable(table.out));
        QVERIFY2(table.out.contains(QStringLiteral("OK\\x1b]0;owned\\x07\\x1b[2J")),
                 qPrintable(table.out));
        QVERIFY2(table.out.contains(QStringLiteral("\\x1b[31mred\\u202eevil\\u009b1m")),
                 qPrintable(table.out));
        const QString message = QJsonDocument::fromJson(json.out.toUtf8())
                                    .array()
                                    .at(0)
                                    .toObject()
                                    .value(QStringLiteral("message"))
                                    .toString();
        QVERIFY2(message.contains(QStringLiteral("OK\x1b]0;owned\x07\x1b[2J")),
                 qPrintable(json.out));
    }
};

QTEST_GUILESS_MAIN(TestTerminalOutput)
#include "test_terminal_output.moc"
