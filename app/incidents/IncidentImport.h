#pragma once

#include "ChecklistStore.h"
#include "Incident.h"
#include "IncidentStore.h"
#include "Timeline.h"

#include <QByteArray>
#include <QSqlDatabase>
#include <optional>
#include <vector>

namespace ic::incidents {

// Every stored row of one incident, as a complete JSON export (incidentDocument) holds it.
struct IncidentRecord
{
    Incident incident;
    std::vector<ChecklistItem> items;
    std::vector<TimelineEvent> events;
    std::vector<Draft> drafts;
};

// The most an import takes. An export is read whole into memory and written in one
// transaction, so a file past these is refused before anything is parsed or written. The
// window opens an incident of any length in pages (Timeline::newestEvents), so the bound is
// memory for the import itself: about 1 GB for a file at the limit.
inline constexpr qint64 maxImportFileBytes = 256LL * 1024 * 1024;
inline constexpr qsizetype maxImportEvents = 1'000'000;
inline constexpr qsizetype maxImportItems = 10'000;
inline constexpr qsizetype maxImportDrafts = 10'000;

// Reads a complete export. Derived fields (mtta, due_at, superseded, postmortem, …) are not
// read back: the stored ones they come from are. Nothing, with *error naming the position
// ("line 3, column 7: …") or the field ("checklist[2].position: expected an integer, found a
// string"), when the bytes are not such an export, were written by a newer format version or
// hold more than the limits above.
Result<IncidentRecord> parseIncidentExport(const QByteArray &json);

// Writes the record in one write transaction with ids and timestamps exactly as they are, and
// nothing else (no "imported" event: a re-export must equal the file). When the incident, or
// one of its items, events or drafts, is here already, nothing is written and the error is
// ErrorKind::Unchanged.
Result<void> importIncident(const QSqlDatabase &db, const IncidentRecord &record);

} // namespace ic::incidents
