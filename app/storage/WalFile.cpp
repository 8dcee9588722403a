#include "WalFile.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QtEndian>
#include <fcntl.h>
#include <unistd.h>

namespace ic {
namespace {

constexpr int walHeaderSize = 32;
constexpr quint32 walMagicLittleEndian = 0x377f0682;
constexpr quint32 walMagicBigEndian = 0x377f0683;
constexpr quint32 walFormatVersion = 3007000;
constexpr off_t shmDeadManSwitchByte = 128; // UNIX_SHM_DMS in SQLite's os_unix.c

// SQLite's WAL checksum over the first 24 header bytes; the magic's low bit says whether
// the 32-bit words are summed big- or little-endian (https://sqlite.org/fileformat2.html).
bool headerChecksumMatches(const uchar *header, bool bigEndianWords)
{
    quint32 s0 = 0;
    quint32 s1 = 0;
    for (int offset = 0; offset < 24; offset += 8) {
        const quint32 x0 = bigEndianWords ? qFromBigEndian<quint32>(header + offset)
                                          : qFromLittleEndian<quint32>(header + offset);
        const quint32 x1 = bigEndianWords ? qFromBigEndian<quint32>(header + offset + 4)
                                          : qFromLittleEndian<quint32>(header + offset + 4);
        s0 += x0 + s1;
        s1 += x1 + s0;
    }
    return s0 == qFromBigEndian<quint32>(header + 24) && s1 == qFromBigEndian<quint32>(header + 28);
}

} // namespace

WalState inspectWal(const QString &databasePath)
{
    QFile wal(databasePath + QStringLiteral("-wal"));
    if (wal.size() == 0)
        return WalState::Absent;
    if (!wal.open(QIODevice::ReadOnly))
        return WalState::Damaged;
    const QByteArray header = wal.read(walHeaderSize);
    if (header.size() < walHeaderSize)
        return WalState::Damaged;
    const auto *bytes = reinterpret_cast<const uchar *>(header.constData());
    const quint32 magic = qFromBigEndian<quint32>(bytes);
    if ((magic != walMagicLittleEndian && magic != walMagicBigEndian) ||
        qFromBigEndian<quint32>(bytes + 4) != walFormatVersion)
        return WalState::Damaged;
    return headerChecksumMatches(bytes, magic == walMagicBigEndian) ? WalState::Valid
                                                                    : WalState::Damaged;
}

bool walInUseByAnotherProcess(const QString &databasePath)
{
    const QByteArray shm = QFile::encodeName(databasePath + QStringLiteral("-shm"));
    const int fd = ::open(shm.constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    struct flock probe
    {};
    probe.l_type = F_WRLCK;
    probe.l_whence = SEEK_SET;
    probe.l_start = shmDeadManSwitchByte;
    probe.l_len = 1;
    const bool locked = ::fcntl(fd, F_GETLK, &probe) == 0 && probe.l_type != F_UNLCK;
    ::close(fd);
    return locked;
}

QString setDamagedWalAside(const QString &databasePath, QString *error)
{
    const QString stamp =
        QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
    const QString wal = databasePath + QStringLiteral("-wal");
    const QString target = wal + QStringLiteral(".damaged-") + stamp;
    if (QFileInfo::exists(target) || !QFile::rename(wal, target)) {
        *error = QStringLiteral("cannot rename the damaged %1 to %2").arg(wal, target);
        return {};
    }
    const QString shm = databasePath + QStringLiteral("-shm");
    if (QFileInfo::exists(shm))
        QFile::rename(shm, shm + QStringLiteral(".damaged-") + stamp);
    return target;
}

} // namespace ic
