#pragma once

#include <QSortFilterProxyModel>
#include <optional>

namespace ic::ui {

// The grid's order and filters: worst first (CRIT, WARN, STALE, UNKNOWN, OK, pending), then by
// name; a text that name, group or message contain (any case), one group, and one state or
// "everything but OK".
class HealthGridFilter : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    // What the state filter lets through.
    enum class States
    {
        All,
        NotOk, // every state but OK (pending included: nobody knows yet)
        One    // only oneState
    };

    explicit HealthGridFilter(QObject *parent = nullptr);

    void setText(const QString &text);
    // Nothing: every group; "" the checks without a group.
    void setGroup(const std::optional<QString> &group);
    // oneState is a board position (HealthGridModel::BoardPositionRole) when states is One.
    void setStates(States states, int oneState = 0);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QString m_text;
    std::optional<QString> m_group;
    States m_states = States::All;
    int m_oneState = 0;
};

} // namespace ic::ui
