#pragma once

#include "health/HealthHistory.h"
#include "health/HealthMonitor.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QTableWidget;

namespace ic::ui {

class HealthHistoryChart;

// Everything about one check: its last answer, every condition with the value it saw,
// recent results, uptime and latency from the history with a chart of the last day, and
// "copy as curl" for HTTP checks.
class HealthDetailDialog : public QDialog
{
    Q_OBJECT
public:
    HealthDetailDialog(health::HealthMonitor *monitor, const QString &name,
                       QWidget *parent = nullptr);

    QString checkName() const { return m_name; }
    void refresh();

private:
    void loadHistory();
    void showHistory(const health::CheckHistory &history);

    health::HealthMonitor *m_monitor;
    QString m_name;
    QLabel *m_heading;
    QLabel *m_last;
    QLabel *m_uptime;
    QLabel *m_latency;
    HealthHistoryChart *m_chart;
    QLabel *m_chartSummary;
    QTableWidget *m_conditions;
    QTableWidget *m_history;
    QPushButton *m_copyCurl;
    bool m_historyLoading = false;
};

} // namespace ic::ui
