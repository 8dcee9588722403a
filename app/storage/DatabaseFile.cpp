#include "DatabaseFile.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QtEndian>

namespace ic {
namespace {

constexpr qint64 headerSize = 100;
constexpr char headerMagic[] = "SQLite format 3"; // followed by a NUL in the file

quint32 bigEndian32(const QByteArray &header, int offset)
{
    return qFromBigEndian<quint32>(header.constData() + offset);
}

} // namespace

DatabaseFileCheck inspectDatabaseFile(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return {};
    DatabaseFileCheck notADatabase{DatabaseFileCheck::Verdict::NotADatabase, {}};
    if (info.size() == 0) {
        // SQLite would silently treat this as a new empty database; an existing console.db
        // of 0 bytes means something truncated it, so the user decides, not us.
        notADatabase.reason = QStringLiteral("the file is empty (0 bytes); it was probably "
                                             "truncated");
        return notADatabase;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        notADatabase.reason = QStringLiteral("cannot read the file: %1").arg(file.errorString());
        return notADatabase;
    }
    const QByteArray header = file.read(headerSize);
    if (header.size() < headerSize || !header.startsWith(QByteArray(headerMagic, 16))) {
        notADatabase.reason = QStringLiteral("the file does not start with an SQLite header");
        return notADatabase;
    }
    // Header offsets: 16 page size (1 means 65536), 24 change counter, 28 page count,
    // 92 version-valid-for. The page count is trustworthy only when 24 and 92 agree.
    quint32 pageSize = qFromBigEndian<quint16>(header.constData() + 16);
    if (pageSize == 1)
        pageSize = 65536;
    const quint32 pageCount = bigEndian32(header, 28);
    const bool pageCountValid = bigEndian32(header, 24) == bigEndian32(header, 92);
    const bool walHasPages = QFileInfo(path + QStringLiteral("-wal")).size() > 0;
    if (pageCountValid && !walHasPages && qint64(pageCount) * pageSize > info.size()) {
        notADatabase.reason = QStringLiteral("the file is truncated: %1 bytes instead of %2")
                                  .arg(info.size())
                                  .arg(qint64(pageCount) * pageSize);
        return notADatabase;
    }
    return {DatabaseFileCheck::Verdict::LooksValid, {}};
}

QString moveDatabaseAside(const QString &path, QString *error)
{
    const QString stamp =
        QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
    const QString target = path + QStringLiteral(".corrupt-") + stamp;
    if (QFileInfo::exists(target)) {
        *error = QStringLiteral("%1 already exists; try again in a second").arg(target);
        return {};
    }
    if (!QFile::rename(path, target)) {
        *error = QStringLiteral("cannot rename %1 to %2").arg(path, target);
        return {};
    }
    for (const QString &suffix : {QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        if (QFileInfo::exists(path + suffix))
            QFile::rename(path + suffix, target + suffix);
    }
    return target;
}

} // namespace ic
