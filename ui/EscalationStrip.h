#pragma once

#include "contacts/Directory.h"
#include "contacts/OnCall.h"

#include <QFrame>

class QAction;
class QToolButton;

namespace ic::ui {

class ActiveIncident;
class ElidedLabel;
class MainWindow;

// A row of the cockpit header while an incident is open: the next step of its severity's
// escalation ladder, who holds the role that step calls right now (from contacts.yaml's
// rotas, calendars and overrides), their local time, and one key each to copy their phone
// number, e-mail address and chat handle.
class EscalationStrip : public QFrame
{
    Q_OBJECT
public:
    EscalationStrip(ActiveIncident &incident, QWidget *parent = nullptr);

    void setDirectory(contacts::Directory directory);
    const contacts::Directory &directory() const { return m_directory; }
    // The copy actions, for the window's shortcuts and the command palette.
    QList<QAction *> copyActions() const;

Q_SIGNALS:
    // What was copied, for the status line ("Dana Park's phone number copied").
    void copied(const QString &what);

public Q_SLOTS:
    void updateClocks();

private:
    QAction *addCopy(const QString &objectName, const QString &text, int key,
                     QString contacts::Person::*field, const QString &what);
    const contacts::Person *holder() const;

    ActiveIncident &m_incident;
    contacts::Directory m_directory;
    bool m_loaded = false;
    contacts::Holding m_holding; // of the step shown, refreshed when it changes hands
    // Elided, so a long step, name or address never widens the window past the screen.
    ElidedLabel *m_step;
    ElidedLabel *m_person;
    ElidedLabel *m_reach;
    QList<QAction *> m_actions;
    // One per action, shown only while it has something to copy: disabled buttons took the
    // row's room from the step and the person it names.
    QList<QToolButton *> m_buttons;
};

// Adds the strip to the window's header and keeps its directory current: read off the UI
// thread at start (writing the default contacts.yaml on first use) and every few minutes.
void installEscalation(MainWindow &window, ActiveIncident *incident, const QString &dataDir,
                       const QStringList &runbookDirs);

} // namespace ic::ui
