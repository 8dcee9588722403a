#include "PostgresQueryProbe.h"

#include "core/AsyncTask.h"
#include "core/Logging.h"
#include "health/CheckPassword.h"

#include <QAtomicInteger>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThreadPool>
#include <algorithm>

namespace ic::health {
namespace {

constexpr const char *driverName = "QPSQL";

// Its own small pool: a server that stalls a login can hold these threads, never the
// application's shared pool.
QThreadPool &loginPool()
{
    static QThreadPool pool;
    static const bool configured = [] {
        pool.setMaxThreadCount(4);
        return true;
    }();
    Q_UNUSED(configured);
    return pool;
}

// Drivers repeat what the server said; a server that echoes the password must not leak it.
QString withoutSecret(QString text, const QString &password)
{
    if (!password.isEmpty())
        text.replace(password, QStringLiteral("********"));
    return text.simplified();
}

PostgresQueryOutcome loginAndSelectOne(const CheckDefinition &check)
{
    PostgresQueryOutcome outcome;
    QString problem;
    const std::optional<QString> password = checkPassword(check, &problem);
    if (!password) {
        outcome.determinate = false;
        outcome.message = problem;
        return outcome;
    }
    static QAtomicInteger<quint64> serial;
    const QString connection =
        QStringLiteral("health-postgres-%1-%2").arg(check.name).arg(++serial);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QLatin1String(driverName), connection);
        db.setHostName(check.host.isEmpty() ? QStringLiteral("127.0.0.1") : check.host);
        db.setPort(check.port);
        db.setUserName(check.user);
        db.setPassword(*password);
        db.setDatabaseName(check.database.isEmpty() ? check.user : check.database);
        // libpq's own limits, so a stalled server frees the thread about when the probe
        // gives up (connect_timeout is whole seconds, at least 2).
        const qint64 timeoutMs = check.timeout.count();
        db.setConnectOptions(QStringLiteral("connect_timeout=%1;application_name=incident-console;"
                                            "options='-c statement_timeout=%2'")
                                 .arg(std::max<qint64>(2, (timeoutMs + 999) / 1000))
                                 .arg(std::max<qint64>(1, timeoutMs)));
        if (!db.open()) {
            outcome.message = QStringLiteral("cannot log in as %1: %2")
                                  .arg(check.user, withoutSecret(db.lastError().text(), *password));
        } else {
            outcome.loggedIn = true;
            QSqlQuery query(db);
            if (query.exec(QStringLiteral("SELECT 1")) && query.next() &&
                query.value(0).toInt() == 1) {
                outcome.queried = true;
                // security-check: allow a message for people, not SQL
                outcome.message = QStringLiteral("SELECT 1 answered as %1").arg(check.user);
            } else {
                // security-check: allow a message for people, not SQL
                const QString failed = QStringLiteral("logged in as %1, but SELECT 1 failed: %2");
                outcome.message =
                    failed.arg(check.user, withoutSecret(query.lastError().text(), *password));
            }
            query.finish();
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return outcome;
}

} // namespace

PostgresQueryProbe::PostgresQueryProbe(const CheckDefinition &check, QObject *parent)
    : Probe(check, parent)
{}

bool PostgresQueryProbe::driverAvailable()
{
    static const bool available = QSqlDatabase::isDriverAvailable(QLatin1String(driverName));
    return available;
}

void PostgresQueryProbe::start()
{
    // An answer that comes after the timeout is ignored by finish().
    runAsync(
        this, [check = check()] { return loginAndSelectOne(check); },
        [this](Result<PostgresQueryOutcome> answered) {
            PostgresQueryOutcome outcome;
            if (answered) {
                outcome = answered.value();
            } else {
                outcome.determinate = false;
                outcome.message = answered.error();
            }
            if (!outcome.queried)
                log::get(log::Health)
                    ->debug("{}: {}", check().name.toStdString(), outcome.message.toStdString());
            const auto flag = [](bool value) {
                return value ? QStringLiteral("true") : QStringLiteral("false");
            };
            Observation observation;
            observation.determinate = outcome.determinate;
            observation.values.insert(QStringLiteral("[CONNECTED]"), flag(outcome.loggedIn));
            observation.values.insert(QStringLiteral("[POSTGRES]"), flag(outcome.loggedIn));
            observation.values.insert(QStringLiteral("[ACCEPTING]"), flag(outcome.loggedIn));
            observation.values.insert(QStringLiteral("[QUERY]"), flag(outcome.queried));
            observation.message = outcome.message;
            finish(std::move(observation));
        },
        &loginPool());
}

Observation PostgresQueryProbe::timedOut()
{
    Observation observation;
    for (const char *value : {"[CONNECTED]", "[POSTGRES]", "[ACCEPTING]", "[QUERY]"})
        observation.values.insert(QLatin1String(value), QStringLiteral("false"));
    // security-check: allow a message for people, not SQL
    observation.message = QStringLiteral("no login and SELECT 1 within %1").arg(timeoutText());
    return observation;
}

} // namespace ic::health
