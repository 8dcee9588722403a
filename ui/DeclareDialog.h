#pragma once

#include "incidents/IncidentStore.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace ic::ui {

// Ten seconds to declare: a title, a severity (its definition, response target and update
// cadence shown beside it), and defaults for the rest.
class DeclareDialog : public QDialog
{
    Q_OBJECT
public:
    // commander: the default for the commander field, the user's own name.
    DeclareDialog(const incidents::SeverityScheme &severities, const QString &commander,
                  QWidget *parent = nullptr);

    incidents::DeclareRequest request() const;
    // Pre-fills title, severity (when the scheme has it), services and impact, e.g. from an
    // alert, so the commander confirms with Enter.
    void setRequest(const incidents::DeclareRequest &request);

private:
    void showSeverityDescription();
    void updateAcceptable();

    const incidents::SeverityScheme &m_severities;
    QLineEdit *m_title;
    QComboBox *m_severity;
    QLabel *m_description;
    QLineEdit *m_service;
    QLineEdit *m_impact;
    QLineEdit *m_commander;
    QLineEdit *m_deputy;
    QLineEdit *m_scribe;
    QCheckBox *m_drill;
    QPushButton *m_declare;
};

} // namespace ic::ui
