#pragma once

#include <QDialog>

class QLineEdit;
class QTreeWidget;

namespace ic::ui {

class ActiveIncident;

// Every incident, newest first, searchable by title, service and date (YYYY-MM-DD), with
// MTTA and MTTR; Enter or a double click makes one the active incident of the cockpit.
class IncidentListDialog : public QDialog
{
    Q_OBJECT
public:
    explicit IncidentListDialog(ActiveIncident &incident, QWidget *parent = nullptr);

private:
    void search();
    void openSelected();

    ActiveIncident &m_incident;
    QLineEdit *m_search;
    QTreeWidget *m_list;
};

} // namespace ic::ui
