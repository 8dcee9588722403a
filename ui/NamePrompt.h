#pragma once

#include <QFrame>

class QLineEdit;

namespace ic::ui {

class MainWindow;

// The first run's "who are you?": the name ticks, notes and new incidents are recorded under
// and the default commander, offered pre-filled with the account's full name. A row of the
// window's header rather than a dialog, so the console is usable at once; it is asked once
// (answered or put off), and Settings changes the name later.
class NamePrompt : public QFrame
{
    Q_OBJECT
public:
    NamePrompt(const QString &dataDir, QWidget *parent = nullptr);

    // Whether the data dir has neither a name nor an answer yet.
    static bool isNeeded(const QString &dataDir);

Q_SIGNALS:
    // The name was saved to the settings.
    void saved();

private:
    void answer(bool keepName);

    QString m_dataDir;
    QLineEdit *m_name;
};

// Adds the prompt to the window's header when the data dir needs it; a saved name is
// announced like saved settings (MainWindow::settingsSaved).
void installNamePrompt(MainWindow &window, const QString &dataDir);

} // namespace ic::ui
