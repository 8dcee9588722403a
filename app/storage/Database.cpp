#include "Database.h"

#include "Backups.h"
#include "DatabaseFile.h"
#include "Migrations.h"
#include "SchemaCompatibility.h"
#include "Sql.h"
#include "WalFile.h"
#include "WriteAccess.h"
#include "core/Logging.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QUrl>
#include <fcntl.h>
#include <unistd.h>

namespace ic {
namespace {

DatabaseOpenResult failure(DatabaseOpenResult::Status status, const QString &message)
{
    DatabaseOpenResult result;
    result.status = status;
    result.message = message;
    return result;
}

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

// A connection that cannot write. In a directory we cannot write, SQLite cannot create the
// -shm a WAL database needs, so a database without a -wal is opened immutable (nothing to
// replay, no locks); with a -wal it must read through it to see every committed row.
bool openReadOnlyConnection(QSqlDatabase &db, const QString &path, QString *error)
{
    // A full disk is the same: the -shm cannot be made.
    const bool cannotWrite = !whyNotWritable(path).isEmpty() || !whyNoRoomToOpen(path).isEmpty();
    const bool immutable = cannotWrite && QFileInfo(path + QStringLiteral("-wal")).size() == 0;
    QString uri = QUrl::fromLocalFile(path).toString(QUrl::FullyEncoded);
    uri += immutable ? QStringLiteral("?immutable=1") : QStringLiteral("?mode=ro");
    db.setDatabaseName(uri);
    db.setConnectOptions(
        QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI;QSQLITE_BUSY_TIMEOUT=%1")
            .arg(Database::busyTimeoutMs));
    if (!db.open()) {
        *error = db.lastError().text();
        return false;
    }
    // Reading sqlite_master makes SQLite parse the header and schema: garbage fails here.
    return sql::scalar(db, QStringLiteral("SELECT count(*) FROM sqlite_master"), {}, error)
               .isValid() &&
           sql::exec(db, QStringLiteral("PRAGMA query_only = ON"), {}, error);
}

QString unreadableMessage(const QString &path, const QString &reason)
{
    return QStringLiteral("%1 is not a readable console database: %2. The file was left "
                          "untouched.")
        .arg(path, reason);
}

QString noRoomMessage(const QString &path, const QString &noRoom)
{
    return QStringLiteral("%1. %2 is intact and was left untouched; free some space and it opens "
                          "for writing again.")
        .arg(noRoom, path);
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
        result.message = unreadableMessage(path, check.reason);
        return result;
    }
    const QString name = nextConnectionName();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        QString error;
        if (openReadOnlyConnection(db, path, &error)) {
            result.fileVersion =
                sql::scalar(db, QStringLiteral("PRAGMA user_version"), {}, &error).toInt();
            if (error.isEmpty() && result.fileVersion > latestSchemaVersion())
                result.readableReadOnly = missingSchemaParts(db, &error).isEmpty();
        }
        db.close();
        if (const QString noRoom = whyNoRoomToOpen(path); !error.isEmpty() && !noRoom.isEmpty()) {
            // SQLite could not even make the -shm to read it: the disk is full, not the file
            // damaged. Never offer to move a healthy database aside.
            result.status = DatabaseOpenResult::Status::NoSpace;
            result.message = noRoomMessage(path, noRoom);
        } else if (!error.isEmpty()) {
            result.status = DatabaseOpenResult::Status::NotADatabase;
            result.message = unreadableMessage(path, error);
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

// SQLite ignores a -wal whose header is garbage and overwrites it on the next write; keep
// those bytes under another name instead, and say so. Never while another process has the
// database open: its -wal may be mid-restart, and renaming it under a live writer would lose
// that writer's commits.
bool setAsideDamagedWal(const QString &path, DatabaseOpenResult *result)
{
    if (inspectWal(path) != WalState::Damaged || walInUseByAnotherProcess(path))
        return true;
    QString error;
    const QString keptAs = setDamagedWalAside(path, &error);
    if (keptAs.isEmpty()) {
        *result = failure(DatabaseOpenResult::Status::CannotOpen,
                          QStringLiteral("%1-wal is damaged and %2; the files were left untouched")
                              .arg(path, error));
        return false;
    }
    result->notice = QStringLiteral("%1-wal was damaged (not a write-ahead log SQLite can "
                                    "replay); it was kept as %2 and the database opened "
                                    "without it")
                         .arg(path, keptAs);
    log::get(log::Storage)->warn("{}", result->notice.toStdString());
    return true;
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
    // Up to date, as nearly always: no write lock taken for each step to find that out.
    if (sql::scalar(db, QStringLiteral("PRAGMA user_version")).toInt() == latestSchemaVersion())
        return true;
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
        // security-check: allow pragma-user-version
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
    sql::forgetKeptStatements(m_connectionName);
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

bool Database::checkWritable(QString *error) const
{
    if (!isReadOnly())
        return true;
    *error = QStringLiteral("%1 is open read-only, so the change was not saved: %2")
                 .arg(m_path, m_readOnlyReason);
    return false;
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
    DatabaseOpenResult walCheck;
    if (!setAsideDamagedWal(path, &walCheck)) {
        *result = walCheck;
        return nullptr;
    }
    *result = probeExisting(path);
    result->notice = walCheck.notice;
    if (result->status != DatabaseOpenResult::Status::Ok)
        return nullptr;
    QString error;
    if (!QFileInfo::exists(path) && !createFresh(path, &error)) {
        *result = failure(DatabaseOpenResult::Status::CannotOpen, error);
        return nullptr;
    }
    auto database = openAdditional(path, &error);
    if (!database) {
        const QString noRoom = whyNoRoomToOpen(path);
        *result = noRoom.isEmpty()
                      ? failure(DatabaseOpenResult::Status::CannotOpen, error)
                      : failure(DatabaseOpenResult::Status::NoSpace, noRoomMessage(path, noRoom));
        return nullptr;
    }
    if (!migrate(database->connection(), path, &error)) {
        *result = failure(
            DatabaseOpenResult::Status::MigrationFailed,
            QStringLiteral("%1: schema upgrade failed and was rolled back: %2").arg(path, error));
        return nullptr;
    }
    result->fileVersion = database->schemaVersion();
    return database;
}

std::unique_ptr<Database> Database::openReadOnly(const QString &path, const QString &reason,
                                                 DatabaseOpenResult *result)
{
    *result = {};
    const DatabaseFileCheck check = inspectDatabaseFile(path);
    if (check.verdict == DatabaseFileCheck::Verdict::Missing) {
        *result = failure(
            DatabaseOpenResult::Status::CannotOpen,
            QStringLiteral("there is no database at %1 to open read-only (%2)").arg(path, reason));
        return nullptr;
    }
    if (check.verdict == DatabaseFileCheck::Verdict::NotADatabase) {
        *result = failure(DatabaseOpenResult::Status::NotADatabase,
                          unreadableMessage(path, check.reason));
        return nullptr;
    }
    if (inspectWal(path) == WalState::Damaged)
        result->notice =
            QStringLiteral("%1-wal is damaged; it is ignored and left as it is").arg(path);
    const QString name = nextConnectionName();
    std::unique_ptr<Database> database(new Database(path, name));
    database->m_readOnlyReason = reason;
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    QString error;
    QStringList missing;
    if (openReadOnlyConnection(db, path, &error)) {
        result->fileVersion =
            sql::scalar(db, QStringLiteral("PRAGMA user_version"), {}, &error).toInt();
        if (error.isEmpty())
            missing = missingSchemaParts(db, &error);
    }
    if (!error.isEmpty()) {
        result->status = DatabaseOpenResult::Status::NotADatabase;
        result->message = unreadableMessage(path, error);
        return nullptr;
    }
    if (missing.isEmpty())
        return database;
    if (result->fileVersion < latestSchemaVersion()) {
        result->status = DatabaseOpenResult::Status::NeedsUpgrade;
        result->message =
            QStringLiteral("%1 has schema version %2 and this console needs version %3. "
                           "Upgrading it would write to it, but %4. Nothing was changed: make "
                           "the data dir writable and start again, or use the console version "
                           "that wrote it.")
                .arg(path)
                .arg(result->fileVersion)
                .arg(latestSchemaVersion())
                .arg(reason);
    } else {
        result->status = DatabaseOpenResult::Status::NewerSchema;
        result->message = QStringLiteral("%1 was written by a newer console (schema version %2) "
                                         "and lacks %3, which this console reads, so it cannot "
                                         "be shown read-only either. The file was left "
                                         "untouched.")
                              .arg(path)
                              .arg(result->fileVersion)
                              .arg(missing.join(QStringLiteral(", ")));
    }
    return nullptr;
}

} // namespace ic
