#pragma once

#include <QString>

namespace ic {

// Why the console could not write the database at path (its directory read-only, the file
// not writable, a read-only mount…), in words naming what; empty when it can. Asks the
// kernel (access(2)), so a read-only file system counts even for root.
QString whyNotWritable(const QString &path);

// Opening a database for writing creates its -shm (32 KiB) and a -wal that grows with the
// first commits; below this much free space the open fails half-way.
inline constexpr qint64 minimumFreeBytesToOpen = 1024 * 1024;

// Why the file system (or quota) that holds path has no room to open it for writing, naming
// the mount and the free space ("no space left on /home: 12 KiB free, …"); empty when it has.
QString whyNoRoomToOpen(const QString &path);

// A driver's error for a failed write, turned into a message naming the file and the
// reason in plain words ("disk full", "read-only", "disk I/O error").
QString describeWriteError(const QString &path, const QString &driverError);

} // namespace ic
