#include "TestSupport.h"
#include "runbooks/BundledRunbooks.h"
#include "runbooks/RunbookLibrary.h"
#include "storage/Database.h"
#include "ui/runbooks/IndexProgress.h"
#include "ui/runbooks/RunbookBrowser.h"
#include "ui/runbooks/RunbookPanel.h"
#include "ui/runbooks/RunbookTableModel.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

using namespace ic;
using namespace ic::ui;

namespace {

const QByteArray rollbackCommand = "kubectl rollout undo deployment/api -n prod --to-revision=41";

const QByteArray rollbackRunbook = "---\ntitle: Failed deployment\ntags: [deploy]\n---\n"
                                   "# Failed deployment\n\nRoll the release back first.\n\n"
                                   "## Roll back\n\n```bash\n" +
                                   rollbackCommand +
                                   "\n```\n\nThen read [the cache runbook](cache.md#flush).\n";

const QByteArray cacheRunbook = "---\ntitle: Cache failure\ntags: [redis]\n---\n"
                                "# Cache failure\n\nRedis stops answering.\n\n## Flush\n\n"
                                "```\nredis-cli FLUSHALL\n```\n";

} // namespace

class TestRunbookPanel : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_folder;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<RunbookPanel> m_panel;

    template <typename T> T *child(const char *name) const
    {
        return m_panel->findChild<T *>(QLatin1String(name));
    }

    RunbookBrowser *currentBrowser() const
    {
        auto *tabs = child<QTabWidget>("runbookReader");
        return tabs->currentWidget() ? tabs->currentWidget()->findChild<RunbookBrowser *>()
                                     : nullptr;
    }

    // Clicks the link whose text is linkText, as a user would.
    static void clickLink(RunbookBrowser *browser, const QString &linkText)
    {
        QTRY_VERIFY(!browser->isLoading());
        QTextCursor found = browser->document()->find(linkText);
        QVERIFY2(!found.isNull(), qPrintable(linkText));
        browser->setTextCursor(found);
        browser->ensureCursorVisible();
        QTextCursor middle(browser->document());
        middle.setPosition(found.selectionStart() + 1);
        const QPoint point = browser->cursorRect(middle).center();
        QTest::mouseClick(browser->viewport(), Qt::LeftButton, {}, point);
    }

private Q_SLOTS:
    void init()
    {
        m_folder = m_dir.filePath(QStringLiteral("runbooks"));
        QDir(m_folder).removeRecursively();
        QDir().mkpath(m_folder);
        QVERIFY(test::writeFile(m_folder + QStringLiteral("/failed-deploy.md"), rollbackRunbook));
        QVERIFY(test::writeFile(m_folder + QStringLiteral("/cache.md"), cacheRunbook));
        QVERIFY(test::writeFile(m_folder + QStringLiteral("/broken.md"), QByteArray("\0\1", 2)));
        DatabaseOpenResult result;
        m_database = Database::open(m_dir.filePath(QStringLiteral("console.db")), &result);
        QVERIFY2(m_database, qPrintable(result.message));
        m_panel = std::make_unique<RunbookPanel>(m_database->path(), QStringList{m_folder});
        QSignalSpy ready(m_panel.get(), &RunbookPanel::indexReady);
        m_panel->resize(1000, 800);
        m_panel->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
        QTRY_VERIFY(!ready.isEmpty());
    }

    void cleanup()
    {
        m_panel.reset();
        m_database.reset();
    }

    void searchOpenAndCopyTheCommand()
    {
        auto *search = child<QLineEdit>("runbookSearch");
        auto *table = child<QTableView>("runbookIndex");
        QSignalSpy shown(m_panel.get(), &RunbookPanel::resultsShown);
        search->setFocus();
        QTest::keyClicks(search, QStringLiteral("failed depl"));
        QTRY_VERIFY(!shown.isEmpty() &&
                    shown.last().at(0).toString() == QStringLiteral("failed depl"));
        QCOMPARE(table->model()->rowCount(), 1);
        QCOMPARE(table->model()->index(0, 0).data().toString(),
                 QStringLiteral("Failed deployment"));
        const QString snippet =
            table->model()->index(0, 1).data(RunbookTableModel::SnippetHtmlRole).toString();
        QVERIFY2(snippet.contains(QStringLiteral("<b>Failed</b>")), qPrintable(snippet));

        QTest::keyClick(search, Qt::Key_Return);
        RunbookBrowser *browser = currentBrowser();
        QVERIFY(browser);
        QTRY_COMPARE(browser->currentTitle(), QStringLiteral("Failed deployment"));

        QApplication::clipboard()->clear();
        clickLink(browser, QStringLiteral("Copy"));
        QTRY_COMPARE(QApplication::clipboard()->text(), QString::fromUtf8(rollbackCommand));
    }

    void relativeLinksOpenInTheReaderWithHistory()
    {
        m_panel->openRunbook(m_folder + QStringLiteral("/failed-deploy.md"));
        RunbookBrowser *browser = currentBrowser();
        QVERIFY(browser);
        clickLink(browser, QStringLiteral("the cache runbook"));
        QTRY_COMPARE(browser->currentTitle(), QStringLiteral("Cache failure"));
        auto *back =
            browser->parentWidget()->findChild<QToolButton *>(QStringLiteral("runbookBack"));
        QVERIFY(back->isEnabled());
        QTest::mouseClick(back, Qt::LeftButton);
        QTRY_COMPARE(browser->currentTitle(), QStringLiteral("Failed deployment"));
        auto *forward =
            browser->parentWidget()->findChild<QToolButton *>(QStringLiteral("runbookForward"));
        QTest::mouseClick(forward, Qt::LeftButton);
        QTRY_COMPARE(browser->currentTitle(), QStringLiteral("Cache failure"));
        QVERIFY(!browser->canGoForward());
    }

    // First run on a big folder: a bar shows how far indexing is, the bundled runbooks (scanned
    // first) are listed and found at once, Cancel stops with what is done kept, and Resume
    // indexes the rest to 100 %.
    void indexingShowsProgressFindsBundledRunbooksAndCanBeCancelled()
    {
        QTemporaryDir dir;
        const QString big = dir.filePath(QStringLiteral("big"));
        QDir().mkpath(big);
        for (int i = 0; i < 6000; ++i)
            QVERIFY(test::writeFile(big + QStringLiteral("/service-%1.md").arg(i),
                                    "# Service " + QByteArray::number(i) +
                                        "\n\nQueues and pools with their owners.\n"));
        DatabaseOpenResult result;
        auto database = Database::open(dir.filePath(QStringLiteral("console.db")), &result);
        QVERIFY2(database, qPrintable(result.message));
        RunbookPanel panel(database->path(), runbooks::runbookRoots({big}));
        QSignalSpy ready(&panel, &RunbookPanel::indexReady);
        QSignalSpy shown(&panel, &RunbookPanel::resultsShown);
        panel.resize(1000, 800);
        panel.show();
        auto *progress = panel.findChild<IndexProgress *>(QStringLiteral("runbookIndexProgress"));
        QVERIFY(progress);
        QTRY_VERIFY_WITH_TIMEOUT(progress->isVisible(), 20000);
        const int bundled = int(QDir(runbooks::bundledRunbookDir())
                                    .entryList({QStringLiteral("*.md")}, QDir::Files)
                                    .size());

        auto *search = panel.findChild<QLineEdit *>(QStringLiteral("runbookSearch"));
        auto *table = panel.findChild<QTableView *>(QStringLiteral("runbookIndex"));
        QTest::keyClicks(search, QStringLiteral("disk full"));
        QTRY_VERIFY(!shown.isEmpty() &&
                    shown.last().at(0).toString() == QStringLiteral("disk full"));
        QVERIFY(table->model()->rowCount() > 0);
        QCOMPARE(table->model()->index(0, 0).data().toString(), QStringLiteral("Disk full"));
        QVERIFY2(progress->percent() < 100 && ready.isEmpty(),
                 qPrintable(QString::number(progress->percent())));
        const QString during =
            panel.findChild<QLabel *>(QStringLiteral("runbookIndexText"))->text();
        QVERIFY2(during.startsWith(QStringLiteral("Indexing ")) &&
                     during.contains(
                         QStringLiteral(" of %1 files").arg(QLocale().toString(6000 + bundled))),
                 qPrintable(during));

        QTest::mouseClick(panel.findChild<QPushButton *>(QStringLiteral("runbookIndexCancel")),
                          Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty(), 20000);
        auto *text = panel.findChild<QLabel *>(QStringLiteral("runbookIndexText"));
        QVERIFY2(text->text().startsWith(QStringLiteral("Indexing stopped: ")),
                 qPrintable(text->text()));
        QVERIFY(progress->isVisible());
        QVERIFY(progress->percent() < 100);

        QTest::mouseClick(panel.findChild<QPushButton *>(QStringLiteral("runbookIndexResume")),
                          Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(ready.size() == 2, 60000);
        QCOMPARE(progress->percent(), 100);
        QVERIFY(!progress->isVisible());
        search->clear();
        QTRY_VERIFY(table->model()->rowCount() >= 6000);
    }

    void staleResultsNeverReplaceNewerOnes()
    {
        auto *search = child<QLineEdit>("runbookSearch");
        auto *table = child<QTableView>("runbookIndex");
        QSignalSpy shown(m_panel.get(), &RunbookPanel::resultsShown);
        search->setFocus();
        // Typed faster than the search answers: every keystroke but the last asks for
        // results that are out of date before they arrive.
        QTest::keyClicks(search, QStringLiteral("cache"));
        QTRY_VERIFY(!shown.isEmpty() && shown.last().at(0).toString() == QStringLiteral("cache"));
        QTest::qWait(200);
        for (const auto &emission : shown)
            QCOMPARE(emission.at(0).toString(), QStringLiteral("cache"));
        // The title match, then the runbook whose body links to it.
        QCOMPARE(table->model()->rowCount(), 2);
        QCOMPARE(table->model()->index(0, 0).data().toString(), QStringLiteral("Cache failure"));

        // The index changes during the search: the fresh list must not replace its results,
        // not even until the search is asked again.
        std::vector<int> rowsWhenListed;
        connect(m_panel.get(), &RunbookPanel::indexReady, this,
                [&] { rowsWhenListed.push_back(table->model()->rowCount()); });
        QVERIFY(test::writeFile(m_folder + QStringLiteral("/dns.md"),
                                "# DNS failure\n\nNames do not resolve.\n"));
        QTRY_VERIFY_WITH_TIMEOUT(!rowsWhenListed.empty(), 15000);
        for (const int rows : rowsWhenListed)
            QCOMPARE(rows, 2);
        QTRY_COMPARE(shown.last().at(0).toString(), QStringLiteral("cache"));
        QCOMPARE(table->model()->rowCount(), 2);
        QCOMPARE(table->model()->index(0, 0).data().toString(), QStringLiteral("Cache failure"));
        // Clearing the field shows every runbook again, the new one with them.
        search->clear();
        QTRY_COMPARE(table->model()->rowCount(), 3);
    }

    void tableIsSortableAndFilterableByTag()
    {
        auto *table = child<QTableView>("runbookIndex");
        QCOMPARE(table->model()->rowCount(), 2);
        table->sortByColumn(0, Qt::DescendingOrder);
        QCOMPARE(table->model()->index(0, 0).data().toString(),
                 QStringLiteral("Failed deployment"));
        table->sortByColumn(0, Qt::AscendingOrder);
        QCOMPARE(table->model()->index(0, 0).data().toString(), QStringLiteral("Cache failure"));
        auto *tags = child<QComboBox>("runbookTagFilter");
        tags->setCurrentIndex(tags->findData(QStringLiteral("deploy")));
        QCOMPARE(table->model()->rowCount(), 1);
        QCOMPARE(table->model()->index(0, 0).data().toString(),
                 QStringLiteral("Failed deployment"));
    }

    void narrowIndexKeepsTheDescriptionReadable()
    {
        auto *table = child<QTableView>("runbookIndex");
        QVERIFY(!table->isColumnHidden(RunbookTableModel::Tags));
        QVERIFY(!table->isColumnHidden(RunbookTableModel::Owner));
        const int tagsWidth = table->columnWidth(RunbookTableModel::Tags);
        m_panel->resize(560, 800);
        QTRY_VERIFY(table->isColumnHidden(RunbookTableModel::Tags));
        QVERIFY(table->isColumnHidden(RunbookTableModel::Owner));
        QVERIFY(table->isColumnHidden(RunbookTableModel::LastReviewed));
        QVERIFY(!table->isColumnHidden(RunbookTableModel::Severity));
        QVERIFY(!table->isColumnHidden(RunbookTableModel::Stale));
        // The stretched description takes the room the hidden columns gave up, so the rows
        // fit without scrolling sideways.
        QTRY_VERIFY(table->columnWidth(RunbookTableModel::Description) >= 150);
        QTRY_COMPARE(table->horizontalScrollBar()->maximum(), 0);
        m_panel->resize(1200, 800);
        QTRY_VERIFY(!table->isColumnHidden(RunbookTableModel::Tags));
        QVERIFY(!table->isColumnHidden(RunbookTableModel::Owner));
        QCOMPARE(table->columnWidth(RunbookTableModel::Tags), tagsWidth);
    }

    void problemsAreListed()
    {
        auto *problems = child<QListWidget>("runbookProblems");
        QCOMPARE(problems->count(), 1);
        QVERIFY(problems->item(0)->text().contains(QStringLiteral("broken.md")));
        QVERIFY(problems->item(0)->text().contains(QStringLiteral("binary")));
        // Folded under the index at first, so it takes none of the index's rows.
        auto *toggle = child<QToolButton>("runbookProblemsToggle");
        QVERIFY(toggle->isVisible());
        QCOMPARE(toggle->text(), QStringLiteral("1 file could not be indexed (or only partly)"));
        QVERIFY(!problems->isVisible());
        auto *table = child<QTableView>("runbookIndex");
        const int folded = table->height();
        toggle->click();
        QTRY_VERIFY(problems->isVisible());
        QVERIFY(table->height() < folded);
        toggle->click();
        QTRY_VERIFY(!problems->isVisible());
        QTRY_COMPARE(table->height(), folded);
    }

    void newFilesAppearWhileRunning()
    {
        QSignalSpy ready(m_panel.get(), &RunbookPanel::indexReady);
        QVERIFY(test::writeFile(m_folder + QStringLiteral("/dns.md"), "# DNS failure\n\nNames.\n"));
        QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty() && ready.last().at(0).toInt() == 3, 15000);
    }
};

QTEST_MAIN(TestRunbookPanel)
#include "test_runbook_panel.moc"
