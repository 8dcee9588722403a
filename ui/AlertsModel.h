#pragma once

#include "alerts/Alert.h"

#include <QAbstractItemModel>
#include <QHash>

namespace ic::ui {

// Alerts grouped by alert name for the Alerts panel: firing groups first, worst severity
// first, then the silenced and inhibited ones apart. A group row shows the count, the worst
// severity and since when; its children are the alerts. Rebuilt whole on each change (tens
// of thousands of alerts group in milliseconds; views read lazily).
class AlertsModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column
    {
        Name,
        Count,
        Severity,
        Since,
        Incident,
        ColumnCount
    };

    explicit AlertsModel(QObject *parent = nullptr);

    // text: matched against name, labels and summary, ignoring case; severity: a label
    // value, or empty for all. incidents: fingerprint → linked incident id.
    void setAlerts(const QList<alerts::Alert> &alerts, const QString &text, const QString &severity,
                   const QHash<QString, QString> &incidents);

    // The alert at a child row; nullptr for a group row.
    const alerts::Alert *alertAt(const QModelIndex &index) const;
    // The alert of a child row, or every alert of a group row.
    QList<alerts::Alert> alertsAt(const QModelIndex &index) const;
    int alertCount() const { return int(m_alerts.size()); }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Group
    {
        QString alertname;
        bool held = false; // silenced or inhibited
        QList<int> members;
        QString worstSeverity;
        int worstRank = 5;
        QDateTime since;
        QString incident;
    };

    QVariant groupData(const Group &group, int column, int role) const;
    QVariant alertData(const alerts::Alert &alert, int column, int role) const;

    QList<alerts::Alert> m_alerts;
    QList<Group> m_groups;
    QHash<QString, QString> m_incidents;
};

// "21:33 (12m)", or with the date when not today.
QString alertSinceText(const QDateTime &startsAt, const QDateTime &now);

} // namespace ic::ui
