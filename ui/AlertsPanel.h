#pragma once

#include "alerts/AlertMonitor.h"
#include "alerts/AlertRunbook.h"

#include <QWidget>
#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTextBrowser;
class QTreeView;

namespace ic::ui {

class AlertsModel;

// What fires at the alert sources: one line per source (up, or down with why and the age of
// its last alerts), a filter by text and severity, the alerts grouped by name, and the
// selected alert's labels, annotations, runbook and incident. Keyboard first: R (or Enter)
// opens the runbook, D declares from the alert or group, L links it to the open incident,
// S silences it, X expires its silence. The panel only asks; the feature acts.
class AlertsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit AlertsPanel(alerts::AlertMonitor &monitor, QWidget *parent = nullptr);
    ~AlertsPanel() override;

    void setResolver(alerts::RunbookResolver resolver);
    // fingerprint → linked incident id.
    void setIncidents(const QHash<QString, QString> &incidents);
    void setConfigProblems(const QStringList &problems);

    // The current alert, or every alert of the current group.
    QList<alerts::Alert> selectedAlerts() const;
    AlertsModel *model() const { return m_model; }

Q_SIGNALS:
    void openRunbookRequested(const QString &path, const QString &root);
    void declareRequested(const QList<ic::alerts::Alert> &alerts);
    void linkRequested(const QList<ic::alerts::Alert> &alerts);
    void silenceRequested(const ic::alerts::Alert &alert);
    void expireRequested(const ic::alerts::Alert &alert);

private:
    void rebuild();
    void showSources();
    void showDetails();
    void openRunbook();
    std::optional<alerts::Alert> singleAlert() const;

    alerts::AlertMonitor &m_monitor;
    alerts::RunbookResolver m_resolver;
    QHash<QString, QString> m_incidents;
    QStringList m_problems;
    QLabel *m_sources;
    QLineEdit *m_filter;
    QComboBox *m_severity;
    QTreeView *m_view;
    AlertsModel *m_model;
    QTextBrowser *m_details;
    QPushButton *m_runbook;
    QPushButton *m_declare;
    QPushButton *m_link;
    QPushButton *m_silence;
    QPushButton *m_expire;
    QStringList m_expanded; // group names kept open across rebuilds
};

} // namespace ic::ui
