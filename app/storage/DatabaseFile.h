#pragma once

#include <QString>

namespace ic {

// What a look at an existing database file, without opening it for writing, found.
struct DatabaseFileCheck
{
    enum class Verdict
    {
        Missing,
        LooksValid,
        NotADatabase
    };
    Verdict verdict = Verdict::Missing;
    QString reason; // for NotADatabase: why, in words a user can act on
};

// Checks size, the SQLite header and the page count the header promises. Reads only.
DatabaseFileCheck inspectDatabaseFile(const QString &path);

// Renames path and its -wal/-shm companions to path.corrupt-<UTC timestamp> so a fresh
// database can be created while the damaged one is kept for recovery. Returns the new
// name of the main file, or an empty string with *error set.
QString moveDatabaseAside(const QString &path, QString *error);

} // namespace ic
