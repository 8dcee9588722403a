#include "IncidentValues.h"

#include "core/Duration.h"
#include "core/Ids.h"

#include <QJsonArray>
#include <QTimeZone>

namespace ic::comms {
namespace {

using std::chrono::seconds;

QDateTime timeOf(const QJsonValue &value)
{
    return fromStoredTime(value.toString());
}

// 09:41 within one day; with the date when the incident spans days; in the incident's zone.
QString clockText(const QDateTime &time, bool withDate, const QTimeZone &zone)
{
    const QDateTime there = time.toTimeZone(zone);
    return there.toString(withDate ? QStringLiteral("yyyy-MM-dd HH:mm") : QStringLiteral("HH:mm"));
}

// A time a reader acts on ("Next update by 17:09 UTC") names its zone.
QString clockTextWithZone(const QDateTime &time, bool withDate, const QTimeZone &zone)
{
    return clockText(time, withDate, zone) + QLatin1Char(' ') +
           time.toTimeZone(zone).timeZoneAbbreviation();
}

QString durationText(qint64 secondsTotal)
{
    if (secondsTotal < 60)
        return QStringLiteral("%1s").arg(qMax<qint64>(0, secondsTotal));
    const qint64 minutes = secondsTotal / 60;
    if (minutes < 60)
        return QStringLiteral("%1m").arg(minutes);
    return QStringLiteral("%1h %2m").arg(minutes / 60).arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

QString servicesText(const QJsonObject &incident)
{
    if (incident.value(QStringLiteral("services")).isArray()) {
        QStringList names;
        for (const QJsonValue &v : incident.value(QStringLiteral("services")).toArray())
            names << v.toString();
        return names.join(QStringLiteral(", "));
    }
    return incident.value(QStringLiteral("service")).toString();
}

// The alerts linked to the incident, from their timeline events (app/alerts writes them):
// name, labels, when they started firing and whether they stopped.
class LinkedAlerts
{
public:
    void add(const QJsonObject &event, bool multiDay, const QTimeZone &zone)
    {
        const QString kind = event.value(QStringLiteral("kind")).toString();
        if (!kind.startsWith(QLatin1String("alert-")))
            return;
        const QJsonObject data = event.value(QStringLiteral("data")).toObject();
        const QString fingerprint = data.value(QStringLiteral("fingerprint")).toString();
        if (kind == QLatin1String("alert-linked")) {
            QStringList labels;
            const QJsonObject labelMap = data.value(QStringLiteral("labels")).toObject();
            for (auto it = labelMap.begin(); it != labelMap.end(); ++it) {
                if (it.key() != QLatin1String("alertname"))
                    labels << it.key() + QLatin1Char('=') + it.value().toString();
            }
            const QDateTime started = timeOf(data.value(QStringLiteral("starts_at")));
            m_order.removeAll(fingerprint);
            m_order << fingerprint;
            m_alerts[fingerprint] = QVariantMap{
                {QStringLiteral("name"), data.value(QStringLiteral("alertname")).toString()},
                {QStringLiteral("labels"), labels.join(QStringLiteral(", "))},
                {QStringLiteral("started"),
                 started.isValid() ? clockText(started, multiDay, zone) : QStringLiteral("?")},
                {QStringLiteral("resolved"), QStringLiteral("still firing")}};
            return;
        }
        auto it = m_alerts.find(fingerprint);
        if (it == m_alerts.end())
            return;
        if (kind == QLatin1String("alert-resolved"))
            (*it)[QStringLiteral("resolved")] =
                QString(QStringLiteral("resolved ") +
                        clockText(timeOf(event.value(QStringLiteral("at"))), multiDay, zone));
        else if (kind == QLatin1String("alert-refired"))
            (*it)[QStringLiteral("resolved")] = QStringLiteral("still firing");
    }

    QVariantList list() const
    {
        QVariantList result;
        for (const QString &fingerprint : m_order)
            result.append(m_alerts.value(fingerprint));
        return result;
    }

private:
    QStringList m_order;
    QHash<QString, QVariantMap> m_alerts;
};

} // namespace

QString incidentChannelName(const QDateTime &started, const QString &timeZone)
{
    const QTimeZone zone(timeZone.toUtf8());
    const QDateTime there = zone.isValid() ? started.toTimeZone(zone) : started.toUTC();
    return QStringLiteral("#incident-") + there.toString(QStringLiteral("yyyy-MM-dd-HHmm"));
}

QTimeZone incidentZone(const QJsonObject &incident)
{
    const QTimeZone declared(incident.value(QStringLiteral("time_zone")).toString().toUtf8());
    return declared.isValid() ? declared : QTimeZone::systemTimeZone();
}

QVariantMap incidentValues(const QJsonObject &incident, const QDateTime &now)
{
    const QJsonObject milestones = incident.value(QStringLiteral("milestones")).toObject();
    const QDateTime started = timeOf(milestones.value(QStringLiteral("started")));
    const QDateTime resolved = timeOf(milestones.value(QStringLiteral("resolved")));
    const QDateTime end = resolved.isValid() ? resolved : now;
    const QTimeZone zone = incidentZone(incident);
    const bool multiDay =
        started.isValid() && started.toTimeZone(zone).date() != end.toTimeZone(zone).date();
    const QString status = incident.value(QStringLiteral("status")).toString();

    QVariantMap v;
    for (const char *key : {"title", "severity", "severity_name", "status_sentence", "impact",
                            "commander", "deputy", "scribe", "communications"})
        v[QString::fromLatin1(key)] = incident.value(QString::fromLatin1(key)).toString();
    QStringList experts;
    for (const QJsonValue &expert : incident.value(QStringLiteral("experts")).toArray())
        experts << expert.toString();
    v[QStringLiteral("experts")] = experts.join(QStringLiteral(", "));
    // Status ids are lower case ("investigating"); messages name them as a heading would.
    v[QStringLiteral("status")] = QString(status.left(1).toUpper() + status.mid(1));
    v[QStringLiteral("incident_id")] = incident.value(QStringLiteral("id")).toString();
    v[QStringLiteral("service")] = servicesText(incident);
    v[QStringLiteral("drill")] = incident.value(QStringLiteral("drill")).toBool();
    for (const char *name : {"investigating", "identified", "monitoring", "resolved"})
        v[QStringLiteral("is_") + QLatin1String(name)] =
            status.compare(QLatin1String(name), Qt::CaseInsensitive) == 0;
    if (started.isValid()) {
        v[QStringLiteral("date")] = started.toTimeZone(zone).toString(QStringLiteral("yyyy-MM-dd"));
        v[QStringLiteral("time_zone")] = started.toTimeZone(zone).timeZoneAbbreviation();
        v[QStringLiteral("started")] =
            toIsoWithOffset(started).replace(QLatin1Char('T'), QLatin1Char(' '));
        v[QStringLiteral("duration")] = durationText(started.secsTo(end));
        const QString channel = incident.value(QStringLiteral("channel")).toString();
        v[QStringLiteral("channel")] =
            channel.isEmpty() ? incidentChannelName(
                                    started, incident.value(QStringLiteral("time_zone")).toString())
                              : channel;
    }
    const QDateTime nextUpdate = timeOf(incident.value(QStringLiteral("next_update_at")));
    if (nextUpdate.isValid())
        v[QStringLiteral("next_update")] = clockTextWithZone(nextUpdate, multiDay, zone);
    for (const char *key : {"mtta", "mttr"}) {
        const QJsonValue secondsValue =
            incident.value(QLatin1String(key) + QLatin1String("_seconds"));
        v[QString::fromLatin1(key)] = secondsValue.isDouble()
                                          ? durationText(qint64(secondsValue.toDouble()))
                                          : QStringLiteral("n/a");
    }

    QVariantList timeline;
    QVariantList announcements;
    QVariantList actionItems;
    LinkedAlerts alerts;
    for (const QJsonValue &value : incident.value(QStringLiteral("timeline")).toArray()) {
        const QJsonObject event = value.toObject();
        const QString time = clockText(timeOf(event.value(QStringLiteral("at"))), multiDay, zone);
        const QString text = event.value(QStringLiteral("text")).toString();
        const QString kind = event.value(QStringLiteral("kind")).toString();
        // A note that was replaced or deleted is history the exports keep (marked); a message
        // tells what stands: the edit's text, once, and no deleted note.
        if (event.value(QStringLiteral("superseded")).toBool() ||
            kind == QLatin1String("note-deleted"))
            continue;
        alerts.add(event, multiDay, zone);
        // The handover brief names both sides of the last handover.
        if (kind == QLatin1String("handover")) {
            const QJsonObject data = event.value(QStringLiteral("data")).toObject();
            v[QStringLiteral("outgoing_commander")] = data.value(QStringLiteral("from")).toString();
            v[QStringLiteral("new_commander")] = data.value(QStringLiteral("to")).toString();
        }
        timeline.append(QVariantMap{
            {QStringLiteral("time"), time},
            {QStringLiteral("text"), text},
            {QStringLiteral("actor"), event.value(QStringLiteral("actor")).toString()}});
        if (kind == QLatin1String("update-sent") || kind == QLatin1String("message-sent"))
            announcements.append(
                QVariantMap{{QStringLiteral("time"), time}, {QStringLiteral("text"), text}});
        if (text.startsWith(QLatin1String("TODO:"), Qt::CaseInsensitive))
            actionItems.append(QVariantMap{{QStringLiteral("text"), text.mid(5).trimmed()}});
    }
    v[QStringLiteral("timeline")] = timeline;
    v[QStringLiteral("recent_timeline")] = timeline.mid(qMax<qsizetype>(0, timeline.size() - 5));
    v[QStringLiteral("announcements")] = announcements;
    v[QStringLiteral("action_items")] = actionItems;
    v[QStringLiteral("alerts")] = alerts.list();

    QVariantList openItems;
    QVariantList overdueItems;
    int done = 0;
    const QJsonArray checklist = incident.value(QStringLiteral("checklist")).toArray();
    for (const QJsonValue &value : checklist) {
        const QJsonObject item = value.toObject();
        const QDateTime due = timeOf(item.value(QStringLiteral("due_at")));
        const QDateTime checked = timeOf(item.value(QStringLiteral("checked_at")));
        const QString text = item.value(QStringLiteral("text")).toString();
        if (checked.isValid()) {
            ++done;
            if (due.isValid() && checked > due)
                overdueItems.append(
                    QVariantMap{{QStringLiteral("text"), text},
                                {QStringLiteral("late_by"), durationText(due.secsTo(checked))}});
            continue;
        }
        openItems.append(QVariantMap{
            {QStringLiteral("text"), text},
            {QStringLiteral("phase"), item.value(QStringLiteral("phase")).toString()},
            // A deadline on another day than today gives its date ("due 2026-12-02 17:44"),
            // and every deadline its zone: the next commander acts on it.
            {QStringLiteral("due"),
             due.isValid()
                 ? clockTextWithZone(
                       due, multiDay || due.toTimeZone(zone).date() != now.toTimeZone(zone).date(),
                       zone)
                 : QString()},
            {QStringLiteral("overdue"), due.isValid() && due < now}});
    }
    v[QStringLiteral("open_items")] = openItems;
    v[QStringLiteral("overdue_items")] = overdueItems;
    v[QStringLiteral("checklist_summary")] =
        QStringLiteral("%1 of %2 checklist items done").arg(done).arg(checklist.size());
    return v;
}

} // namespace ic::comms
