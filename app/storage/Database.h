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
        NotADatabase,   // unreadable or damaged file: left untouched
        NewerSchema,    // written by a newer console: left untouched
        CannotOpen,     // permissions, missing directory, locked beyond the busy timeout
        MigrationFailed // a step failed and was rolled back
    };
    Status status = Status::Ok;
    QString message; // names the file and says what to do
    int fileVersion = 0;
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

    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    QSqlDatabase connection() const;
    QString path() const { return m_path; }
    int schemaVersion() const;

    // Another connection to the same file with the same pragmas, for a worker thread that
    // must not share this one. Open and use it on that thread.
    static std::unique_ptr<Database> openAdditional(const QString &path, QString *error);

private:
    explicit Database(QString path, QString connectionName);
    bool applyPragmas(QString *error);
    static bool createFresh(const QString &path, QString *error);

    QString m_path;
    QString m_connectionName;
};

} // namespace ic
