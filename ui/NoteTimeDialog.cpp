#include "NoteTimeDialog.h"

#include "ActiveIncident.h"

#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

namespace ic::ui {

NoteTimeDialog::NoteTimeDialog(ActiveIncident &incident, QString noteId, const QDateTime &noteTime,
                               QWidget *parent)
    : QDialog(parent), m_incident(incident), m_noteId(std::move(noteId)),
      m_time(new QDateTimeEdit(noteTime.toLocalTime(), this)), m_reason(new QLineEdit(this)),
      m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("noteTimeDialog"));
    setWindowTitle(tr("Correct the note's time"));
    m_time->setObjectName(QStringLiteral("noteTime"));
    m_time->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    m_time->setAccessibleName(tr("When it happened"));
    m_reason->setObjectName(QStringLiteral("noteTimeReason"));
    m_reason->setPlaceholderText(tr("e.g. the graphs show the first errors at 16:20"));
    m_reason->setAccessibleName(tr("Why the time changes"));
    m_error->setObjectName(QStringLiteral("noteTimeError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("QLabel { color: #c62828; }"));

    auto *form = new QFormLayout(this);
    form->addRow(new QLabel(tr("The note moves to this time; the time it had stays on the "
                               "timeline, struck through."),
                            this));
    form->addRow(tr("Happened at:"), m_time);
    form->addRow(tr("Why:"), m_reason);
    form->addRow(m_error);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &NoteTimeDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
}

void NoteTimeDialog::accept()
{
    const Result<incidents::Change> moved =
        m_incident.service().retimeNote(m_noteId, m_time->dateTime().toUTC(), m_reason->text());
    if (!moved) {
        m_error->setText(moved.error());
        return;
    }
    QDialog::accept();
}

} // namespace ic::ui
