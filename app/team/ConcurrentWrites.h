#pragma once

#include "core/Result.h"

#include <QSqlDatabase>
#include <QVariant>

namespace ic::team {

// One write of a replicated field: when (hlc), the write its author had seen (base), the value
// and the timeline event that made it.
struct FieldWrite
{
    QString table;
    QString rowId;
    QString column;
    QString hlc;
    QString base;
    QVariant value;
    QString eventId;
};

// The incident's milestones: of two times set without knowing of each other, the earlier is
// kept (not the later write). Their writes are never marked as lost.
bool keepsEarliest(const QString &table, const QString &column);

// Keeps the write in the field's history and marks the timeline events of the writes that lost
// to a concurrent one: a write is not kept when a later write (by clock) of another value was
// made without knowing of it (it is not in that write's chain of bases). This depends on the
// set of writes alone, never on the order they arrived in, so every console marks the same
// events with the same words: the loser names the latest write that beat it.
Result<void> recordFieldWrite(const QSqlDatabase &db, const FieldWrite &write);

} // namespace ic::team
