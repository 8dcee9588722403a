#include "TestSupport.h"
#include "WindowTestCase.h"
#include "ui/DatabaseProblemDialog.h"
#include "ui/EmptyState.h"
#include "ui/GuiLauncher.h"
#include "ui/MainWindow.h"

#include <QApplication>
#include <QDialog>
#include <QDockWidget>
#include <QLineEdit>
#include <QListWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace ic;
using namespace ic::ui;

class TestMainWindow : public test::WindowTestCase
{
    Q_OBJECT

private:
    QTemporaryDir m_dataDir;
    std::unique_ptr<Database> m_database;

    WindowServices services() const { return {m_database.get(), m_dataDir.path(), {}}; }

private Q_SLOTS:
    void initTestCase()
    {
        DatabaseOpenResult result;
        m_database = Database::open(m_dataDir.filePath(QStringLiteral("console.db")), &result);
        QVERIFY2(m_database, qPrintable(result.message));
    }

    void everyAreaIsThereByObjectName()
    {
        MainWindow window(services());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.objectName(), QStringLiteral("mainWindow"));
        for (const char *name : {"incidentHeader", "runbooksArea"}) {
            auto *widget = window.findChild<QWidget *>(QString::fromLatin1(name));
            QVERIFY2(widget && widget->isVisible(), name);
        }
        for (const char *name : {"checklistDock", "healthDock", "draftsDock", "timelineDock"}) {
            auto *dock = window.findChild<QDockWidget *>(QString::fromLatin1(name));
            QVERIFY2(dock && dock->isVisible(), name);
            // Until a feature fills it, each area explains what it will hold.
            auto *empty = qobject_cast<EmptyState *>(dock->widget());
            QVERIFY2(empty && !empty->heading().isEmpty(), name);
        }
    }

    void savedLayoutIsRestored()
    {
        {
            MainWindow window(services());
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            auto *health = window.findChild<QDockWidget *>(QStringLiteral("healthDock"));
            QCOMPARE(window.dockWidgetArea(health), Qt::RightDockWidgetArea);
            window.addDockWidget(Qt::LeftDockWidgetArea, health);
            window.resize(1000, 700);
            window.close(); // saves the layout like a user quitting
        }
        MainWindow reopened(services());
        reopened.show();
        QVERIFY(QTest::qWaitForWindowExposed(&reopened));
        auto *health = reopened.findChild<QDockWidget *>(QStringLiteral("healthDock"));
        QCOMPARE(reopened.dockWidgetArea(health), Qt::LeftDockWidgetArea);
        QCOMPARE(reopened.size(), QSize(1000, 700));
    }

    void bundledStyleAndIconAreCompiledIn()
    {
        QVERIFY(QFile::exists(QStringLiteral(":/style/console.qss")));
        QVERIFY(QFile::exists(QStringLiteral(":/icons/incident-console.svg")));
    }

    void areaContentCanBeReplaced()
    {
        MainWindow window(services());
        auto *content = new QWidget;
        window.setAreaContent(MainWindow::Area::Timeline, content);
        QCOMPARE(window.areaContent(MainWindow::Area::Timeline), content);
        auto *reader = new QWidget;
        window.setAreaContent(MainWindow::Area::Runbooks, reader);
        QCOMPARE(window.findChild<QWidget *>(QStringLiteral("runbooksArea")), reader);
    }

    void commandPaletteFindsAndRunsAnAction()
    {
        MainWindow window(services());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *timeline = window.findChild<QDockWidget *>(QStringLiteral("timelineDock"));
        QVERIFY(timeline->isVisible());
        QTest::keyClick(&window, Qt::Key_K, Qt::ControlModifier);
        auto *palette = window.findChild<QDialog *>(QStringLiteral("commandPalette"));
        QTRY_VERIFY(palette && palette->isVisible());
        auto *input = palette->findChild<QLineEdit *>(QStringLiteral("paletteInput"));
        QTRY_VERIFY(input->hasFocus());
        QTest::keyClicks(input, QStringLiteral("show timln"));
        auto *results = palette->findChild<QListWidget *>(QStringLiteral("paletteResults"));
        QVERIFY2(results->count() >= 1, qPrintable(input->text()));
        QVERIFY2(results->currentItem()->text().contains(QStringLiteral("Show Timeline")),
                 qPrintable(results->currentItem()->text()));
        QTest::keyClick(input, Qt::Key_Return);
        QTRY_VERIFY(!palette->isVisible());
        QTRY_VERIFY(!timeline->isVisible());
    }

    void f1ListsTheShortcuts()
    {
        MainWindow window(services());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTest::keyClick(&window, Qt::Key_F1);
        QDialog *overview = nullptr;
        QTRY_VERIFY((overview = window.findChild<QDialog *>(QStringLiteral("shortcutOverview"))));
        auto *table = overview->findChild<QTableWidget *>(QStringLiteral("shortcutTable"));
        QStringList rows;
        for (int row = 0; row < table->rowCount(); ++row)
            rows << table->item(row, 0)->text() + QLatin1Char('=') + table->item(row, 1)->text();
        QVERIFY2(rows.contains(QStringLiteral("Command palette…=Ctrl+K")),
                 qPrintable(rows.join(QLatin1Char(' '))));
        overview->close();
    }

    void unreadableDatabaseIsMovedAsideWhenTheUserAgrees()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("console.db"));
        QVERIFY(test::writeFile(path, "garbage that is not a database"));
        QString asked;
        DatabaseProblemDialog::answerForTests = [&](const QString &message,
                                                    const QList<DatabaseProblemChoice> &) {
            asked = message;
            return DatabaseProblemChoice::MoveAsideAndStartFresh;
        };
        auto database = openDatabaseForGui(path);
        QVERIFY(database);
        QVERIFY(asked.contains(path));
        const QStringList kept =
            QDir(dir.path()).entryList({QStringLiteral("console.db.corrupt-*")}, QDir::Files);
        QCOMPARE(kept.size(), 1);
        QCOMPARE(
            test::fileHash(dir.filePath(kept.first())),
            QCryptographicHash::hash("garbage that is not a database", QCryptographicHash::Sha256));
    }

    void unreadableDatabaseIsKeptWhenTheUserQuits()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("console.db"));
        QVERIFY(test::writeFile(path, "garbage"));
        DatabaseProblemDialog::answerForTests = [](const QString &,
                                                   const QList<DatabaseProblemChoice> &) {
            return DatabaseProblemChoice::Quit;
        };
        QVERIFY(!openDatabaseForGui(path));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files),
                 QStringList{QStringLiteral("console.db")});
    }
};

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
