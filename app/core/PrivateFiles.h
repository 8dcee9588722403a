#pragma once

#include <QString>

namespace ic {

// Other accounts on the machine must neither read the incident data nor change what the
// console reads. These check a path's owner and permission bits (following links).

// For the data dir and the files that hold incident data or secrets (console.db, the
// webhook secret, backups, logs): when this account owns path and others may read or write
// it, its mode is tightened to 0700 (a directory) or 0600; when another account owns it
// (root aside), or tightening fails, it is refused. Returns an empty string when path is
// private now or does not exist, otherwise a message naming the path, its owner and mode.
QString makePrivate(const QString &path);

// For files the console acts on (health.yaml, message templates): one that another account
// can change, being group or world writable or owned by someone else (root aside), is not
// used, since it may already have been changed. Returns an empty string when it can be
// trusted or does not exist, otherwise a message naming the path and mode.
QString whyNotTrusted(const QString &path);

// Writes a secret (a webhook URL, a database password) to path: created 0600 before the first
// byte is written, whatever the umask, then renamed over the old one so a crash never leaves
// half of it. Returns an empty string, or why it could not be written.
QString writeSecretFile(const QString &path, const QByteArray &bytes);

} // namespace ic
