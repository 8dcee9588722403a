#pragma once

// A fresh database in the test's data dir and the stores on top of it.

#include "core/Ids.h"
#include "incidents/ChecklistStore.h"
#include "incidents/IncidentStore.h"
#include "incidents/Timeline.h"
#include "storage/Database.h"
#include "storage/Sql.h"

#include <QDir>
#include <QUuid>

namespace ic::test {

struct IncidentFixture
{
    std::unique_ptr<Database> database;
    std::unique_ptr<incidents::IncidentStore> store;

    explicit IncidentFixture(
        const QString &dataDir = qEnvironmentVariable("INCIDENT_CONSOLE_DATA_DIR"))
    {
        QDir().mkpath(dataDir);
        DatabaseOpenResult result;
        database = Database::open(
            QDir(dataDir).filePath(QUuid::createUuid().toString(QUuid::WithoutBraces) +
                                   QStringLiteral(".db")),
            &result);
        store = std::make_unique<incidents::IncidentStore>(database->connection(),
                                                           incidents::loadIncidentConfig(dataDir));
    }

    incidents::ChecklistStore checklist() const { return incidents::ChecklistStore(connection()); }
    incidents::Timeline timeline() const { return incidents::Timeline(connection()); }
    QSqlDatabase connection() const { return database->connection(); }

    QString declare(const QString &severity = QStringLiteral("SEV-2"), bool drill = false)
    {
        incidents::DeclareRequest request;
        request.title = QStringLiteral("Checkout errors");
        request.severity = severity;
        request.services = {QStringLiteral("checkout"), QStringLiteral("payments")};
        request.commander = QStringLiteral("alice");
        request.drill = drill;
        QString error;
        return store->declare(request, QStringLiteral("alice"), &error);
    }

    // Moves the stored start back, as if the incident had been declared minutes ago.
    void startedAgo(const QString &id, qint64 seconds)
    {
        sql::exec(
            connection(),
            QStringLiteral("UPDATE incidents SET started_at = ?, detected_at = ? WHERE id = ?"),
            {toStored(-seconds), toStored(-seconds), id});
    }

    static QString toStored(qint64 offsetSeconds)
    {
        return toStoredTime(QDateTime::currentDateTimeUtc().addSecs(offsetSeconds));
    }
};

} // namespace ic::test
