#pragma once

#include <QDialog>
#include <functional>

class QLineEdit;
class QListWidget;

namespace ic::ui {

// Something the palette can do: one of the window's actions.
struct PaletteEntry
{
    QString title;
    QString category; // "Action"
    QString shortcut; // shown beside the title, may be empty
    std::function<void()> run;
};

// Ctrl+K: type a few letters of any action of the window, Enter does it. Entries are gathered
// afresh each time it opens, so actions that features add later are found too.
class CommandPalette : public QDialog
{
    Q_OBJECT
public:
    explicit CommandPalette(QWidget *window);

    // Collects the entries and shows the palette with an empty query.
    void open() override;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void filter(const QString &query);
    void runSelected();

    QWidget *m_window;
    QList<PaletteEntry> m_entries;
    QLineEdit *m_input;
    QListWidget *m_results;
};

} // namespace ic::ui
