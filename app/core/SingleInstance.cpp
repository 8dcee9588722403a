#include "SingleInstance.h"

#include "Logging.h"

#include <QCryptographicHash>
#include <QLocalServer>
#include <QLocalSocket>
#include <unistd.h>

namespace ic {
namespace {

constexpr int answerTimeoutMs = 1500;
const QByteArray activateMessage = QByteArrayLiteral("activate\n");

} // namespace

SingleInstance::SingleInstance(const QString &dataDir, QObject *parent) : QObject(parent)
{
    // Short on purpose: the socket lives in $TMPDIR and a Unix socket path has at most 107
    // bytes, which a long TMPDIR (as in the test runner's per-test dirs) would otherwise exceed.
    const QByteArray hash =
        QCryptographicHash::hash(dataDir.toUtf8(), QCryptographicHash::Sha256).toHex().left(12);
    m_name = QStringLiteral("ic-%1-%2").arg(::getuid()).arg(QString::fromLatin1(hash));
}

bool SingleInstance::claim()
{
    QLocalSocket probe;
    probe.connectToServer(m_name);
    if (probe.waitForConnected(answerTimeoutMs)) {
        probe.write(activateMessage);
        probe.waitForBytesWritten(answerTimeoutMs);
        probe.disconnectFromServer();
        return false;
    }
    // Nobody answered: any socket file left behind belongs to a crashed instance.
    QLocalServer::removeServer(m_name);
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server->listen(m_name)) {
        log::get(log::Ui)->warn("single-instance socket {}: {}", m_name.toStdString(),
                                m_server->errorString().toStdString());
        return true; // run anyway: refusing to start would be worse than two windows
    }
    connect(m_server, &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket *client = m_server->nextPendingConnection()) {
            connect(client, &QLocalSocket::readyRead, this, [this, client] {
                if (client->readAll().startsWith(activateMessage.trimmed()))
                    Q_EMIT activationRequested();
            });
            connect(client, &QLocalSocket::disconnected, client, &QObject::deleteLater);
        }
    });
    return true;
}

} // namespace ic
