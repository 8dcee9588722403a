#include "IncidentTestSupport.h"
#include "incidents/IncidentDocument.h"
#include "incidents/IncidentImport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlRecord>
#include <QtTest>

using namespace ic;
using namespace ic::incidents;

namespace {

QByteArray exportBytes(const IncidentStore &store, const QString &id)
{
    return QJsonDocument(incidentDocument(store, id)).toJson(QJsonDocument::Indented);
}

// Every stored row of the incident, column by column: what "nothing lost" means. Timeline
// rows in rowid order, because that order breaks ties between events of the same millisecond.
QList<QVariantList> rows(const QSqlDatabase &db, const QString &id)
{
    QList<QVariantList> result;
    for (const QString &select :
         {QStringLiteral("SELECT * FROM incidents WHERE id = ?"),
          QStringLiteral("SELECT * FROM checklist_items WHERE incident_id = ? ORDER BY id"),
          QStringLiteral("SELECT * FROM timeline_events WHERE incident_id = ? ORDER BY rowid"),
          QStringLiteral("SELECT * FROM drafts WHERE incident_id = ? ORDER BY id")}) {
        auto query = sql::exec(db, select, {id});
        while (query && query->next()) {
            QVariantList row{select.section(QLatin1Char(' '), 3, 3)};
            for (int i = 0; i < query->record().count(); ++i)
                row << query->value(i);
            result << row;
        }
    }
    return result;
}

int rowCount(const QSqlDatabase &db)
{
    return sql::scalar(db, QStringLiteral("SELECT (SELECT count(*) FROM incidents) + (SELECT "
                                          "count(*) FROM checklist_items) + (SELECT count(*) "
                                          "FROM timeline_events) + (SELECT count(*) FROM drafts)"))
        .toInt();
}

QByteArray edited(const QByteArray &json, const std::function<void(QJsonObject &)> &edit)
{
    QJsonObject object = QJsonDocument::fromJson(json).object();
    edit(object);
    return QJsonDocument(object).toJson();
}

// Sets one field of one element of an array of the export.
void setInArray(QJsonObject &object, const QString &array, int index, const QString &key,
                const QJsonValue &value)
{
    QJsonArray elements = object.value(array).toArray();
    QJsonObject element = elements.at(index).toObject();
    element.insert(key, value);
    elements.replace(index, element);
    object.insert(array, elements);
}

} // namespace

// A JSON export restores the incident row for row, and exporting it again gives the same bytes.
class TestIncidentImport : public QObject
{
    Q_OBJECT

    // Everything an incident can hold: all milestones, ticks with notes, an untick, item notes,
    // assignments with a timebox, ad-hoc and runbook items, TODO follow-ups, edited and
    // deleted notes, a severity change, sent messages, other modules' events, postmortem
    // versions and a drill.
    static QString fullIncident(test::IncidentFixture &fixture)
    {
        DeclareRequest request;
        request.title = QStringLiteral("Checkout | \"errors\" — ünïcode");
        request.severity = QStringLiteral("SEV-2");
        request.services = {QStringLiteral("checkout"), QStringLiteral("payments")};
        request.impact = QStringLiteral("EU users cannot pay");
        request.commander = QStringLiteral("alice");
        request.deputy = QStringLiteral("bob");
        request.scribe = QStringLiteral("carol");
        request.drill = true;
        IncidentService &service = *fixture.service;
        const auto declared = service.declare(request);
        if (!declared)
            return {};
        const QString id = declared->incidentId;
        fixture.startedAgo(id, 3600);
        const auto items = service.items(id);
        const auto as = [&service](const char *actor) {
            service.setActor(QLatin1String(actor));
            return true;
        };
        QString error;
        const auto step = [&error](const Result<Change> &change) {
            if (!change)
                error = change.error();
            return change.ok();
        };
        bool ok = as("bob") && step(service.tick(items[0].id, QStringLiteral("paged"))) &&
                  step(service.tick(items[1].id)) && as("carol") &&
                  step(service.untick(items[1].id)) &&
                  step(service.setItemNote(items[2].id, QStringLiteral("waiting on DBA"))) &&
                  as("alice") &&
                  step(service.assignItem(items[3].id, QStringLiteral("dave"), 10)) && as("bob") &&
                  step(service.addItem(id, QStringLiteral("Investigation"),
                                       QStringLiteral("Check the CDN"))) &&
                  as("alice") &&
                  step(service.attachRunbookTasks(
                      id, QStringLiteral("payments"),
                      {{QStringLiteral("Recovery > Database"), QStringLiteral("Fail over")},
                       {{}, QStringLiteral("Flush the queue")}}));
        as("carol");
        const auto note = service.addNote(id, QStringLiteral("Rolled back"));
        const auto other = service.addNote(id, QStringLiteral("Wrong channel"));
        ok =
            ok && step(note) && step(other) && as("bob") &&
            step(service.addNote(id, QStringLiteral("TODO: alert on payment errors"))) &&
            as("carol") &&
            step(service.editNote(note->eventId, QStringLiteral("Rolled back 4.2"))) &&
            step(service.deleteNote(other->eventId)) && as("alice") &&
            step(service.setSeverity(id, QStringLiteral("SEV-1"))) &&
            step(service.recordMessageSent(id, QStringLiteral("initial"), QStringLiteral("Initial"),
                                           QStringLiteral("We are investigating"),
                                           QStringLiteral("posted to Slack"))) &&
            step(service.recordMessageSent(id, QStringLiteral("executive-summary"),
                                           QStringLiteral("Executive summary"),
                                           QStringLiteral("Summary"), QStringLiteral("copied"))) &&
            step(service.recordEvent(id, EventKind::HealthChanged, QStringLiteral("api: OK → CRIT"),
                                     {{QStringLiteral("check"), QStringLiteral("api")}},
                                     QStringLiteral("health"))) &&
            step(service.setStatus(id, Status::Monitoring)) &&
            step(service.setMilestone(id, Milestone::Detected,
                                      QDateTime::currentDateTimeUtc().addSecs(-3000))) &&
            step(service.setStatus(id, Status::Resolved)) &&
            step(service.savePostmortem(id, QStringLiteral("# First draft"))) &&
            step(service.savePostmortem(id, QStringLiteral("# Postmortem\n\nAll fixed.")));
        // No command marks a draft copied or posted yet; the columns exist and must survive.
        ok = ok && sql::exec(fixture.connection(),
                             QStringLiteral("UPDATE drafts SET copied_at = ?, posted_at = ? "
                                            "WHERE incident_id = ?"),
                             {test::IncidentFixture::toStored(-60),
                              test::IncidentFixture::toStored(-30), id});
        if (!ok) {
            qWarning() << "building the full incident failed:" << error;
            return {};
        }
        return id;
    }

    static void verifyRoundTrip(const test::IncidentFixture &source, const QString &id)
    {
        const QByteArray exported = exportBytes(*source.store, id);
        const Result<IncidentRecord> record = parseIncidentExport(exported);
        QVERIFY2(record, qPrintable(record.error()));

        test::IncidentFixture target;
        const Result<void> imported = importIncident(target.connection(), *record);
        QVERIFY2(imported, qPrintable(imported.error()));
        QCOMPARE(rows(target.connection(), id), rows(source.connection(), id));
        QCOMPARE(exportBytes(*target.store, id), exported);
    }

private Q_SLOTS:
    void fullIncidentSurvivesRowForRow()
    {
        test::IncidentFixture source;
        const QString id = fullIncident(source);
        QVERIFY(!id.isEmpty());
        const QJsonObject json = incidentDocument(*source.store, id);
        // What the old export left out is in it now.
        const QJsonObject first = json[QStringLiteral("checklist")][0].toObject();
        for (const char *key : {"phase_position", "position", "due_offset_seconds", "due_rule",
                                "milestone", "assignee", "timebox_until"})
            QVERIFY2(first.contains(QLatin1String(key)), key);
        QCOMPARE(first[QStringLiteral("milestone")].toString(), QStringLiteral("acknowledged"));
        QCOMPARE(json[QStringLiteral("drafts")].toArray().size(), 2);
        QCOMPARE(json[QStringLiteral("format_version")].toInt(), incidentFormatVersion);
        QVERIFY(json[QStringLiteral("created_at")].toString().contains(QLatin1Char('.')));
        verifyRoundTrip(source, id);
    }

    void sparseIncidentSurvives()
    {
        test::IncidentFixture source;
        DeclareRequest request;
        request.title = QStringLiteral("Odd latency");
        request.severity = QStringLiteral("SEV-4");
        const auto declared = source.service->declare(request);
        QVERIFY2(declared, qPrintable(declared.error()));
        const QString id = declared->incidentId;
        QVERIFY(sql::exec(source.connection(),
                          QStringLiteral("DELETE FROM checklist_items WHERE incident_id = ?"),
                          {id}));
        QVERIFY(sql::exec(source.connection(),
                          QStringLiteral("UPDATE incidents SET detected_at = NULL WHERE id = ?"),
                          {id}));
        const QJsonObject json = incidentDocument(*source.store, id);
        QVERIFY(json[QStringLiteral("checklist")].toArray().isEmpty());
        QVERIFY(json[QStringLiteral("drafts")].toArray().isEmpty());
        QVERIFY(json[QStringLiteral("milestones")][QStringLiteral("detected")].isNull());
        verifyRoundTrip(source, id);
    }

    void existingIncidentIsRefusedAndNothingWritten()
    {
        test::IncidentFixture fixture;
        const QString id = fullIncident(fixture);
        QVERIFY(!id.isEmpty());
        const Result<IncidentRecord> record = parseIncidentExport(exportBytes(*fixture.store, id));
        QVERIFY(record);
        const int before = rowCount(fixture.connection());
        Result<void> imported = importIncident(fixture.connection(), *record);
        QCOMPARE(imported.errorKind(), ErrorKind::Unchanged);
        QString error = imported.error();
        QVERIFY2(error.contains(QStringLiteral("incident %1").arg(id)) &&
                     error.contains(QStringLiteral("already exists")),
                 qPrintable(error));
        QCOMPARE(rowCount(fixture.connection()), before);

        // Same rows under a new incident id: the first taken item id stops it, and the new
        // incident row written before that check would have failed is not there either.
        IncidentRecord renamed = *record;
        renamed.incident.id = newId();
        imported = importIncident(fixture.connection(), renamed);
        QCOMPARE(imported.errorKind(), ErrorKind::Unchanged);
        error = imported.error();
        QVERIFY2(
            error.startsWith(
                QStringLiteral("checklist item %1 already exists").arg(record->items.front().id)),
            qPrintable(error));
        QVERIFY(!fixture.store->load(renamed.incident.id));
        QCOMPARE(rowCount(fixture.connection()), before);
    }

    void badFilesAreNamedByPositionOrField_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("message");

        test::IncidentFixture fixture;
        const QString id = fixture.declare();
        const QByteArray good = exportBytes(*fixture.store, id);
        const QString firstItem =
            QJsonDocument::fromJson(good)[QStringLiteral("checklist")][0][QStringLiteral("id")]
                .toString();

        QTest::newRow("not JSON") << QByteArray("incident: yes\n")
                                  << QStringLiteral(
                                         "line 1, column 2: not valid JSON: illegal value");
        const QByteArray truncated = good.left(good.size() / 2);
        QTest::newRow("truncated")
            << truncated << QStringLiteral("line %1, column ").arg(truncated.count('\n') + 1);
        QTest::newRow("array") << QByteArray("[]")
                               << QStringLiteral("expected a JSON object (an incident export), "
                                                 "found an array");
        QTest::newRow("no format version")
            << edited(good, [](QJsonObject &o) { o.remove(QStringLiteral("format_version")); })
            << QStringLiteral("format_version: missing: not a complete incident export");
        QTest::newRow("newer format version")
            << edited(good,
                      [](QJsonObject &o) {
                          o.insert(QStringLiteral("format_version"), incidentFormatVersion + 1);
                      })
            << QStringLiteral("format_version: %1 is newer than this incident-console reads (%2)")
                   .arg(incidentFormatVersion + 1)
                   .arg(incidentFormatVersion);
        QTest::newRow("missing field")
            << edited(good, [](QJsonObject &o) { o.remove(QStringLiteral("title")); })
            << QStringLiteral("title: missing (expected a string)");
        QTest::newRow("wrong type") << edited(good, [](QJsonObject &o) {
            setInArray(o, QStringLiteral("checklist"), 2, QStringLiteral("position"),
                       QStringLiteral("third"));
        }) << QStringLiteral("checklist[2].position: expected an integer, found a string");
        QTest::newRow("fraction") << edited(good, [](QJsonObject &o) {
            setInArray(o, QStringLiteral("checklist"), 0, QStringLiteral("due_offset_seconds"),
                       1.5);
        }) << QStringLiteral("checklist[0].due_offset_seconds: expected an integer, found 1.5");
        QTest::newRow("bad time") << edited(good, [](QJsonObject &o) {
            setInArray(o, QStringLiteral("timeline"), 0, QStringLiteral("at"),
                       QStringLiteral("yesterday"));
        }) << QStringLiteral("timeline[0].at: expected an ISO 8601 time, found \"yesterday\"");
        QTest::newRow("no start") << edited(good, [](QJsonObject &o) {
            QJsonObject m = o.value(QStringLiteral("milestones")).toObject();
            m.insert(QStringLiteral("started"), QJsonValue::Null);
            o.insert(QStringLiteral("milestones"), m);
        }) << QStringLiteral("milestones.started: expected an ISO 8601 time, found null");
        QTest::newRow("unknown status") << edited(good, [](QJsonObject &o) {
            o.insert(QStringLiteral("status"), QStringLiteral("panicking"));
        }) << QStringLiteral("status: unknown status \"panicking\"");
        QTest::newRow("repeated item id") << edited(good, [&](QJsonObject &o) {
            setInArray(o, QStringLiteral("checklist"), 3, QStringLiteral("id"), firstItem);
        }) << QStringLiteral("checklist[3].id: \"%1\" appears twice").arg(firstItem);
        QTest::newRow("item not an object") << edited(good, [](QJsonObject &o) {
            o.insert(QStringLiteral("drafts"), QJsonArray{42});
        }) << QStringLiteral("drafts[0]: expected an object, found a number");
        QTest::newRow("too many drafts") << edited(good, [](QJsonObject &o) {
            o.insert(QStringLiteral("drafts"),
                     QJsonArray::fromVariantList(QVariantList(maxImportDrafts + 1, QVariantMap())));
        }) << QStringLiteral("drafts: 10,001 entries, more than the 10,000 an import takes");
        QTest::newRow("too many items") << edited(good, [](QJsonObject &o) {
            o.insert(QStringLiteral("checklist"),
                     QJsonArray::fromVariantList(QVariantList(maxImportItems + 1, QVariantMap())));
        }) << QStringLiteral("checklist: 10,001 entries, more than the 10,000 an import takes");
    }

    void badFilesAreNamedByPositionOrField()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, message);
        const Result<IncidentRecord> record = parseIncidentExport(json);
        QVERIFY(!record);
        QCOMPARE(record.errorKind(), ErrorKind::Refused);
        QVERIFY2(record.error().startsWith(message), qPrintable(record.error()));
    }
};

QTEST_GUILESS_MAIN(TestIncidentImport)
#include "test_incident_import.moc"
