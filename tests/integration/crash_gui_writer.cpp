// The console's GUI as a writer for the crash loop (tests/integration/crashloop.py): runs the
// real window (ui::runGui: database, health monitor, backups, cockpit) and works the checklist
// and timeline through its widgets, like a commander at the keyboard, until it is killed.
//
// Every change is acknowledged on stdout only after the window shows it stored, which it does
// only once the commit returned:
//   tick ITEM_ID | untick ITEM_ID | note TEXT
//
// Usage: crash_gui_writer DATA_DIR     (QT_QPA_PLATFORM=offscreen without a display)

#include "cli/CommandLine.h"
#include "ui/GuiLauncher.h"
#include "ui/MainWindow.h"

#include <QApplication>
#include <QLineEdit>
#include <QTextStream>
#include <QTimer>
#include <QTreeWidget>
#include <QtTest>
#include <cstdio>
#include <unistd.h>

using namespace ic;

namespace {

QList<QTreeWidgetItem *> leafRows(QTreeWidget *tree)
{
    QList<QTreeWidgetItem *> rows;
    for (int p = 0; p < tree->topLevelItemCount(); ++p)
        for (int i = 0; i < tree->topLevelItem(p)->childCount(); ++i)
            rows.append(tree->topLevelItem(p)->child(i));
    return rows;
}

void acknowledge(const QByteArray &line)
{
    std::fputs(line.constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

// One step of work; false when the window is not there (yet).
bool step(int number)
{
    QWidget *window = nullptr;
    for (QWidget *candidate : QApplication::topLevelWidgets())
        if (qobject_cast<ui::MainWindow *>(candidate) && candidate->isVisible())
            window = candidate;
    if (!window)
        return false;
    auto *tree = window->findChild<QTreeWidget *>(QStringLiteral("checklistTree"));
    auto *note = window->findChild<QLineEdit *>(QStringLiteral("timelineNoteInput"));
    if (!tree || !note)
        return false;
    if (number % 4 == 3) {
        const QString text = QStringLiteral("gui note %1-%2").arg(::getpid()).arg(number);
        note->setText(text);
        QTest::keyClick(note, Qt::Key_Return);
        if (note->text().isEmpty())
            acknowledge("note " + text.toUtf8());
        return true;
    }
    const QList<QTreeWidgetItem *> rows = leafRows(tree);
    if (rows.isEmpty())
        return false;
    QTreeWidgetItem *row = rows.at(number % rows.size());
    const QString itemId = row->data(0, Qt::UserRole).toString();
    const bool wasChecked = row->checkState(0) == Qt::Checked;
    tree->setCurrentItem(row);
    QTest::keyClick(tree, Qt::Key_Space);
    // The panel rebuilt its rows from the store: find the item again.
    for (QTreeWidgetItem *after : leafRows(tree)) {
        if (after->data(0, Qt::UserRole).toString() != itemId)
            continue;
        if ((after->checkState(0) == Qt::Checked) != wasChecked)
            acknowledge((wasChecked ? "untick " : "tick ") + itemId.toUtf8());
    }
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    if (app.arguments().size() != 2) {
        std::fprintf(stderr, "usage: crash_gui_writer DATA_DIR\n");
        return 2;
    }
    cli::GlobalOptions options;
    options.dataDir = app.arguments().at(1);
    int number = 0;
    QTimer driver;
    driver.setInterval(5);
    QObject::connect(&driver, &QTimer::timeout, [&number] {
        if (step(number))
            ++number;
    });
    driver.start();
    QTextStream out(stdout);
    QTextStream err(stderr);
    return ui::runGui(options, out, err);
}
