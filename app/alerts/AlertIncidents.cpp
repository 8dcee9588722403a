#include "AlertIncidents.h"

#include "core/Ids.h"

#include <QJsonArray>
#include <QSet>

namespace ic::alerts {
namespace {

using incidents::Change;
namespace EventKind = incidents::EventKind;

QJsonObject labelsJson(const QMap<QString, QString> &labels)
{
    QJsonObject object;
    for (auto it = labels.begin(); it != labels.end(); ++it)
        object.insert(it.key(), it.value());
    return object;
}

QString sinceText(const QDateTime &time)
{
    return time.isValid() ? toIsoWithOffset(time.toLocalTime()) : QStringLiteral("an unknown time");
}

// "KubePodCrashLooping (namespace=prod, pod=api-1)"
QString alertText(const QString &alertname, const QString &labelText)
{
    const QString name = alertname.isEmpty() ? QStringLiteral("(no alertname)") : alertname;
    return labelText.isEmpty() ? name : QStringLiteral("%1 (%2)").arg(name, labelText);
}

QString labelTextOf(const QJsonObject &labels)
{
    QStringList parts;
    for (auto it = labels.begin(); it != labels.end(); ++it) {
        if (it.key() != QLatin1String("alertname"))
            parts << it.key() + QLatin1Char('=') + it.value().toString();
    }
    return parts.join(QStringLiteral(", "));
}

} // namespace

SeverityChoice severityFor(const QString &severityLabel, const AlertsConfig &config,
                           const incidents::SeverityScheme &scheme)
{
    SeverityChoice choice;
    if (scheme.levels.empty())
        return choice;
    const QString label = severityLabel.trimmed().toLower();
    for (const auto &[name, level] : config.severityMap) {
        if (name != label)
            continue;
        if (const incidents::SeverityLevel *found = scheme.level(level)) {
            choice.level = found->id;
            return choice;
        }
        choice.problem = QStringLiteral("alerts.yaml: severity_map.%1: %2 is not a level of the "
                                        "severity scheme in force (%3); chose by rank instead")
                             .arg(name, level, scheme.ids().join(QStringLiteral(", ")));
        break;
    }
    const int rank = severityRank(label);
    const std::size_t last = scheme.levels.size() - 1;
    choice.level = scheme.levels[rank >= 4 ? last : std::min(std::size_t(rank), last)].id;
    return choice;
}

incidents::DeclareRequest declareRequestFor(const QList<Alert> &alerts, const AlertsConfig &config,
                                            const incidents::SeverityScheme &scheme,
                                            QString *problem)
{
    incidents::DeclareRequest request;
    if (alerts.isEmpty())
        return request;
    QList<Alert> sorted = alerts;
    std::stable_sort(sorted.begin(), sorted.end(), [](const Alert &a, const Alert &b) {
        return severityRank(a.severity()) < severityRank(b.severity());
    });
    const Alert &worst = sorted.constFirst();
    request.title = worst.summary().simplified();
    if (request.title.isEmpty() || sorted.size() > 1) {
        const QString name =
            worst.alertname().isEmpty() ? QStringLiteral("Alert") : worst.alertname();
        request.title = sorted.size() > 1
                            ? QStringLiteral("%1 (%2 alerts)").arg(name).arg(sorted.size())
                            : name;
    }
    const SeverityChoice severity = severityFor(worst.severity(), config, scheme);
    request.severity = severity.level;
    if (problem)
        *problem = severity.problem;
    for (const QString &label : config.serviceLabels) {
        for (const Alert &alert : sorted) {
            const QString value = alert.labels.value(label).trimmed();
            if (!value.isEmpty() && !request.services.contains(value))
                request.services << value;
        }
    }
    QStringList impacts;
    for (const Alert &alert : sorted) {
        const QString text = alert.description().simplified();
        if (!text.isEmpty() && !impacts.contains(text) && impacts.size() < 3)
            impacts << text;
    }
    request.impact = impacts.join(QLatin1Char(' '));
    return request;
}

AlertLinks::AlertLinks(incidents::IncidentService &service) : m_service(service)
{
    refresh();
}

void AlertLinks::refresh()
{
    m_links.clear();
    m_silences.clear();
    QHash<QString, std::size_t> index; // incident + fingerprint → link
    const auto events =
        m_service.eventsOfKinds({EventKind::AlertLinked, EventKind::AlertResolved,
                                 EventKind::AlertRefired, EventKind::AlertSilenced});
    for (const incidents::TimelineEvent &event : events) {
        if (event.kind == EventKind::AlertSilenced) {
            auto &silence = m_silences[event.data.value(QLatin1String("silence_id")).toString()];
            silence.first << event.incidentId;
            silence.second = event.data.value(QLatin1String("alertname")).toString();
            continue;
        }
        const QString fingerprint = event.data.value(QLatin1String("fingerprint")).toString();
        const QString key = event.incidentId + QLatin1Char('/') + fingerprint;
        if (event.kind == EventKind::AlertLinked) {
            AlertLink link;
            link.incidentId = event.incidentId;
            link.fingerprint = fingerprint;
            link.source = event.data.value(QLatin1String("source")).toString();
            link.alertname = event.data.value(QLatin1String("alertname")).toString();
            link.labels = event.data.value(QLatin1String("labels")).toObject();
            link.startsAt = fromStoredTime(event.data.value(QLatin1String("starts_at")).toString());
            link.linkedAt = event.at;
            if (const auto it = index.constFind(key); it != index.constEnd()) {
                m_links[*it] = link;
            } else {
                index.insert(key, m_links.size());
                m_links.push_back(link);
            }
            continue;
        }
        if (const auto it = index.constFind(key); it != index.constEnd())
            m_links[*it].resolved = event.kind == EventKind::AlertResolved;
    }
}

QString AlertLinks::incidentOf(const QString &fingerprint) const
{
    const AlertLink *latest = nullptr;
    for (const AlertLink &link : m_links) {
        if (link.fingerprint == fingerprint && (!latest || link.linkedAt >= latest->linkedAt))
            latest = &link;
    }
    return latest ? latest->incidentId : QString();
}

Result<Change> AlertLinks::link(const QString &incidentId, const Alert &alert)
{
    for (const AlertLink &link : m_links) {
        if (link.incidentId == incidentId && link.fingerprint == alert.fingerprint)
            return unchanged(QStringLiteral("alert %1 is already linked to this incident")
                                 .arg(alert.fingerprint));
    }
    const QJsonObject data{
        {QStringLiteral("fingerprint"), alert.fingerprint},
        {QStringLiteral("source"), alert.source},
        {QStringLiteral("alertname"), alert.alertname()},
        {QStringLiteral("severity"), alert.severity()},
        {QStringLiteral("state"), alertStateId(alert.state)},
        {QStringLiteral("labels"), labelsJson(alert.labels)},
        {QStringLiteral("summary"), alert.summary()},
        {QStringLiteral("runbook_url"), alert.runbookUrl()},
        {QStringLiteral("starts_at"),
         alert.startsAt.isValid() ? toStoredTime(alert.startsAt) : QString()},
    };
    const QString text =
        QStringLiteral("Alert %1 firing since %2 linked")
            .arg(alertText(alert.alertname(), alert.labelText()), sinceText(alert.startsAt));
    Result<Change> change =
        m_service.recordEvent(incidentId, EventKind::AlertLinked, text, data, alertsFeature);
    if (change)
        refresh();
    return change;
}

void AlertLinks::recordSilence(const Alert &alert, const QString &silenceId,
                               const QDateTime &endsAt, const QString &comment)
{
    QSet<QString> incidents;
    for (const AlertLink &link : m_links) {
        if (link.fingerprint == alert.fingerprint)
            incidents.insert(link.incidentId);
    }
    for (const QString &incidentId : incidents) {
        const QJsonObject data{{QStringLiteral("fingerprint"), alert.fingerprint},
                               {QStringLiteral("alertname"), alert.alertname()},
                               {QStringLiteral("silence_id"), silenceId},
                               {QStringLiteral("ends_at"), toStoredTime(endsAt)},
                               {QStringLiteral("comment"), comment}};
        const QString text = QStringLiteral("Alert %1 silenced until %2 (silence %3): %4")
                                 .arg(alertText(alert.alertname(), alert.labelText()),
                                      toIsoWithOffset(endsAt.toLocalTime()), silenceId, comment);
        // A failed write leaves the silence in place; the timeline misses one line.
        (void)m_service.recordEvent(incidentId, EventKind::AlertSilenced, text, data,
                                    m_service.actor());
    }
    if (!incidents.isEmpty())
        refresh();
}

void AlertLinks::recordUnsilence(const QString &silenceId)
{
    const auto silence = m_silences.value(silenceId);
    for (const QString &incidentId : silence.first) {
        const QJsonObject data{{QStringLiteral("alertname"), silence.second},
                               {QStringLiteral("silence_id"), silenceId}};
        (void)m_service.recordEvent(
            incidentId, EventKind::AlertUnsilenced,
            QStringLiteral("Silence %1 of alert %2 expired").arg(silenceId, silence.second), data,
            m_service.actor());
    }
}

int AlertLinks::reconcile(const QString &source, const QList<Alert> &current)
{
    QSet<QString> present;
    for (const Alert &alert : current)
        present.insert(alert.fingerprint);
    // Collected first: writing reports the change to listeners, which may refresh the links.
    std::vector<AlertLink> changed;
    for (const AlertLink &link : m_links) {
        if (link.source == source && link.resolved == present.contains(link.fingerprint))
            changed.push_back(link);
    }
    int written = 0;
    for (const AlertLink &link : changed) {
        const QString name = alertText(link.alertname, labelTextOf(link.labels));
        const QJsonObject data{{QStringLiteral("fingerprint"), link.fingerprint},
                               {QStringLiteral("source"), link.source},
                               {QStringLiteral("alertname"), link.alertname}};
        const bool resolved = !link.resolved;
        const Result<Change> change = m_service.recordEvent(
            link.incidentId, resolved ? EventKind::AlertResolved : EventKind::AlertRefired,
            resolved ? QStringLiteral("Alert %1 resolved").arg(name)
                     : QStringLiteral("Alert %1 firing again").arg(name),
            data, alertsFeature);
        if (change)
            ++written;
    }
    if (written > 0)
        refresh();
    return written;
}

} // namespace ic::alerts
