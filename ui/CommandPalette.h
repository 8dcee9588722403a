#pragma once

#include <QDialog>
#include <functional>

class QLineEdit;
class QListWidget;

namespace ic::ui {

// Something the palette can do: an action of the window, a runbook to open, a check to run.
struct PaletteEntry
{
    QString title;
    QString category; // "Action", "Runbook", "Check", ...
    QString shortcut; // shown beside the title, may be empty
    std::function<void()> run;
};

// Ctrl+K: type a few letters of anything, Enter does it. Entries are gathered afresh each
// time it opens, from the window's actions and from the providers features register.
class CommandPalette : public QDialog
{
    Q_OBJECT
public:
    using Provider = std::function<QList<PaletteEntry>()>;

    explicit CommandPalette(QWidget *window);

    void addProvider(Provider provider);
    // Collects the entries and shows the palette with an empty query.
    void open() override;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void filter(const QString &query);
    void runSelected();

    QWidget *m_window;
    QList<Provider> m_providers;
    QList<PaletteEntry> m_entries;
    QLineEdit *m_input;
    QListWidget *m_results;
};

} // namespace ic::ui
