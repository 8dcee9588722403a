#pragma once

#include <QString>

namespace ic {

// What the -wal file next to a database holds, judged from its 32-byte header only.
enum class WalState
{
    Absent, // no file or 0 bytes: nothing to recover
    Valid,  // SQLite will replay its committed frames on open
    Damaged // not a WAL SQLite can use: it would ignore it and overwrite it on the next write
};

WalState inspectWal(const QString &databasePath);

// True while another process has the database open: every SQLite connection in WAL mode
// holds a read lock on byte 128 of the -shm (its "dead man switch"). Our own locks do not
// count (fcntl never reports them), so ask before this process opens the database.
bool walInUseByAnotherProcess(const QString &databasePath);

// Renames a damaged -wal (and the -shm that indexes it) to <name>.damaged-<UTC time>, so
// SQLite does not overwrite it and the bytes stay available for recovery. Returns the new
// name of the -wal, or an empty string with *error set.
QString setDamagedWalAside(const QString &databasePath, QString *error);

} // namespace ic
