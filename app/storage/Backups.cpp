#include "Backups.h"

#include "Database.h"
#include "Sql.h"
#include "core/Logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace ic {

Backups::Backups(QString backupDir) : m_dir(std::move(backupDir)) {}

bool Backups::write(const QSqlDatabase &db, const QString &target, QString *error)
{
    if (QFileInfo::exists(target)) {
        *error = QStringLiteral("%1 already exists").arg(target);
        return false;
    }
    if (!sql::exec(db, QStringLiteral("VACUUM INTO ?"), {target}, error))
        return false;
    QFile::setPermissions(target, QFile::ReadOwner | QFile::WriteOwner);
    return true;
}

QString Backups::writeRotated(const QSqlDatabase &db, const QString &kind, QString *error) const
{
    if (!QDir().mkpath(m_dir)) {
        *error = QStringLiteral("cannot create backup folder %1").arg(m_dir);
        return {};
    }
    QFile::setPermissions(m_dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    const QString stamp =
        QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd'T'HHmmsszzz'Z'"));
    const QString target =
        QDir(m_dir).filePath(QStringLiteral("console-%1-%2.db").arg(kind, stamp));
    if (!write(db, target, error))
        return {};
    prune(kind);
    log::get(log::Storage)->info("backup written: {}", target.toStdString());
    return target;
}

QStringList Backups::copies(const QString &kind) const
{
    // The UTC stamp in the name sorts chronologically, so name order is age order.
    return QDir(m_dir).entryList({QStringLiteral("console-%1-*.db").arg(kind)}, QDir::Files,
                                 QDir::Name | QDir::Reversed);
}

void Backups::prune(const QString &kind) const
{
    const QStringList all = copies(kind);
    for (qsizetype i = keptPerKind; i < all.size(); ++i)
        QFile::remove(QDir(m_dir).filePath(all.at(i)));
}

QDateTime Backups::newest(const QString &kind) const
{
    const QStringList all = copies(kind);
    if (all.isEmpty())
        return {};
    const QString prefix = QStringLiteral("console-%1-").arg(kind);
    QString stamp = all.first().mid(prefix.size());
    stamp.chop(3); // ".db"
    QDateTime time = QDateTime::fromString(stamp, QStringLiteral("yyyyMMdd'T'HHmmsszzz'Z'"));
    time.setTimeSpec(Qt::UTC);
    return time;
}

QString Backups::writeDailyIfDue(const QString &dbPath)
{
    const Backups backups(QFileInfo(dbPath).dir().filePath(QStringLiteral("backups")));
    const QDateTime last = backups.newest(QStringLiteral("daily"));
    if (last.isValid() && last.secsTo(QDateTime::currentDateTimeUtc()) < 24 * 3600)
        return {};
    QString error;
    auto database = Database::openAdditional(dbPath, &error);
    QString written;
    if (database)
        written = backups.writeRotated(database->connection(), QStringLiteral("daily"), &error);
    if (written.isEmpty())
        log::get(log::Storage)
            ->warn("daily backup of {} failed: {}", dbPath.toStdString(), error.toStdString());
    return written;
}

} // namespace ic
