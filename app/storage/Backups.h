#pragma once

#include <QDateTime>
#include <QSqlDatabase>
#include <QString>

namespace ic {

// Online backups of console.db into <data dir>/backups, written with VACUUM INTO: one
// consistent snapshot of the live database, safe while the GUI and the CLI write to it.
class Backups
{
public:
    static constexpr int keptPerKind = 10;

    explicit Backups(QString backupDir);

    QString directory() const { return m_dir; }

    // Writes a copy of db to target (which must not exist yet) with mode 0600.
    static bool write(const QSqlDatabase &db, const QString &target, QString *error);

    // A copy named console-<kind>-<UTC time>.db, then only the newest keptPerKind copies of
    // that kind are kept. Returns the file written, or an empty string with *error set.
    QString writeRotated(const QSqlDatabase &db, const QString &kind, QString *error) const;

    // The newest copy of a kind, or an invalid time when there is none.
    QDateTime newest(const QString &kind) const;

    // Opens its own connection to dbPath and writes a "daily" copy when the newest one is
    // older than a day. Meant for a worker thread; returns the file written or empty.
    static QString writeDailyIfDue(const QString &dbPath);

private:
    void prune(const QString &kind) const;
    QStringList copies(const QString &kind) const; // newest first

    QString m_dir;
};

} // namespace ic
