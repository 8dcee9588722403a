#include "EventLoopGap.h"
#include "WindowTestCase.h"
#include "comms/MessageTemplates.h"
#include "comms/SlackText.h"
#include "ui/DraftsPanel.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QLabel>
#include <QListWidget>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTextBrowser>
#include <QtTest>

using namespace ic;
using namespace ic::ui;

namespace {

QVariantMap incidentValues()
{
    return {{QStringLiteral("title"), QStringLiteral("Checkout returns 502")},
            {QStringLiteral("severity"), QStringLiteral("SEV-2")},
            {QStringLiteral("status"), QStringLiteral("Investigating")},
            {QStringLiteral("status_sentence"), QStringLiteral("We are looking into it.")},
            {QStringLiteral("service"), QStringLiteral("checkout")},
            {QStringLiteral("impact"), QStringLiteral("EU card payments fail")},
            {QStringLiteral("commander"), QStringLiteral("Ana")},
            {QStringLiteral("started"), QStringLiteral("2026-11-25 09:30")},
            {QStringLiteral("channel"), QStringLiteral("#incident-2026-11-25-0930")},
            {QStringLiteral("next_update"), QStringLiteral("10:00")}};
}

} // namespace

class TestDraftsPanel : public test::WindowTestCase
{
    Q_OBJECT

private:
    comms::MessageTemplates m_templates;

    void choose(DraftsPanel &panel, const QString &id)
    {
        auto *combo = panel.findChild<QComboBox *>(QStringLiteral("draftTemplate"));
        combo->setCurrentIndex(combo->findData(id));
    }

private Q_SLOTS:
    void withoutAnIncidentItExplainsItself()
    {
        DraftsPanel panel(m_templates);
        panel.setValuesProvider([] { return QVariantMap(); });
        panel.show();
        QVERIFY(!panel.findChild<QPlainTextEdit *>(QStringLiteral("draftEditor"))->isVisible());
        QVERIFY(!panel.copyCurrent());
    }

    void copyPutsTheRenderedInitialAlertOnTheClipboard()
    {
        DraftsPanel panel(m_templates);
        panel.setValuesProvider(incidentValues);
        choose(panel, QStringLiteral("initial"));
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QSignalSpy copied(&panel, &DraftsPanel::draftCopied);
        QTest::mouseClick(panel.findChild<QPushButton *>(QStringLiteral("draftCopy")),
                          Qt::LeftButton);
        QCOMPARE(copied.size(), 1);
        const QString clip = QApplication::clipboard()->text();
        QVERIFY(clip.startsWith(QStringLiteral("🚨 *INCIDENT DECLARED: Checkout returns 502*")));
        QVERIFY(clip.contains(QStringLiteral("*Impact:* EU card payments fail")));
        QCOMPARE(copied.first().at(0).toString(), QStringLiteral("initial"));
        QCOMPARE(copied.first().at(1).toString(), clip);
        QVERIFY(QApplication::clipboard()->mimeData()->hasHtml());
    }

    void slackMarkupInTheIncidentIsCopiedAsTextAndFlagged()
    {
        DraftsPanel panel(m_templates);
        panel.setValuesProvider([] {
            QVariantMap values = incidentValues();
            values[QStringLiteral("title")] =
                QStringLiteral("<!channel> <https://evil.example/x|Reset SSO>");
            return values;
        });
        choose(panel, QStringLiteral("initial"));
        QStringList findings;
        DraftsPanel::confirmForTests = [&](const QStringList &shown) {
            findings = shown;
            return true;
        };
        const bool copied = panel.copyCurrent();
        DraftsPanel::confirmForTests = nullptr;
        QVERIFY(copied);
        const QString clip = QApplication::clipboard()->text();
        QVERIFY2(clip.contains(QStringLiteral(
                     "*INCIDENT DECLARED: &lt;!channel&gt; &lt;https://evil.example/x|Reset "
                     "SSO&gt;*")),
                 qPrintable(clip));
        QVERIFY(!clip.contains(QStringLiteral("<!channel>")));
        QVERIFY2(findings.join(u'\n').contains(QStringLiteral("<!channel> in title")),
                 qPrintable(findings.join(u'\n')));
    }

    void findingsNeedAnExplicitConfirmation()
    {
        DraftsPanel panel(m_templates);
        panel.setValuesProvider(incidentValues);
        choose(panel, QStringLiteral("update"));
        panel.show();
        auto *findings = panel.findChild<QListWidget *>(QStringLiteral("draftFindings"));
        QVERIFY(findings->count() > 0); // "what was found or tried" is not filled yet
        QStringList asked;
        DraftsPanel::confirmForTests = [&](const QStringList &f) {
            asked = f;
            return false;
        };
        QApplication::clipboard()->clear();
        QSignalSpy copied(&panel, &DraftsPanel::draftCopied);
        QVERIFY(!panel.copyCurrent());
        QCOMPARE(copied.size(), 0);
        QVERIFY(!asked.isEmpty());
        QVERIFY(QApplication::clipboard()->text().isEmpty());

        DraftsPanel::confirmForTests = [](const QStringList &) {
            return true;
        };
        QVERIFY(panel.copyCurrent());
        QCOMPARE(copied.size(), 1);
    }

    void incidentChangesNeverDiscardEdits()
    {
        QString title = QStringLiteral("First title");
        DraftsPanel panel(m_templates);
        panel.setValuesProvider([&] {
            QVariantMap values = incidentValues();
            values[QStringLiteral("title")] = title;
            return values;
        });
        choose(panel, QStringLiteral("initial"));
        auto *editor = panel.findChild<QPlainTextEdit *>(QStringLiteral("draftEditor"));
        title = QStringLiteral("Second title");
        panel.incidentChanged(); // untouched draft: follows the incident
        QVERIFY(editor->toPlainText().contains(QStringLiteral("Second title")));
        editor->appendPlainText(QStringLiteral("Typed by the commander"));
        title = QStringLiteral("Third title");
        panel.incidentChanged(); // edited draft: kept
        QVERIFY(editor->toPlainText().contains(QStringLiteral("Typed by the commander")));
        QVERIFY(!editor->toPlainText().contains(QStringLiteral("Third title")));
        panel.refill(); // an explicit refill replaces it
        QVERIFY(editor->toPlainText().contains(QStringLiteral("Third title")));
    }

    void editsUpdateTheFindings()
    {
        DraftsPanel panel(m_templates);
        panel.setValuesProvider(incidentValues);
        choose(panel, QStringLiteral("initial"));
        auto *editor = panel.findChild<QPlainTextEdit *>(QStringLiteral("draftEditor"));
        auto *findings = panel.findChild<QListWidget *>(QStringLiteral("draftFindings"));
        QCOMPARE(findings->count(), 0);
        editor->appendPlainText(QStringLiteral("ETA: 20 minutes"));
        QCOMPARE(findings->count(), 1);
        QCOMPARE(findings->item(0)->data(Qt::UserRole).toString(), QStringLiteral("promised-eta"));
    }

    void aHugeDraftPreviewsItsBeginningAndIsFlaggedTooLong()
    {
        DraftsPanel panel(m_templates);
        panel.setValuesProvider(incidentValues);
        choose(panel, QStringLiteral("initial"));
        panel.resize(600, 800);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        auto *editor = panel.findChild<QPlainTextEdit *>(QStringLiteral("draftEditor"));
        auto *preview = panel.findChild<QTextBrowser *>(QStringLiteral("draftPreview"));
        auto *note = panel.findChild<QLabel *>(QStringLiteral("draftPreviewNote"));
        QVERIFY(note->isHidden());

        // A pasted log: 3 MB of lines with Slack markup in them.
        QString log;
        for (int line = 0; log.size() < 3'000'000; ++line)
            log += QStringLiteral("%1 *ERROR* upstream `checkout` timed out _again_\n").arg(line);
        editor->setPlainText(log);
        editor->moveCursor(QTextCursor::End);
        QTest::qWait(50);

        const test::EventLoopGap gap;
        QTest::keyClicks(editor, QStringLiteral("x"));
        QTest::qWait(100);
        qInfo("a keystroke in a %lld-character draft: longest event-loop gap %lld ms",
              qlonglong(log.size()), qlonglong(gap.longestMs()));
        QVERIFY2(gap.longestMs() < 200, qPrintable(QString::number(gap.longestMs())));
        QVERIFY(note->isVisible());
        QVERIFY2(note->text().startsWith(QStringLiteral("The preview shows the first 8,000 of "
                                                        "3,000,0")),
                 qPrintable(note->text()));
        QVERIFY(preview->toPlainText().size() <= DraftsPanel::previewLimit);
        auto *findings = panel.findChild<QListWidget *>(QStringLiteral("draftFindings"));
        QVERIFY(findings->isVisible());
        QCOMPARE(findings->item(0)->data(Qt::UserRole).toString(), QStringLiteral("too-long"));

        editor->setPlainText(QStringLiteral("short again"));
        QVERIFY(note->isHidden());
        QCOMPARE(preview->toPlainText(), QStringLiteral("short again"));
    }
};

QTEST_MAIN(TestDraftsPanel)
#include "test_drafts_panel.moc"
