#include "CommandPalette.h"

#include "core/FuzzyMatch.h"

#include <QAction>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QVBoxLayout>
#include <algorithm>

namespace ic::ui {

CommandPalette::CommandPalette(QWidget *window)
    : QDialog(window), m_window(window), m_input(new QLineEdit(this)),
      m_results(new QListWidget(this))
{
    setObjectName(QStringLiteral("commandPalette"));
    setWindowTitle(tr("Command palette"));
    m_input->setObjectName(QStringLiteral("paletteInput"));
    m_input->setPlaceholderText(tr("Type an action, a runbook or a check…"));
    m_input->setAccessibleName(tr("Search actions, runbooks and checks"));
    m_results->setObjectName(QStringLiteral("paletteResults"));
    m_results->setAccessibleName(tr("Matches"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_input);
    layout->addWidget(m_results);
    resize(560, 380);

    m_input->installEventFilter(this);
    connect(m_input, &QLineEdit::textChanged, this, &CommandPalette::filter);
    connect(m_input, &QLineEdit::returnPressed, this, &CommandPalette::runSelected);
    connect(m_results, &QListWidget::itemActivated, this, &CommandPalette::runSelected);
}

void CommandPalette::open()
{
    m_entries.clear();
    const QList<QAction *> actions = m_window->findChildren<QAction *>();
    for (QAction *action : actions) {
        const QString text = action->text().remove(QLatin1Char('&'));
        if (text.isEmpty() || !action->isEnabled() || action->menu())
            continue;
        m_entries.append(
            {text, tr("Action"), action->shortcut().toString(QKeySequence::NativeText), [action] {
                 action->trigger();
             }});
    }
    m_input->clear();
    filter({});
    QDialog::open();
    m_input->setFocus();
}

void CommandPalette::filter(const QString &query)
{
    QList<std::pair<int, qsizetype>> ranked;
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        if (const auto score = fuzzyScore(query, m_entries.at(i).title))
            ranked.append({*score, i});
    }
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const auto &a, const auto &b) { return a.first > b.first; });
    m_results->clear();
    for (const auto &[score, index] : ranked) {
        const PaletteEntry &entry = m_entries.at(index);
        QString label = entry.category + QStringLiteral(": ") + entry.title;
        if (!entry.shortcut.isEmpty())
            label += QStringLiteral("    ") + entry.shortcut;
        auto *item = new QListWidgetItem(label, m_results);
        item->setData(Qt::UserRole, int(index));
    }
    m_results->setCurrentRow(0);
}

void CommandPalette::runSelected()
{
    QListWidgetItem *item = m_results->currentItem();
    if (!item)
        return;
    const auto run = m_entries.at(item->data(Qt::UserRole).toInt()).run;
    accept();
    if (run)
        run();
}

bool CommandPalette::eventFilter(QObject *watched, QEvent *event)
{
    // Arrow keys move through the matches while the typing stays in the input.
    if (watched == m_input && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Down || key == Qt::Key_Up) {
            const int step = key == Qt::Key_Down ? 1 : -1;
            const int row =
                std::clamp(m_results->currentRow() + step, 0, std::max(0, m_results->count() - 1));
            m_results->setCurrentRow(row);
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace ic::ui
