#pragma once

// Helpers shared by the test suites: the built executable, running it, temp dirs.

#include <QByteArray>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTcpServer>
#include <sys/stat.h>
#include <unistd.h>

namespace ic::test {

// A port nothing listens on right now.
inline int freePort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    return server.serverPort();
}

inline QString consoleBinary()
{
    return QDir(qEnvironmentVariable("INCIDENT_CONSOLE_TEST_BINARY_DIR"))
        .filePath(QStringLiteral("incident-console"));
}

struct RunResult
{
    int exitCode = -1;
    QString out;
    QString err;
};

// Runs incident-console with args; env entries override the inherited environment and an
// entry with an empty value removes that variable.
inline RunResult runConsole(const QStringList &args, const QMap<QString, QString> &env = {},
                            int timeoutMs = 30000)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (auto it = env.begin(); it != env.end(); ++it) {
        if (it.value().isEmpty())
            environment.remove(it.key());
        else
            environment.insert(it.key(), it.value());
    }
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(consoleBinary(), args);
    RunResult result;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        result.err = QStringLiteral("timed out");
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

// An incident as `incident show --json` gives it, with its timeline as a sorted set: what
// every console of a team must agree on, whatever order events arrived in.
inline QString agreedIncidentState(QJsonObject incident)
{
    QStringList timeline;
    for (const QJsonValue &event : incident.take(QStringLiteral("timeline")).toArray())
        timeline.append(
            QString::fromUtf8(QJsonDocument(event.toObject()).toJson(QJsonDocument::Compact)));
    timeline.sort();
    return QString::fromUtf8(QJsonDocument(incident).toJson()) + timeline.join(QLatin1Char('\n'));
}

inline QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

inline bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           file.write(bytes) == bytes.size();
}

// The permission bits of path (e.g. 0600), or -1 when it cannot be stat'ed.
inline int unixMode(const QString &path)
{
    struct stat info
    {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return -1;
    return int(info.st_mode & 0777);
}

// Root passes every permission check, so a "permission denied" path is only tested for real
// as another user: while this lives, a root test process runs as nobody (65534) — real and
// effective ids both, since access() checks the real one — and the saved id stays root so the
// destructor can return. Does nothing for an ordinary user. What the code under test opens
// must be reachable by nobody (see publicTempDirTemplate).
class AsUnprivilegedUser
{
public:
    AsUnprivilegedUser()
    {
        if (::geteuid() == 0 && ::setresgid(nobody, nobody, 0) == 0)
            m_dropped = ::setresuid(nobody, nobody, 0) == 0;
    }
    ~AsUnprivilegedUser()
    {
        if (m_dropped && ::setresuid(0, 0, 0) == 0)
            m_dropped = ::setresgid(0, 0, 0) != 0;
    }
    AsUnprivilegedUser(const AsUnprivilegedUser &) = delete;
    AsUnprivilegedUser &operator=(const AsUnprivilegedUser &) = delete;

private:
    static constexpr uid_t nobody = 65534;
    bool m_dropped = false;
};

// A temp dir under /tmp that every user may enter (0755), unlike the test's private TMPDIR.
inline QString publicTempDirTemplate()
{
    return QStringLiteral("/tmp/incident-console-test-XXXXXX");
}

} // namespace ic::test
