#pragma once

#include <QDialog>
#include <array>

class QCheckBox;
class QDateTimeEdit;
class QLabel;

namespace ic::ui {

class ActiveIncident;

// The incident's milestones, editable after the fact (ordering is checked by the store and
// a refusal is shown here), with MTTA and MTTR and what they measure.
class MilestonesDialog : public QDialog
{
    Q_OBJECT
public:
    explicit MilestonesDialog(ActiveIncident &incident, QWidget *parent = nullptr);

    void accept() override;

private:
    void showMetrics();

    ActiveIncident &m_incident;
    std::array<QCheckBox *, 5> m_set{};
    std::array<QDateTimeEdit *, 5> m_time{};
    QLabel *m_metrics;
    QLabel *m_error;
};

} // namespace ic::ui
