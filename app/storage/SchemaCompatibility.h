#pragma once

#include <QSqlDatabase>
#include <QStringList>

namespace ic {

// The tables and columns of the latest schema that db lacks, as "table" or "table.column".
// Empty means this console's queries can read db, even when a newer console wrote it (newer
// steps only add). Reads only.
QStringList missingSchemaParts(const QSqlDatabase &db, QString *error);

} // namespace ic
