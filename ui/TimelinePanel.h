#pragma once

#include <QWidget>

class QLineEdit;
class QListWidget;
class QPushButton;
class QStackedWidget;

namespace ic::ui {

class ActiveIncident;

// The incident's timeline, oldest first, and a box for the scribe's notes ("TODO: …" adds a
// follow-up item). Replaced notes stay visible, struck through. A long timeline shows its
// newest page; older pages come with "Show older events" or by scrolling to the top.
class TimelinePanel : public QWidget
{
    Q_OBJECT
public:
    explicit TimelinePanel(ActiveIncident &incident, QWidget *parent = nullptr);

private:
    void rebuild();
    // Older events were added above: the row that was first stays where the user saw it.
    void showOlderEvents();
    void fill();
    void addNote();
    // A note can be edited, deleted or moved to when it happened; any entry can set a
    // milestone to its time.
    void showRowMenu(const QPoint &position);

    ActiveIncident &m_incident;
    // The empty state before any incident, the list once one is open.
    QStackedWidget *m_pages;
    QListWidget *m_list;
    QPushButton *m_loadOlder;
    QLineEdit *m_note;
    QPushButton *m_add;
};

} // namespace ic::ui
