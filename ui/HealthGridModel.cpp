#include "HealthGridModel.h"

#include "HealthSparkline.h"
#include "core/Duration.h"
#include "health/HealthMonitor.h"

namespace ic::ui {

HealthGridModel::HealthGridModel(health::HealthMonitor *monitor, QObject *parent)
    : QAbstractListModel(parent), m_monitor(monitor)
{
    connect(m_monitor, &health::HealthMonitor::checksChanged, this, &HealthGridModel::reset);
    connect(m_monitor, &health::HealthMonitor::statusChanged, this, &HealthGridModel::updateCheck);
    reset();
}

int HealthGridModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant HealthGridModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return {};
    const Row &row = m_rows[size_t(index.row())];
    const bool pending = row.position == pendingPosition;
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return row.name;
    case Qt::ToolTipRole:
        return tooltip(row);
    case Qt::AccessibleTextRole:
        return tr("%1: %2").arg(row.name,
                                pending ? tr("first probe pending") : health::stateName(row.state));
    case BoardPositionRole:
        return row.position;
    case StateTextRole:
        return pending ? tr("pending") : health::stateName(row.state);
    case StateColourRole:
        return pending ? QVariant() : QVariant(stateColor(row.state));
    case GroupRole:
        return row.group;
    case MessageRole:
        return row.message;
    case RunbookRole:
        return row.runbook;
    case FilterTextRole:
        return QString(row.name + QLatin1Char('\n') + row.group + QLatin1Char('\n') + row.message);
    default:
        return {};
    }
}

void HealthGridModel::refresh()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (size_t i = 0; i < m_rows.size(); ++i) {
        Row &row = m_rows[i];
        const int before = row.position;
        readRow(row, now);
        if (row.position != before)
            Q_EMIT dataChanged(index(int(i)), index(int(i)));
    }
}

void HealthGridModel::reset()
{
    beginResetModel();
    m_rows.clear();
    m_rowOf.clear();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QStringList names = m_monitor->checkNames();
    m_rows.reserve(size_t(names.size()));
    for (const QString &name : names) {
        Row row;
        row.name = name;
        readRow(row, now);
        m_rowOf.insert(name, int(m_rows.size()));
        m_rows.push_back(std::move(row));
    }
    endResetModel();
}

void HealthGridModel::readRow(Row &row, const QDateTime &now) const
{
    const health::CheckStatus *status = m_monitor->findStatus(row.name);
    if (status) {
        // Known before the first probe: a pending check is filtered by group and opens its
        // runbook like any other.
        row.group = status->check.group;
        row.runbook = status->check.runbook;
    }
    if (!status || !status->hasResult) {
        row.position = pendingPosition;
        row.message.clear();
        return;
    }
    row.state = health::displayedState(*status, now);
    row.position = health::boardPosition(row.state);
    row.message = status->last.message;
}

QString HealthGridModel::tooltip(const Row &row) const
{
    const health::CheckStatus *status = m_monitor->findStatus(row.name);
    if (!status || !status->hasResult)
        return tr("%1\nFirst probe pending").arg(row.name);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const qint64 ageSeconds = std::max<qint64>(0, status->since.secsTo(now));
    QStringList lines{row.name,
                      tr("%1 since %2 (%3)")
                          .arg(health::stateName(row.state),
                               status->since.toLocalTime().toString(QStringLiteral("HH:mm:ss")),
                               formatDuration(std::chrono::seconds(ageSeconds)))};
    if (status->flapping)
        lines.append(tr("Flapping: the state keeps changing"));
    if (!row.group.isEmpty())
        lines.append(tr("Group: %1").arg(row.group));
    lines.append(tr("%1 ms · %2").arg(status->last.latencyMs).arg(row.message));
    if (!row.runbook.isEmpty())
        lines.append(tr("Runbook: %1 (R opens it)").arg(row.runbook));
    lines.append(tr("Enter: details"));
    return lines.join(QLatin1Char('\n'));
}

void HealthGridModel::updateCheck(const QString &name)
{
    const auto found = m_rowOf.constFind(name);
    if (found == m_rowOf.cend())
        return;
    Row &row = m_rows[size_t(*found)];
    const Row before = row;
    readRow(row, QDateTime::currentDateTimeUtc());
    // A check that says the same again moves nothing: no re-sort, no repaint.
    if (row.position != before.position || row.message != before.message ||
        row.group != before.group || row.runbook != before.runbook)
        Q_EMIT dataChanged(index(*found), index(*found));
}

} // namespace ic::ui
