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

// Renders incidentToHtml() to a PDF file (A4), its timeline cut to maxPdfTimelineEvents.
// Needs a QGuiApplication (offscreen is fine). The error names the file and why it could not
// be written.
Result<void> writeIncidentPdf(const QJsonObject &incident, const QString &path);

} // namespace ic::comms
