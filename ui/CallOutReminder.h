#pragma once

#include <QDateTime>
#include <QFrame>

class QLabel;

namespace ic::ui {

class ActiveIncident;

// A header row for the deputy, shown while a call-out is due (the severity's call_out_every
// since the last one): what to say, filled from the incident as it stands, with Copy (to read
// it out in the channel) and Done. Either records the call-out on the timeline, which starts
// the next interval.
class CallOutReminder : public QFrame
{
    Q_OBJECT
public:
    explicit CallOutReminder(ActiveIncident &incident, QWidget *parent = nullptr);

public Q_SLOTS:
    // Shows or hides the row and refreshes what it says, as of now (the cockpit's clock).
    void updateClock(const QDateTime &now);

private:
    void callOut(bool copy);

    ActiveIncident &m_incident;
    QLabel *m_text;
    QDateTime m_now;
};

} // namespace ic::ui
