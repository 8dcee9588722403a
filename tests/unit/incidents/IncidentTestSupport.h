#pragma once

// A fresh database in the test's data dir and the incident service on top of it, acting as
// "alice" unless a test says otherwise (service->setActor).

#include "core/Ids.h"
#include "incidents/IncidentService.h"
#include "storage/Database.h"
#include "storage/Sql.h"

#include <QDir>
#include <QTemporaryDir>
#include <QUuid>

namespace ic::test {

struct IncidentFixture
{
    // Where the databases go when the test runs outside CTest, which sets the data dir: never
    // the working directory.
    QTemporaryDir ownDataDir;
    std::unique_ptr<Database> database;
    std::unique_ptr<incidents::IncidentService> service;
    const incidents::IncidentStore *store = nullptr;

    explicit IncidentFixture(
        const QString &dataDir = qEnvironmentVariable("INCIDENT_CONSOLE_DATA_DIR"))
    {
        const QString dir = dataDir.isEmpty() ? ownDataDir.path() : dataDir;
        QDir().mkpath(dir);
        DatabaseOpenResult result;
        database =
            Database::open(QDir(dir).filePath(QUuid::createUuid().toString(QUuid::WithoutBraces) +
                                              QStringLiteral(".db")),
                           &result);
        service = std::make_unique<incidents::IncidentService>(
            database->connection(), incidents::loadIncidentConfig(dir), QStringLiteral("alice"));
        store = &service->store();
    }

    // The same database with a configuration whose items never tick themselves, for tests of
    // what one change writes.
    void withoutSelfCompletingItems()
    {
        incidents::IncidentConfig config = service->config();
        for (incidents::TemplateItem &item : config.checklist.items)
            item.doneWhen.clear();
        for (incidents::SeverityLevel &level : config.severities.levels)
            for (incidents::TemplateItem &item : level.extraItems)
                item.doneWhen.clear();
        service = std::make_unique<incidents::IncidentService>(connection(), std::move(config),
                                                               service->actor());
        store = &service->store();
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
        const auto declared = service->declare(request);
        return declared ? declared->incidentId : QString();
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
