#include "core/TerminalText.h"

#include <QtTest>

using namespace ic;

class TestTerminalText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void escapeSequencesBecomeVisible()
    {
        QCOMPARE(terminalSafe(u"\x1b[2J\x1b]0;owned\x07title"),
                 QStringLiteral("\\x1b[2J\\x1b]0;owned\\x07title"));
        QCOMPARE(terminalSafe(u"nul\x00 del\x7f"_qs), QStringLiteral("nul\\x00 del\\x7f"));
    }

    void c1AndBidiControlsBecomeVisible()
    {
        QCOMPARE(terminalSafe(u"csi\u009b31m"), QStringLiteral("csi\\u009b31m"));
        QCOMPARE(terminalSafe(u"invoice\u202Efdp.exe"), QStringLiteral("invoice\\u202efdp.exe"));
        for (const char16_t c : {u'\u202A', u'\u202B', u'\u202C', u'\u202D', u'\u2066', u'\u2067',
                                 u'\u2068', u'\u2069'})
            QVERIFY(terminalSafe(QString(QChar(c))).startsWith(QStringLiteral("\\u20")));
    }

    void layoutAndOrdinaryTextStay()
    {
        const QString table = QStringLiteral("id\ttitle\nrünbook 🚨 — ok\r\n");
        QCOMPARE(terminalSafe(table), table);
        QCOMPARE(terminalSafe(u"progress 10%\roverwritten"),
                 QStringLiteral("progress 10%\\x0doverwritten"));
    }

    void deviceEscapesWhatAStreamWritesEvenSplitMidCharacter()
    {
        QString written;
        QTextStream target(&written);
        TerminalSafeDevice device(target);
        const QByteArray bidi = QStringLiteral("\u202E").toUtf8();
        QCOMPARE(device.write(QByteArray("a\x1b") + bidi.left(1)), qint64(3));
        QCOMPARE(device.write(bidi.mid(1) + "b"), qint64(bidi.size()));
        QCOMPARE(written, QStringLiteral("a\\x1b\\u202eb"));

        QTextStream human(&device);
        human << QStringLiteral("\x1b[31mred") << Qt::endl;
        QCOMPARE(written, QStringLiteral("a\\x1b\\u202eb\\x1b[31mred\n"));
    }
};

QTEST_GUILESS_MAIN(TestTerminalText)
#include "test_terminal_text.moc"
