#include "PostgresProbe.h"

#include <QtEndian>

namespace ic::health {
namespace {

constexpr quint32 protocolVersion3 = 196608; // 3 << 16
constexpr char cannotConnectNow[] = "57P03";

QByteArray startupMessage(const QString &user, const QString &database)
{
    QByteArray parameters;
    const auto add = [&parameters](const QByteArray &key, const QByteArray &value) {
        parameters += key + '\0' + value + '\0';
    };
    add("user", user.toUtf8());
    add("database", database.toUtf8());
    add("application_name", "incident-console");
    parameters += '\0';
    QByteArray message(8, '\0');
    qToBigEndian<quint32>(quint32(8 + parameters.size()), message.data());
    qToBigEndian<quint32>(protocolVersion3, message.data() + 4);
    return message + parameters;
}

// The fields of an ErrorResponse body: one type byte, a NUL-terminated string, … NUL.
QMap<char, QString> errorFields(const QByteArray &body)
{
    QMap<char, QString> fields;
    qsizetype at = 0;
    while (at < body.size() && body.at(at) != '\0') {
        const char type = body.at(at);
        const qsizetype end = body.indexOf('\0', at + 1);
        if (end < 0)
            break;
        fields.insert(type, QString::fromUtf8(body.mid(at + 1, end - at - 1)));
        at = end + 1;
    }
    return fields;
}

} // namespace

PostgresProbe::PostgresProbe(const CheckDefinition &check, QObject *parent)
    : Probe(check, parent), m_socket(this)
{}

void PostgresProbe::start()
{
    connect(&m_socket, &QTcpSocket::connected, this, [this] {
        const QString user = check().user.isEmpty() ? QStringLiteral("postgres") : check().user;
        m_socket.write(startupMessage(user, check().database.isEmpty() ? user : check().database));
    });
    connect(&m_socket, &QTcpSocket::readyRead, this, &PostgresProbe::onReadyRead);
    connect(&m_socket, &QTcpSocket::errorOccurred, this, [this] {
        if (m_socket.error() == QAbstractSocket::RemoteHostClosedError)
            done(true, false, false,
                 QStringLiteral("port open, but closed without a PostgreSQL answer"));
        else
            done(false, false, false, m_socket.errorString());
    });
    m_socket.connectToHost(check().host, quint16(check().port));
}

void PostgresProbe::onReadyRead()
{
    m_buffer += m_socket.readAll();
    if (m_buffer.size() < 5)
        return;
    const char type = m_buffer.at(0);
    const quint32 length = qFromBigEndian<quint32>(m_buffer.constData() + 1);
    const bool plausibleLength = length >= 4 && length < 65536;
    if (!plausibleLength || (type != 'R' && type != 'E' && type != 'v')) {
        done(true, false, false, QStringLiteral("port open, but the answer is not PostgreSQL"));
        return;
    }
    if (type != 'E') {
        done(true, true, true, QStringLiteral("PostgreSQL accepting connections"));
        return;
    }
    if (quint32(m_buffer.size()) < 1 + length)
        return;
    const QMap<char, QString> fields = errorFields(m_buffer.mid(5, length - 4));
    const QString code = fields.value('C');
    if (code == QLatin1String(cannotConnectNow)) {
        done(true, true, false,
             QStringLiteral("PostgreSQL rejecting connections: %1").arg(fields.value('M')));
        return;
    }
    // Wrong user, database or password: the server is up and answering, as pg_isready says.
    done(true, true, true,
         QStringLiteral("PostgreSQL accepting connections (it answered: %1)")
             .arg(fields.value('M')));
}

void PostgresProbe::done(bool connected, bool postgres, bool accepting, const QString &message)
{
    m_socket.disconnect(this);
    if (m_socket.state() == QAbstractSocket::ConnectedState && postgres) {
        // Terminate, so the server logs a clean goodbye rather than a lost connection.
        m_socket.write(QByteArray("X\0\0\0\4", 5));
        m_socket.flush();
    }
    m_socket.abort();
    const auto flag = [](bool value) {
        return value ? QStringLiteral("true") : QStringLiteral("false");
    };
    Observation observation;
    observation.values.insert(QStringLiteral("[CONNECTED]"), flag(connected));
    observation.values.insert(QStringLiteral("[POSTGRES]"), flag(postgres));
    observation.values.insert(QStringLiteral("[ACCEPTING]"), flag(accepting));
    observation.message = message;
    if (check().hasPasswordSource()) {
        // Asked to log in, but Qt's driver is missing: a server that is down is still CRIT;
        // one that accepts connections may or may not take the login, so that is UNKNOWN.
        observation.values.insert(QStringLiteral("[QUERY]"), flag(false));
        observation.determinate = !accepting;
        observation.message = QStringLiteral("cannot run SELECT 1: Qt's PostgreSQL driver "
                                             "(QPSQL, package libqt6sql6-psql) is not "
                                             "installed; protocol check: %1")
                                  .arg(message);
    }
    finish(std::move(observation));
}

Observation PostgresProbe::timedOut()
{
    const bool connected = m_socket.state() == QAbstractSocket::ConnectedState;
    m_socket.disconnect(this);
    m_socket.abort();
    Observation observation;
    observation.values.insert(QStringLiteral("[CONNECTED]"),
                              connected ? QStringLiteral("true") : QStringLiteral("false"));
    observation.values.insert(QStringLiteral("[POSTGRES]"), QStringLiteral("false"));
    observation.values.insert(QStringLiteral("[ACCEPTING]"), QStringLiteral("false"));
    observation.message =
        connected
            ? QStringLiteral("port open, but no PostgreSQL answer within %1").arg(timeoutText())
            : QStringLiteral("no connection within %1").arg(timeoutText());
    return observation;
}

} // namespace ic::health
