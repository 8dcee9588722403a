#include "RedisProbe.h"

#include "health/CheckPassword.h"

namespace ic::health {
namespace {

QByteArray command(const QList<QByteArray> &parts)
{
    QByteArray encoded = "*" + QByteArray::number(parts.size()) + "\r\n";
    for (const QByteArray &part : parts)
        encoded += "$" + QByteArray::number(part.size()) + "\r\n" + part + "\r\n";
    return encoded;
}

} // namespace

RedisProbe::RedisProbe(const CheckDefinition &check, QObject *parent)
    : Probe(check, parent), m_socket(this)
{}

void RedisProbe::start()
{
    QString problem;
    const std::optional<QString> password = checkPassword(check(), &problem);
    if (!password) {
        // Whether the server is up cannot be judged without logging in as configured.
        Observation observation;
        observation.determinate = false;
        observation.message = problem;
        // Queued: finished() never fires from inside run().
        QMetaObject::invokeMethod(
            this, [this, observation] { finish(observation); }, Qt::QueuedConnection);
        return;
    }
    maskSecret(*password);
    connect(&m_socket, &QTcpSocket::connected, this, [this, password = *password] {
        QByteArray request;
        if (!password.isEmpty()) {
            QList<QByteArray> auth{"AUTH"};
            if (!check().user.isEmpty())
                auth.append(check().user.toUtf8());
            auth.append(password.toUtf8());
            request += command(auth);
            m_reader = RespReader(2);
        }
        request += command({"PING"});
        m_socket.write(request);
    });
    connect(&m_socket, &QTcpSocket::readyRead, this, &RedisProbe::onReadyRead);
    connect(&m_socket, &QTcpSocket::errorOccurred, this, [this] {
        const bool wasConnected = m_socket.state() == QAbstractSocket::ConnectedState ||
                                  m_socket.error() == QAbstractSocket::RemoteHostClosedError;
        done(wasConnected, QString(), m_socket.errorString());
    });
    m_socket.connectToHost(check().host, quint16(check().port));
}

void RedisProbe::onReadyRead()
{
    switch (m_reader.feed(m_socket.readAll())) {
    case RespReader::Status::NeedMore:
        return;
    case RespReader::Status::NotRedis:
        done(true, QStringLiteral("not a Redis reply"),
             QStringLiteral("port open, but the answer is not Redis"));
        return;
    case RespReader::Status::Complete:
        break;
    }
    const QStringList &replies = m_reader.replies();
    if (replies.size() == 2 && replies.first().startsWith(QLatin1Char('-'))) {
        done(true, replies.first().mid(1),
             QStringLiteral("AUTH refused: %1").arg(replies.first().mid(1)));
        return;
    }
    const QString reply = replies.last().mid(1);
    done(true, reply,
         replies.last().startsWith(QLatin1Char('+'))
             ? reply
             : QStringLiteral("Redis error: %1").arg(reply));
}

void RedisProbe::done(bool connected, const QString &response, const QString &message)
{
    m_socket.disconnect(this);
    m_socket.abort();
    Observation observation;
    observation.values.insert(QStringLiteral("[CONNECTED]"),
                              connected ? QStringLiteral("true") : QStringLiteral("false"));
    if (!response.isEmpty())
        observation.values.insert(QStringLiteral("[RESPONSE]"), response);
    observation.message = message;
    finish(std::move(observation));
}

Observation RedisProbe::timedOut()
{
    const bool connected = m_socket.state() == QAbstractSocket::ConnectedState;
    m_socket.disconnect(this);
    m_socket.abort();
    Observation observation;
    observation.values.insert(QStringLiteral("[CONNECTED]"),
                              connected ? QStringLiteral("true") : QStringLiteral("false"));
    observation.message =
        connected ? QStringLiteral("connected, but no reply to PING within %1").arg(timeoutText())
                  : QStringLiteral("no connection within %1").arg(timeoutText());
    return observation;
}

} // namespace ic::health
