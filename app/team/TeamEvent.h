#pragma once

#include "Hlc.h"
#include "ReplicatedRows.h"
#include "core/Result.h"

#include <QByteArray>
#include <QHash>
#include <vector>

namespace ic::team {

// What one change did to one replicated row.
struct RowChange
{
    enum class Op
    {
        Insert, // a new row: every column
        Update, // the columns that changed
        Delete
    };
    QString table;
    QString id;
    Op op = Op::Update;
    Row values;
    // For each changed column, the stamp of the write the author's console held for it when
    // it changed it (empty when none): the merge tells a later write from a concurrent one.
    QHash<QString, QString> base;
};

// One change to one incident, as replicated between consoles: immutable once made, known by
// a UUID, stamped with the console, the person and a hybrid logical clock.
struct TeamEvent
{
    QString id;
    QString incidentId;
    QString console;
    QString actor;
    // The timeline kind of the change ("tick", "severity"…), or "share" for an incident
    // brought into the team as it was.
    QString kind;
    Hlc hlc;
    // The timeline event that records this change on its incident (empty for a share).
    QString timelineEventId;
    std::vector<RowChange> rows;
};

// Bounds of an event from the server: larger ones are refused, never read into memory twice.
inline constexpr qsizetype maxEventBytes = 4 * 1024 * 1024;
inline constexpr int maxEventRows = 2000;

QByteArray encodeEvent(const TeamEvent &event);
// An event from the server is untrusted: its JSON, ids, table and column names, value types
// and sizes are checked, and the first problem is named ("event 7f3a…: row 2: column 'x' of
// checklist_items is not replicated").
Result<TeamEvent> decodeEvent(const QByteArray &payload);

} // namespace ic::team
