#pragma once

#include <QSqlDatabase>
#include <QString>
#include <memory>

namespace ic {

struct DatabaseOpenResult
{
    enum class Status
    {
        Ok,
        NotADatabase,    // unreadable or damaged file: left untouched
        NewerSchema,     // written by a newer console: left untouched
        CannotOpen,      // permissions, missing directory, locked beyond the busy timeout
        MigrationFailed, // a step failed and was rolled back
        NeedsUpgrade,    // read-only: older than this console, and upgrading would write
        NoSpace          // intact, but no room on its file system to open it for writing:
                         // openReadOnly() shows it until space is freed
    };
    Status status = Status::Ok;
    QString message; // names the file and says what to do
    int fileVersion = 0;
    // NewerSchema only: the file holds every table and column this console reads, so
    // openReadOnly() can show it safely.
    bool readableReadOnly = false;
    // Something was repaired or set aside while opening (the file was still opened).
    QString notice;
};

// The console's SQLite database: WAL, synchronous=FULL, foreign keys, busy timeout, and the
// numbered migrations of Migrations.cpp. One Database per thread that uses it: QtSql
// connections must stay on the thread that opened them.
class Database
{
public:
    static constexpr int busyTimeoutMs = 5000;

    static QString defaultFileName() { return QStringLiteral("console.db"); }

    // Opens path, creating it (0600) when absent, and migrates it to the latest version.
    // Returns nothing when the file is damaged, newer or cannot be opened; the file is then
    // exactly as it was.
    static std::unique_ptr<Database> open(const QString &path, DatabaseOpenResult *result);

    // Opens an existing database without ever writing to it: no WAL switch, no migration,
    // no -wal/-shm created. For a data dir the console cannot write (reason says why, for the
    // banner) or a newer schema the user chose to view. Refuses a file that lacks a table or
    // column this console reads.
    static std::unique_ptr<Database> openReadOnly(const QString &path, const QString &reason,
                                                  DatabaseOpenResult *result);

    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    QSqlDatabase connection() const;
    QString path() const { return m_path; }
    int schemaVersion() const;

    // Features ask before writing: a read-only database refuses writes, and the reason is
    // what to tell the user.
    bool isReadOnly() const { return !m_readOnlyReason.isEmpty(); }
    QString readOnlyReason() const { return m_readOnlyReason; }
    // True when writes are possible; otherwise *error names the file and why not.
    bool checkWritable(QString *error) const;

    // Another connection to the same file with the same pragmas, for a worker thread that
    // must not share this one. Open and use it on that thread.
    static std::unique_ptr<Database> openAdditional(const QString &path, QString *error);

private:
    explicit Database(QString path, QString connectionName);
    bool applyPragmas(QString *error);
    static bool createFresh(const QString &path, QString *error);

    QString m_path;
    QString m_connectionName;
    QString m_readOnlyReason;
};

} // namespace ic
