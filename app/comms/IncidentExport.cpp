#include "IncidentExport.h"

#include "IncidentValues.h"
#include "core/CountText.h"
#include "core/Ids.h"

#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <limits>

namespace ic::comms {
namespace {

const QString mttaDefinition = QStringLiteral("time to acknowledge = acknowledged − started");
const QString mttrDefinition = QStringLiteral("time to resolve = resolved − started");

// A time in the incident's zone, named: a record read in another zone or another season is
// still unambiguous ("2026-12-01 17:30 CET").
QString incidentTime(const QJsonValue &value, const QTimeZone &zone)
{
    const QDateTime time = fromStoredTime(value.toString()).toTimeZone(zone);
    return time.isValid()
               ? time.toString(QStringLiteral("yyyy-MM-dd HH:mm ")) + time.timeZoneAbbreviation()
               : QString();
}

// A note a later edit or deletion replaced stays in the record, marked as such.
QString eventText(const QJsonObject &event)
{
    const QString text = event.value(QStringLiteral("text")).toString();
    return event.value(QStringLiteral("superseded")).toBool() ? text + QStringLiteral(" (replaced)")
                                                              : text;
}

QString secondsText(const QJsonValue &value)
{
    if (!value.isDouble())
        return QStringLiteral("n/a");
    const qint64 total = qint64(value.toDouble());
    return QStringLiteral("%1h %2m %3s")
        .arg(total / 3600)
        .arg((total % 3600) / 60, 2, 10, QLatin1Char('0'))
        .arg(total % 60, 2, 10, QLatin1Char('0'));
}

// Status ids are lower case in the JSON; a record names them as a heading would.
QString statusLabel(const QString &id)
{
    return id.left(1).toUpper() + id.mid(1);
}

QString services(const QJsonObject &incident)
{
    QStringList names;
    for (const QJsonValue &v : incident.value(QStringLiteral("services")).toArray())
        names << v.toString();
    if (names.isEmpty())
        names << incident.value(QStringLiteral("service")).toString();
    return names.join(QStringLiteral(", "));
}

// A value from the incident as Markdown text on one line: the characters that open raw
// HTML, links and images, table cells or escapes are backslash-escaped, so a note cannot
// add a tag, an image fetched from a server, or a column.
QString markdownText(const QString &value)
{
    static const QRegularExpression special(QStringLiteral("([\\\\<>\\[\\]|])"));
    static const QRegularExpression lineBreaks(QStringLiteral("[\\r\\n]+"));
    return QString(value)
        .replace(lineBreaks, QStringLiteral(" "))
        .replace(special, QStringLiteral("\\\\1"));
}

// The postmortem is Markdown written in the console, so its markup stays; what it took from
// notes (or an imported incident brought) may not add raw HTML or images.
QString inertMarkdown(const QString &markdown)
{
    static const QRegularExpression htmlStart(QStringLiteral("<(?=[A-Za-z/!?])"));
    return QString(markdown)
        .replace(htmlStart, QStringLiteral("&lt;"))
        .replace(QStringLiteral("!["), QStringLiteral("!\\["));
}

struct Field
{
    QString label;
    QString value;
};

QList<Field> headerFields(const QJsonObject &incident)
{
    const QJsonObject m = incident.value(QStringLiteral("milestones")).toObject();
    const QTimeZone zone = incidentZone(incident);
    const auto localTime = [&zone](const QJsonValue &value) {
        return incidentTime(value, zone);
    };
    return {
        {QStringLiteral("Severity"), incident.value(QStringLiteral("severity")).toString()},
        {QStringLiteral("Status"),
         statusLabel(incident.value(QStringLiteral("status")).toString())},
        {QStringLiteral("Services"), services(incident)},
        {QStringLiteral("Impact"), incident.value(QStringLiteral("impact")).toString()},
        {QStringLiteral("Commander"), incident.value(QStringLiteral("commander")).toString()},
        {QStringLiteral("Started"), localTime(m.value(QStringLiteral("started")))},
        {QStringLiteral("Detected"), localTime(m.value(QStringLiteral("detected")))},
        {QStringLiteral("Acknowledged"), localTime(m.value(QStringLiteral("acknowledged")))},
        {QStringLiteral("Mitigated"), localTime(m.value(QStringLiteral("mitigated")))},
        {QStringLiteral("Resolved"), localTime(m.value(QStringLiteral("resolved")))},
        {QStringLiteral("MTTA"), secondsText(incident.value(QStringLiteral("mtta_seconds"))) +
                                     QStringLiteral(" (") + mttaDefinition + QLatin1Char(')')},
        {QStringLiteral("MTTR"), secondsText(incident.value(QStringLiteral("mttr_seconds"))) +
                                     QStringLiteral(" (") + mttrDefinition + QLatin1Char(')')},
    };
}

// One line describing an item's state: when it was done and by whom, or when it is due.
QString itemState(const QJsonObject &item, const QTimeZone &zone)
{
    const QString checked = incidentTime(item.value(QStringLiteral("checked_at")), zone);
    const QString due = incidentTime(item.value(QStringLiteral("due_at")), zone);
    QStringList parts;
    if (!checked.isEmpty()) {
        QString done = QStringLiteral("done ") + checked;
        const QString by = item.value(QStringLiteral("checked_by")).toString();
        if (!by.isEmpty())
            done += QStringLiteral(" by ") + by;
        parts << done;
    }
    if (!due.isEmpty())
        parts << QStringLiteral("due ") + due;
    const QString note = item.value(QStringLiteral("note")).toString();
    if (!note.isEmpty())
        parts << QStringLiteral("note: ") + note;
    return parts.join(QStringLiteral("; "));
}

} // namespace

QString incidentToMarkdown(const QJsonObject &incident)
{
    const QTimeZone zone = incidentZone(incident);
    QString md = QStringLiteral("# ") +
                 markdownText(incident.value(QStringLiteral("title")).toString()) +
                 QStringLiteral("\n\n| Field | Value |\n|---|---|\n");
    for (const Field &field : headerFields(incident))
        md += QStringLiteral("| %1 | %2 |\n").arg(field.label, markdownText(field.value));
    md += QStringLiteral("\n## Checklist\n");
    QString phase;
    for (const QJsonValue &value : incident.value(QStringLiteral("checklist")).toArray()) {
        const QJsonObject item = value.toObject();
        if (item.value(QStringLiteral("phase")).toString() != phase) {
            phase = item.value(QStringLiteral("phase")).toString();
            md += QStringLiteral("\n### ") + markdownText(phase) + QStringLiteral("\n\n");
        }
        const bool done = !item.value(QStringLiteral("checked_at")).toString().isEmpty();
        const QString state = itemState(item, zone);
        md += QStringLiteral("- [%1] %2%3\n")
                  .arg(done ? QLatin1Char('x') : QLatin1Char(' '))
                  .arg(markdownText(item.value(QStringLiteral("text")).toString()),
                       state.isEmpty()
                           ? QString()
                           : QStringLiteral(" (") + markdownText(state) + QLatin1Char(')'));
    }
    md += QStringLiteral("\n## Timeline\n\n| Time | Event | By |\n|---|---|---|\n");
    for (const QJsonValue &value : incident.value(QStringLiteral("timeline")).toArray()) {
        const QJsonObject event = value.toObject();
        md += QStringLiteral("| %1 | %2 | %3 |\n")
                  .arg(incidentTime(event.value(QStringLiteral("at")), zone),
                       markdownText(eventText(event)),
                       markdownText(event.value(QStringLiteral("actor")).toString()));
    }
    const QString postmortem = incident.value(QStringLiteral("postmortem")).toString();
    if (!postmortem.isEmpty())
        md += QStringLiteral("\n---\n\n") + inertMarkdown(postmortem) + QLatin1Char('\n');
    return md;
}

namespace {

// incidentToHtml() with the newest timelineLimit events of the timeline and a row saying how
// many older ones it left out.
QString htmlRecord(const QJsonObject &incident, qsizetype timelineLimit)
{
    const QTimeZone zone = incidentZone(incident);
    const auto e = [](const QString &text) {
        return text.toHtmlEscaped();
    };
    QString html =
        QStringLiteral(
            "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
            "style-src 'unsafe-inline'\">"
            "<title>%1</title><style>"
            "body{font-family:sans-serif;margin:2em;color:#1f2933}"
            "table{border-collapse:collapse;margin:1em 0}"
            "td,th{border:1px solid #c5ccd3;padding:4px 8px;text-align:left;vertical-align:top}"
            "th{background:#eef1f4}ul{list-style:none;padding-left:1em}"
            ".done{color:#2f6f3e}.open{color:#8a1c1c}"
            "</style></head><body>\n<h1>%1</h1>\n<table>\n")
            .arg(e(incident.value(QStringLiteral("title")).toString()));
    for (const Field &field : headerFields(incident))
        html +=
            QStringLiteral("<tr><th>%1</th><td>%2</td></tr>\n").arg(e(field.label), e(field.value));
    html += QStringLiteral("</table>\n<h2>Checklist</h2>\n");
    QString phase;
    bool listOpen = false;
    for (const QJsonValue &value : incident.value(QStringLiteral("checklist")).toArray()) {
        const QJsonObject item = value.toObject();
        if (item.value(QStringLiteral("phase")).toString() != phase) {
            phase = item.value(QStringLiteral("phase")).toString();
            html += (listOpen ? QStringLiteral("</ul>\n") : QString()) + QStringLiteral("<h3>") +
                    e(phase) + QStringLiteral("</h3>\n<ul>\n");
            listOpen = true;
        }
        const bool done = !item.value(QStringLiteral("checked_at")).toString().isEmpty();
        const QString state = itemState(item, zone);
        html += QStringLiteral("<li class=\"%1\">%2 %3%4</li>\n")
                    .arg(done ? QStringLiteral("done") : QStringLiteral("open"),
                         done ? QStringLiteral("☑") : QStringLiteral("☐"),
                         e(item.value(QStringLiteral("text")).toString()),
                         state.isEmpty() ? QString()
                                         : QStringLiteral(" <small>(") + e(state) +
                                               QStringLiteral(")</small>"));
    }
    if (listOpen)
        html += QStringLiteral("</ul>\n");
    html += QStringLiteral(
        "<h2>Timeline</h2>\n<table>\n<tr><th>Time</th><th>Event</th><th>By</th></tr>\n");
    const QJsonArray timeline = incident.value(QStringLiteral("timeline")).toArray();
    const qsizetype left = std::max<qsizetype>(0, timeline.size() - timelineLimit);
    if (left > 0)
        html += QStringLiteral("<tr><td colspan=\"3\"><i>%1 older events are left out here: "
                               "the HTML, Markdown and JSON exports hold every event.</i></td>"
                               "</tr>\n")
                    .arg(countText(left));
    for (qsizetype i = left; i < timeline.size(); ++i) {
        const QJsonObject event = timeline.at(i).toObject();
        html += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td></tr>\n")
                    .arg(e(incidentTime(event.value(QStringLiteral("at")), zone)),
                         e(eventText(event)), e(event.value(QStringLiteral("actor")).toString()));
    }
    html += QStringLiteral("</table>\n");
    const QString postmortem = incident.value(QStringLiteral("postmortem")).toString();
    if (!postmortem.isEmpty())
        html += QStringLiteral("<h2>Postmortem</h2>\n<pre style=\"white-space:pre-wrap\">") +
                e(postmortem) + QStringLiteral("</pre>\n");
    html += QStringLiteral("</body></html>\n");
    return html;
}

} // namespace

QString incidentToHtml(const QJsonObject &incident)
{
    return htmlRecord(incident, std::numeric_limits<qsizetype>::max());
}

QString incidentToPdfHtml(const QJsonObject &incident)
{
    return htmlRecord(incident, maxPdfTimelineEvents);
}

namespace {

IncidentPdfWriter pdfWriter = nullptr;

} // namespace

void setIncidentPdfWriter(IncidentPdfWriter writer)
{
    pdfWriter = writer;
}

Result<void> writeIncidentPdf(const QJsonObject &incident, const QString &path)
{
    if (!pdfWriter)
        return failure(QStringLiteral("cannot write %1: PDF rendering is not loaded").arg(path));
    return pdfWriter(incident, path);
}

} // namespace ic::comms
