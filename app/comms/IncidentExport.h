#pragma once

#include "core/Result.h"

#include <QJsonObject>
#include <QString>

namespace ic::comms {

// The full record of one incident, from its JSON (see IncidentValues.h), for people:
// header fields with MTTA/MTTR and their definitions, the checklist by phase with ticks and
// deadlines, the timeline, and the postmortem when one was written.
QString incidentToMarkdown(const QJsonObject &incident);

// Self-contained HTML: inline style only, no scripts, no remote resources, every value
// escaped, and a Content-Security-Policy that forbids anything active if opened in a browser.
QString incidentToHtml(const QJsonObject &incident);

// A PDF is laid out by QTextDocument, whose time and memory grow with every table row (an
// imported incident of 300,000 events would take minutes and gigabytes), so it holds the
// newest events up to this many and says how many it leaves to the other formats.
inline constexpr qsizetype maxPdfTimelineEvents = 2'000;

// incidentToHtml() with the timeline cut to maxPdfTimelineEvents: what a PDF lays out.
QString incidentToPdfHtml(const QJsonObject &incident);

// Renders incidentToPdfHtml() to a PDF file (A4). Needs a QGuiApplication (offscreen is fine).
// The error names the file and why it could not be written.
// The rendering lives with QtGui in the window's module (IncidentPdf.h), so that the command
// line never loads QtGui; it registers itself with setIncidentPdfWriter when loaded.
Result<void> writeIncidentPdf(const QJsonObject &incident, const QString &path);

using IncidentPdfWriter = Result<void> (*)(const QJsonObject &incident, const QString &path);
void setIncidentPdfWriter(IncidentPdfWriter writer);

} // namespace ic::comms
