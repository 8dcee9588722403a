#pragma once

#include "health/HealthHistory.h"
#include "health/HealthMonitor.h"

#include <QDialog>
#include <QFutureWatcher>

class QLabel;
class QPushButton;
class QTableWidget;

namespace ic::ui {

// Everything about one check: its last answer, every condition with the value it saw,
// recent results, uptime from the history, and "copy as curl" for HTTP checks.
class HealthDetailDialog : public QDialog
{
    Q_OBJECT
public:
    HealthDetailDialog(health::HealthMonitor *monitor, const QString &name,
                       QWidget *parent = nullptr);

    QString checkName() const { return m_name; }
    void refresh();

private:
    void loadUptime();

    health::HealthMonitor *m_monitor;
    QString m_name;
    QLabel *m_heading;
    QLabel *m_last;
    QLabel *m_uptime;
    QLabel *m_latency;
    QTableWidget *m_conditions;
    QTableWidget *m_history;
    QPushButton *m_copyCurl;
    QFutureWatcher<QList<health::Uptime>> m_uptimeWatcher;
};

} // namespace ic::ui
