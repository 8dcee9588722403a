#include "Database.h"

#include "Backups.h"
#include "DatabaseFile.h"
#include "Migrations.h"
#include "Sql.h"
#include "core/Logging.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <fcntl.h>
#include <unistd.h>

namespace ic {
namespace {

QString nextConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("ic-db-%1").arg(counter.fetchAndAddRelaxed(1));
}

// Creates the file with 0600 before SQLite does, so it is never readable by others; SQLite
// gives its -wal and -shm files the same mode.
bool createPrivateFile(const QString &path, QString *error)
{
    const int fd =
        ::open(QFile::encodeName(path).constData(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
    if (fd < 0) {
        *error = QStringLiteral("cannot create %1: %2")
                     .arg(path, QString::fromLocal8Bit(strerror(errno)));
        return false;
    }
    ::close(fd);
    return true;
}

// Reads user_version through a read-only connection, so a file we are about to refuse is
// never written to (not even the WAL switch).
DatabaseOpenResult probeExisting(const QString &path)
{
    DatabaseOpenResult result;
    const DatabaseFileCheck check = inspectDatabaseFile(path);
    if (check.verdict == DatabaseFileCheck::Verdict::Missing)
        return result;
    if (check.verdict == DatabaseFileCheck::Verdict::NotADatabase) {
        result.status = DatabaseOpenResult::Status::NotADatabase;
        result.message = QStringLiteral("%1 is not a readable console database: %2. The file "
                                        "was left untouched.")
                             .arg(path, check.reason);
        return result;
    }
    const QString name = nextConnectionName();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=%1")
                                 .arg(Database::busyTimeoutMs));
        QString error;
        if (!db.open()) {
            error = db.lastError().text();
        } else if (!sql::scalar(db, QStringLiteral("SELECT count(*) FROM sqlite_master"), {},
                                &error)
                        .isValid()) {
            // error was set by scalar()
        } else {
            result.fileVersion =
                sql::scalar(db, QStringLiteral("PRAGMA user_version"), {}, &error).toInt();
        }
        db.close();
        if (!error.isEmpty()) {
            result.status = DatabaseOpenResult::Status::NotADatabase;
            result.message = QStringLiteral("%1 is not a readable console database: %2. The "
                                            "file was left untouched.")
                                 .arg(path, error);
        } else if (result.fileVersion > latestSchemaVersion()) {
            result.status = DatabaseOpenResult::Status::NewerSchema;
            result.message = QStringLiteral("%1 has schema version %2, but this console knows "
                                            "only up to %3: it was written by a newer version. "
                                            "Upgrade the console; the file was left untouched.")
                                 .arg(path)
                                 .arg(result.fileVersion)
                                 .arg(latestSchemaVersion());
        }
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

// Before an existing database is changed by an upgrade, keep a copy of it as it was.
bool backUpBeforeUpgrade(const QSqlDatabase &db, const QString &path, QString *error)
{
    const int current = sql::scalar(db, QStringLiteral("PRAGMA user_version")).toInt();
    if (current == 0 || current >= latestSchemaVersion())
        return true;
    const Backups backups(QFileInfo(path).dir().filePath(QStringLiteral("backups")));
    QString problem;
    if (backups.writeRotated(db, QStringLiteral("pre-v%1").arg(current), &problem).isEmpty()) {
        *error =
            QStringLiteral("not upgrading: the backup before the upgrade failed: %1").arg(problem);
        return false;
    }
    return true;
}

bool migrate(const QSqlDatabase &db, const QString &path, QString *error)
{
    if (!backUpBeforeUpgrade(db, path, error))
        return false;
    for (const Migration &migration : schemaMigrations()) {
        sql::WriteTransaction tx(db);
        if (!tx.isActive()) {
            *error = tx.error();
            return false;
        }
        // Read inside the write lock: another process may have migrated meanwhile.
        const int current = sql::scalar(db, QStringLiteral("PRAGMA user_version")).toInt();
        if (current > latestSchemaVersion()) {
            *error = QStringLiteral("%1 was upgraded by a newer console while opening").arg(path);
            return false;
        }
        if (current >= migration.version)
            continue;
        for (const char *statement : migration.statements) {
            if (!sql::exec(db, QString::fromUtf8(statement), {}, error))
                return false;
        }
        // PRAGMA takes no bound parameters; the version is our own integer constant.
        if (!sql::exec(db, QStringLiteral("PRAGMA user_version = %1").arg(migration.version), {},
                       error))
            return false;
        if (!tx.commit()) {
            *error = tx.error();
            return false;
        }
        log::get(log::Storage)
            ->info("{}: migrated to schema {} ({})", path.toStdString(), migration.version,
                   migration.name);
    }
    return true;
}

} // namespace

Database::Database(QString path, QString connectionName)
    : m_path(std::move(path)), m_connectionName(std::move(connectionName))
{}

Database::~Database()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

int Database::schemaVersion() const
{
    return sql::scalar(connection(), QStringLiteral("PRAGMA user_version")).toInt();
}

bool Database::applyPragmas(QString *error)
{
    const QSqlDatabase db = connection();
    const QString mode =
        sql::scalar(db, QStringLiteral("PRAGMA journal_mode = WAL"), {}, error).toString();
    if (mode.compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0) {
        if (error->isEmpty())
            *error = QStringLiteral("%1: cannot switch to WAL (journal mode stays %2)")
                         .arg(m_path, mode);
        return false;
    }
    return sql::exec(db, QStringLiteral("PRAGMA synchronous = FULL"), {}, error) &&
           sql::exec(db, QStringLiteral("PRAGMA foreign_keys = ON"), {}, error);
}

std::unique_ptr<Database> Database::openAdditional(const QString &path, QString *error)
{
    const QString name = nextConnectionName();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(busyTimeoutMs));
        if (!db.open()) {
            *error = QStringLiteral("cannot open %1: %2").arg(path, db.lastError().text());
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(name);
            return nullptr;
        }
    }
    std::unique_ptr<Database> database(new Database(path, name));
    if (!database->applyPragmas(error))
        return nullptr;
    return database;
}

// Builds a complete, migrated database under a temporary name and links it into place, so
// console.db never exists half-made: a 0-byte console.db is then always somebody else's damage.
// When another process wins the race, its database is used and ours discarded.
bool Database::createFresh(const QString &path, QString *error)
{
    const QString temporary = path + QStringLiteral(".new-%1-%2")
                                         .arg(QCoreApplication::applicationPid())
                                         .arg(nextConnectionName());
    QFile::remove(temporary);
    if (!createPrivateFile(temporary, error))
        return false;
    bool ok = false;
    {
        auto database = openAdditional(temporary, error);
        ok = database && migrate(database->connection(), temporary, error);
    }
    // Closing the last connection checkpointed and removed the temporary -wal and -shm.
    if (ok &&
        ::link(QFile::encodeName(temporary).constData(), QFile::encodeName(path).constData()) !=
            0 &&
        errno != EEXIST) {
        *error = QStringLiteral("cannot create %1: %2")
                     .arg(path, QString::fromLocal8Bit(strerror(errno)));
        ok = false;
    }
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(temporary + suffix);
    return ok;
}

std::unique_ptr<Database> Database::open(const QString &path, DatabaseOpenResult *result)
{
    *result = probeExisting(path);
    if (result->status != DatabaseOpenResult::Status::Ok)
        return nullptr;
    QString error;
    if (!QFileInfo::exists(path) && !createFresh(path, &error)) {
        *result = {DatabaseOpenResult::Status::CannotOpen, error, 0};
        return nullptr;
    }
    auto database = openAdditional(path, &error);
    if (!database) {
        *result = {DatabaseOpenResult::Status::CannotOpen, error, 0};
        return nullptr;
    }
    if (!migrate(database->connection(), path, &error)) {
        *result = {
            DatabaseOpenResult::Status::MigrationFailed,
            QStringLiteral("%1: schema upgrade failed and was rolled back: %2").arg(path, error),
            0};
        return nullptr;
    }
    result->fileVersion = database->schemaVersion();
    return database;
}

} // namespace ic
