#include "AlertsModel.h"

#include "core/Duration.h"

namespace ic::ui {
namespace {

// Child rows carry their group's row + 1; group rows carry 0.
constexpr quintptr groupRowId = 0;

bool matches(const alerts::Alert &alert, const QString &text, const QString &severity)
{
    if (!severity.isEmpty() && alert.severity().compare(severity, Qt::CaseInsensitive) != 0)
        return false;
    if (text.isEmpty())
        return true;
    if (alert.alertname().contains(text, Qt::CaseInsensitive) ||
        alert.summary().contains(text, Qt::CaseInsensitive))
        return true;
    // Label by label: building the whole "a=b, c=d" text for each of thousands of alerts costs.
    for (auto it = alert.labels.begin(); it != alert.labels.end(); ++it) {
        if (it.key().contains(text, Qt::CaseInsensitive) ||
            it.value().contains(text, Qt::CaseInsensitive))
            return true;
    }
    // "pod=api-1" names a label and its value together.
    return text.contains(QLatin1Char('=')) && alert.labelText().contains(text, Qt::CaseInsensitive);
}

} // namespace

QString alertSinceText(const QDateTime &startsAt, const QDateTime &now)
{
    if (!startsAt.isValid())
        return QStringLiteral("?");
    const QDateTime local = startsAt.toLocalTime();
    const qint64 seconds = std::max<qint64>(0, startsAt.secsTo(now));
    const QString clock = local.date() == now.toLocalTime().date()
                              ? local.toString(QStringLiteral("HH:mm"))
                              : local.toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    return QStringLiteral("%1 (%2)").arg(
        clock, formatDuration(std::chrono::seconds(seconds - seconds % 60)));
}

AlertsModel::AlertsModel(QObject *parent) : QAbstractItemModel(parent) {}

void AlertsModel::setAlerts(const QList<alerts::Alert> &alerts, const QString &text,
                            const QString &severity, const QHash<QString, QString> &incidents)
{
    beginResetModel();
    m_alerts.clear();
    m_groups.clear();
    m_incidents = incidents;
    QHash<QString, int> groupOf;
    const QString wanted = text.trimmed();
    for (const alerts::Alert &alert : alerts) {
        if (!matches(alert, wanted, severity))
            continue;
        const bool held = alert.state != alerts::AlertState::Firing;
        const QString key = (held ? QStringLiteral("1") : QStringLiteral("0")) + alert.alertname();
        auto it = groupOf.find(key);
        if (it == groupOf.end()) {
            Group group;
            group.alertname = alert.alertname();
            group.held = held;
            it = groupOf.insert(key, int(m_groups.size()));
            m_groups.append(group);
        }
        Group &group = m_groups[*it];
        group.members.append(int(m_alerts.size()));
        const int rank = alerts::severityRank(alert.severity());
        if (rank < group.worstRank) {
            group.worstRank = rank;
            group.worstSeverity = alert.severity();
        }
        if (alert.startsAt.isValid() && (!group.since.isValid() || alert.startsAt < group.since))
            group.since = alert.startsAt;
        if (group.incident.isEmpty())
            group.incident = incidents.value(alert.fingerprint);
        m_alerts.append(alert);
    }
    std::stable_sort(m_groups.begin(), m_groups.end(), [](const Group &a, const Group &b) {
        if (a.held != b.held)
            return !a.held;
        if (a.worstRank != b.worstRank)
            return a.worstRank < b.worstRank;
        return a.alertname < b.alertname;
    });
    endResetModel();
}

const alerts::Alert *AlertsModel::alertAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.internalId() == groupRowId)
        return nullptr;
    const Group &group = m_groups.at(int(index.internalId() - 1));
    return &m_alerts.at(group.members.at(index.row()));
}

QList<alerts::Alert> AlertsModel::alertsAt(const QModelIndex &index) const
{
    if (!index.isValid())
        return {};
    if (const alerts::Alert *alert = alertAt(index))
        return {*alert};
    QList<alerts::Alert> result;
    for (const int member : m_groups.at(index.row()).members)
        result.append(m_alerts.at(member));
    return result;
}

QModelIndex AlertsModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid())
        return row < m_groups.size() ? createIndex(row, column, groupRowId) : QModelIndex();
    if (parent.internalId() != groupRowId || row >= m_groups.at(parent.row()).members.size())
        return {};
    return createIndex(row, column, quintptr(parent.row()) + 1);
}

QModelIndex AlertsModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == groupRowId)
        return {};
    return createIndex(int(child.internalId() - 1), 0, groupRowId);
}

int AlertsModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_groups.size());
    if (parent.internalId() == groupRowId && parent.column() == 0)
        return int(m_groups.at(parent.row()).members.size());
    return 0;
}

int AlertsModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant AlertsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    if (const alerts::Alert *alert = alertAt(index))
        return alertData(*alert, index.column(), role);
    return groupData(m_groups.at(index.row()), index.column(), role);
}

QVariant AlertsModel::groupData(const Group &group, int column, int role) const
{
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole)
        return {};
    switch (column) {
    case Name: {
        const QString name = group.alertname.isEmpty() ? tr("(no alertname)") : group.alertname;
        return group.held ? tr("%1 — silenced or inhibited").arg(name) : name;
    }
    case Count:
        return QString::number(group.members.size());
    case Severity:
        return group.worstSeverity.isEmpty() ? tr("none") : group.worstSeverity;
    case Since:
        return alertSinceText(group.since, QDateTime::currentDateTimeUtc());
    case Incident:
        return group.incident.left(8);
    default:
        return {};
    }
}

QVariant AlertsModel::alertData(const alerts::Alert &alert, int column, int role) const
{
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole)
        return {};
    switch (column) {
    case Name: {
        const QString labels = alert.labelText();
        const QString text = labels.isEmpty() ? alert.alertname() : labels;
        return alert.state == alerts::AlertState::Firing
                   ? text
                   : tr("%1 (%2)").arg(text, alerts::alertStateId(alert.state));
    }
    case Count:
        return QString();
    case Severity:
        return alert.severity();
    case Since:
        return alertSinceText(alert.startsAt, QDateTime::currentDateTimeUtc());
    case Incident:
        return m_incidents.value(alert.fingerprint).left(8);
    default:
        return {};
    }
}

QVariant AlertsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Alert");
    case Count:
        return tr("Count");
    case Severity:
        return tr("Severity");
    case Since:
        return tr("Since");
    case Incident:
        return tr("Incident");
    default:
        return {};
    }
}

} // namespace ic::ui
