#include "HealthGridFilter.h"

#include "HealthGridModel.h"

namespace ic::ui {

HealthGridFilter::HealthGridFilter(QObject *parent) : QSortFilterProxyModel(parent)
{
    // A check that turns CRIT moves to the top as it happens.
    setDynamicSortFilter(true);
    sort(0);
}

void HealthGridFilter::setText(const QString &text)
{
    if (text.trimmed() == m_text)
        return;
    m_text = text.trimmed();
    invalidateFilter();
}

void HealthGridFilter::setGroup(const std::optional<QString> &group)
{
    if (group == m_group)
        return;
    m_group = group;
    invalidateFilter();
}

void HealthGridFilter::setStates(States states, int oneState)
{
    if (states == m_states && oneState == m_oneState)
        return;
    m_states = states;
    m_oneState = oneState;
    invalidateFilter();
}

bool HealthGridFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex row = sourceModel()->index(sourceRow, 0, sourceParent);
    const int position = row.data(HealthGridModel::BoardPositionRole).toInt();
    const int okPosition = health::boardPosition(health::State::Ok);
    if (m_states == States::NotOk && position == okPosition)
        return false;
    if (m_states == States::One && position != m_oneState)
        return false;
    if (m_group && row.data(HealthGridModel::GroupRole).toString() != *m_group)
        return false;
    return m_text.isEmpty() || row.data(HealthGridModel::FilterTextRole)
                                   .toString()
                                   .contains(m_text, Qt::CaseInsensitive);
}

bool HealthGridFilter::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const int a = left.data(HealthGridModel::BoardPositionRole).toInt();
    const int b = right.data(HealthGridModel::BoardPositionRole).toInt();
    if (a != b)
        return a < b;
    return QString::compare(left.data(HealthGridModel::NameRole).toString(),
                            right.data(HealthGridModel::NameRole).toString(),
                            Qt::CaseInsensitive) < 0;
}

} // namespace ic::ui
