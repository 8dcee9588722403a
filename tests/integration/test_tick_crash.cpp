#include "TestSupport.h"
#include "incidents/IncidentService.h"
#include "storage/Database.h"
#include "storage/Sql.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QThread>
#include <QtTest>
#include <cstdio>
#include <set>

using namespace ic;
using namespace ic::incidents;

namespace {

// Child-process mode: toggles every stride-th item from first on, one committed transaction
// per tick or untick, and prints each timeline event id only after its commit returned.
// count < 0 runs until killed.
int runWriter(const QStringList &args)
{
    const QString path = args.value(2);
    const QString incidentId = args.value(3);
    const int first = args.value(4).toInt();
    const int stride = args.value(5).toInt();
    const int count = args.value(6).toInt();
    DatabaseOpenResult result;
    auto database = Database::open(path, &result);
    if (!database)
        return 10;
    IncidentService service(database->connection(),
                            loadIncidentConfig(QFileInfo(path).absolutePath()),
                            QStringLiteral("writer"));
    QStringList mine;
    const auto items = service.items(incidentId);
    for (size_t i = size_t(first); i < items.size(); i += size_t(stride))
        mine << items[i].id;
    for (int done = 0; count < 0 || done < count; ++done) {
        const QString itemId = mine.at(done % mine.size());
        const bool checked = service.item(itemId)->isChecked();
        const Result<Change> change = checked ? service.untick(itemId) : service.tick(itemId);
        if (!change) {
            std::fprintf(stderr, "%s\n", qPrintable(change.error()));
            return 11;
        }
        std::printf("%s %s %s\n", qPrintable(change->eventId), qPrintable(itemId),
                    checked ? "untick" : "tick");
        std::fflush(stdout);
    }
    return 0;
}

struct Acknowledged
{
    QString eventId;
    QString itemId;
};

} // namespace

// Real processes writing ticks, killed with SIGKILL at random moments: every tick they
// acknowledged must be in the database, which must stay intact.
class TestTickCrash : public QObject
{
    Q_OBJECT

    QString m_path;
    QString m_incidentId;

    QStringList writerArgs(int first, int stride, int count) const
    {
        return {QStringLiteral("--writer"),
                m_path,
                m_incidentId,
                QString::number(first),
                QString::number(stride),
                QString::number(count)};
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString dataDir = qEnvironmentVariable("INCIDENT_CONSOLE_DATA_DIR");
        QDir().mkpath(dataDir);
        m_path = QDir(dataDir).filePath(QStringLiteral("crash.db"));
        DatabaseOpenResult result;
        auto database = Database::open(m_path, &result);
        QVERIFY(database);
        IncidentService service(database->connection(), loadIncidentConfig(dataDir),
                                QStringLiteral("test"));
        DeclareRequest request;
        request.title = QStringLiteral("Crash test");
        request.severity = QStringLiteral("SEV-1");
        const auto declared = service.declare(request);
        QVERIFY2(declared, qPrintable(declared.error()));
        m_incidentId = declared->incidentId;
    }

    void killedWriterLosesNoAcknowledgedTick()
    {
        std::vector<Acknowledged> acknowledged;
        for (int cycle = 0; cycle < 20; ++cycle) {
            QProcess writer;
            writer.start(QCoreApplication::applicationFilePath(), writerArgs(0, 1, -1));
            QVERIFY(writer.waitForStarted());
            QThread::msleep(QRandomGenerator::global()->bounded(20, 400));
            writer.kill();
            QVERIFY(writer.waitForFinished());
            // Only complete lines were acknowledged; a torn last line was not.
            const QList<QByteArray> lines = writer.readAllStandardOutput().split('\n');
            for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
                const QList<QByteArray> parts = lines[i].split(' ');
                QCOMPARE(parts.size(), 3);
                acknowledged.push_back(
                    {QString::fromLatin1(parts[0]), QString::fromLatin1(parts[1])});
            }
        }
        QVERIFY2(acknowledged.size() > 20, "the writer acknowledged too few ticks to test");

        DatabaseOpenResult result;
        auto database = Database::open(m_path, &result);
        QVERIFY(database);
        const QSqlDatabase db = database->connection();
        QCOMPARE(sql::scalar(db, QStringLiteral("PRAGMA integrity_check")).toString(),
                 QStringLiteral("ok"));
        std::set<QString> touched;
        for (const Acknowledged &ack : acknowledged) {
            QVERIFY2(
                sql::scalar(db, QStringLiteral("SELECT count(*) FROM timeline_events WHERE id = ?"),
                            {ack.eventId})
                        .toInt() == 1,
                qPrintable(ack.eventId));
            touched.insert(ack.itemId);
        }
        // A change after the last acknowledged one may have committed before the kill, so an
        // item's state must match its last tick/untick event, acknowledged or not.
        ChecklistStore checklist(db);
        for (const QString &itemId : touched) {
            const QString lastKind =
                sql::scalar(
                    db,
                    QStringLiteral("SELECT kind FROM timeline_events WHERE incident_id = ? "
                                   "AND json_extract(data, '$.item') = ? AND kind IN "
                                   "('tick', 'untick') ORDER BY at DESC, rowid DESC LIMIT 1"),
                    {m_incidentId, itemId})
                    .toString();
            QCOMPARE(checklist.item(itemId)->isChecked(), lastKind == QLatin1String("tick"));
        }
    }

    void concurrentWritersBothSucceed()
    {
        QProcess a, b;
        a.start(QCoreApplication::applicationFilePath(), writerArgs(0, 2, 60));
        b.start(QCoreApplication::applicationFilePath(), writerArgs(1, 2, 60));
        QVERIFY(a.waitForFinished(60000));
        QVERIFY(b.waitForFinished(60000));
        QCOMPARE(a.exitCode(), 0);
        QCOMPARE(b.exitCode(), 0);
        QCOMPARE(a.readAllStandardOutput().count('\n'), 60);
        QCOMPARE(b.readAllStandardOutput().count('\n'), 60);
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (app.arguments().value(1) == QLatin1String("--writer"))
        return runWriter(app.arguments());
    TestTickCrash test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_tick_crash.moc"
