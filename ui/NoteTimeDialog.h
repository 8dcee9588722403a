#pragma once

#include <QDialog>

class QDateTimeEdit;
class QLabel;
class QLineEdit;

namespace ic::ui {

class ActiveIncident;

// Moves a timeline note to when it really happened ("we noticed at 16:20, not 16:39"). The
// service decides which times are accepted; a refusal shows here and the dialog stays open.
class NoteTimeDialog : public QDialog
{
    Q_OBJECT
public:
    NoteTimeDialog(ActiveIncident &incident, QString noteId, const QDateTime &noteTime,
                   QWidget *parent = nullptr);

    void accept() override;

private:
    ActiveIncident &m_incident;
    QString m_noteId;
    QDateTimeEdit *m_time;
    QLineEdit *m_reason;
    QLabel *m_error;
};

} // namespace ic::ui
