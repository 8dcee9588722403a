#pragma once

#include "health/HealthTypes.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QHash>
#include <vector>

namespace ic::health {
class HealthMonitor;
}

namespace ic::ui {

// Every check of the monitor as one row, for the board's compact grid. Each row keeps what
// sorting and filtering read (state, group, message), so ordering 5,000 checks reads no
// status; refresh() takes the clock's view again (STALE comes without a new result) and
// reports only the rows whose state moved.
class HealthGridModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role
    {
        // 0 for CRIT … 4 for OK (health::boardPosition), 5 while the first probe is pending.
        BoardPositionRole = Qt::UserRole + 1,
        StateTextRole,   // "CRIT", "pending"
        StateColourRole, // QColor; invalid while pending
        GroupRole,       // the check's group, "" for none
        MessageRole,     // the newest result's message
        RunbookRole,     // the runbook the check names, "" for none
        NameRole,        // the check's name
        FilterTextRole   // name, group and message, for the text filter
    };
    static constexpr int pendingPosition = 5;

    explicit HealthGridModel(health::HealthMonitor *monitor, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;

    // The clock's view of every row again, as of now: rows whose state changed are reported.
    void refresh();

private:
    struct Row
    {
        QString name;
        QString group;
        QString message;
        QString runbook;
        int position = pendingPosition;
        health::State state = health::State::Unknown;
    };

    void reset();
    void readRow(Row &row, const QDateTime &now) const;
    // Built when asked (hovering), not every second for every check.
    QString tooltip(const Row &row) const;
    void updateCheck(const QString &name);

    health::HealthMonitor *m_monitor;
    std::vector<Row> m_rows;
    QHash<QString, int> m_rowOf;
};

} // namespace ic::ui
