#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;

namespace ic::ui {

class ActiveIncident;

// Who does what on the incident: deputy, scribe, communications lead and experts, each
// assigned through the incident service (a refusal shows here, the dialog stays open); the
// commander is shown with "Hand over command…", since command changes only by a handover.
class RolesDialog : public QDialog
{
    Q_OBJECT
public:
    explicit RolesDialog(ActiveIncident &incident, QWidget *parent = nullptr);

    void accept() override;

Q_SIGNALS:
    void handOverWanted();

private:
    ActiveIncident &m_incident;
    QLineEdit *m_deputy;
    QLineEdit *m_scribe;
    QLineEdit *m_communications;
    QLineEdit *m_experts;
    QLabel *m_error;
};

// Hands command over: the new commander (the deputy, if there is one, offered first) and what
// they must know first. On success the window opens the handover brief.
class HandOverDialog : public QDialog
{
    Q_OBJECT
public:
    explicit HandOverDialog(ActiveIncident &incident, QWidget *parent = nullptr);

    void accept() override;

Q_SIGNALS:
    void handedOver();

private:
    ActiveIncident &m_incident;
    QLineEdit *m_to;
    QLineEdit *m_note;
    QLabel *m_error;
};

class DraftsPanel;
class MainWindow;

// Roles… and Hand over command… in the Incident menu and beside Milestones… in the header;
// after a handover the Drafts dock opens the handover brief.
void installRoles(MainWindow &window, ActiveIncident *incident, DraftsPanel *drafts);

} // namespace ic::ui
