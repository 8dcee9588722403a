#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListView;

namespace ic::health {
class HealthMonitor;
}

namespace ic::ui {

class HealthGridDelegate;
class HealthGridFilter;
class HealthGridModel;

// The health board's compact view: every check as a small cell, worst first, flowing in as
// many columns as the width allows, so 200 checks fit on a screen and the non-OK ones lead.
// Filters by text, group and state above it. By keyboard: arrows select, Enter opens the
// details, R the check's runbook, P probes it now; the same on the context menu.
class HealthGrid : public QWidget
{
    Q_OBJECT
public:
    explicit HealthGrid(health::HealthMonitor *monitor, QWidget *parent = nullptr);

    QListView *view() const { return m_view; }
    QLineEdit *textFilter() const { return m_text; }
    QComboBox *groupFilter() const { return m_group; }
    QComboBox *stateFilter() const { return m_state; }
    // The names shown, in their order.
    QStringList shownChecks() const;
    // The clock's view again (STALE), from the board's one-second tick.
    void refresh();

Q_SIGNALS:
    void detailsRequested(const QString &name);
    void runbookRequested(const QString &runbookId);
    void probeNowRequested(const QString &name);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void fillGroups();
    void fitCells();
    void applyStateFilter();
    void updateCount();
    void showMenu(const QPoint &at);
    QString currentCheck() const;
    QString currentRunbook() const;

    health::HealthMonitor *m_monitor;
    HealthGridModel *m_model;
    HealthGridFilter *m_filter;
    HealthGridDelegate *m_delegate;
    QLineEdit *m_text;
    QComboBox *m_group;
    QComboBox *m_state;
    QLabel *m_count;
    QListView *m_view;
};

} // namespace ic::ui
