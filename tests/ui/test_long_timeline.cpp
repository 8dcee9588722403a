// An incident file someone sends can hold any number of events. Imported with 300,000 of
// them, the window used to read and lay out every one before its first frame (~55 s and
// 1.1 GB). Now it shows the newest page and fetches older pages when asked; the times are
// printed, the paging is what the test holds it to.
#include "core/Ids.h"
#include "incidents/IncidentDocument.h"
#include "incidents/IncidentImport.h"
#include "incidents/IncidentService.h"
#include "storage/Database.h"
#include "ui/ActiveIncident.h"
#include "ui/IncidentCockpit.h"
#include "ui/MainWindow.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QListWidget>
#include <QPushButton>
#include <QTemporaryDir>
#include <QtTest>

using namespace ic;
using namespace ic::ui;

namespace {

constexpr int importedEvents = 300'000;

} // namespace

class TestLongTimeline : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dataDir;
    std::unique_ptr<Database> m_database;
    QString m_incidentId;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dataDir.isValid());
        DatabaseOpenResult opened;
        const QDir scratchDir(m_dataDir.filePath(QStringLiteral("scratch")));
        QVERIFY(QDir().mkpath(scratchDir.path()));
        auto scratch = Database::open(scratchDir.filePath(QStringLiteral("console.db")), &opened);
        QVERIFY2(scratch, qPrintable(opened.message));
        incidents::IncidentService source(scratch->connection(),
                                          incidents::loadIncidentConfig(scratchDir.path()),
                                          QStringLiteral("alice"));
        incidents::DeclareRequest request;
        request.title = QStringLiteral("Replica lag on orders-db");
        request.severity = QStringLiteral("SEV-2");
        request.commander = QStringLiteral("alice");
        const auto declared = source.declare(request);
        QVERIFY2(declared, qPrintable(declared.error()));
        m_incidentId = declared->incidentId;

        Result<incidents::IncidentRecord> record =
            incidents::parseIncidentExport(QJsonDocument(source.document(m_incidentId)).toJson());
        QVERIFY2(record, qPrintable(record.error()));
        const QDateTime start = record->incident.milestone(incidents::Milestone::Started);
        for (int i = 0; i < importedEvents; ++i) {
            incidents::TimelineEvent event;
            event.id = newId();
            event.incidentId = m_incidentId;
            event.at = start.addMSecs(i);
            event.kind = QStringLiteral("note");
            event.text = QStringLiteral("lag sample %1: 4.%2 s").arg(i).arg(i % 10);
            event.actor = QStringLiteral("bot");
            record->events.push_back(std::move(event));
        }
        m_database = Database::open(m_dataDir.filePath(QStringLiteral("console.db")), &opened);
        QVERIFY2(m_database, qPrintable(opened.message));
        QElapsedTimer importing;
        importing.start();
        const Result<void> imported = incidents::importIncident(m_database->connection(), *record);
        QVERIFY2(imported, qPrintable(imported.error()));
        qInfo("imported %d events in %lld ms", importedEvents, qlonglong(importing.elapsed()));
    }

    void windowOpensOnTheNewestPageAndFetchesOlderOnes()
    {
        QElapsedTimer opening;
        opening.start();
        MainWindow window(WindowServices{m_database.get(), m_dataDir.path(), {}});
        installIncidentCockpit(window, *m_database, m_dataDir.path());
        window.show();
        auto *list = window.findChild<QListWidget *>(QStringLiteral("timelineList"));
        QVERIFY(list);
        QTRY_VERIFY_WITH_TIMEOUT(list->count() > 0, 60000);
        qInfo("window showed the timeline of %d events after %lld ms", importedEvents + 1,
              qlonglong(opening.elapsed()));

        QCOMPARE(list->count(), ActiveIncident::eventPage);
        QVERIFY2(list->item(list->count() - 1)
                     ->text()
                     .contains(QStringLiteral("lag sample %1:").arg(importedEvents - 1)),
                 qPrintable(list->item(list->count() - 1)->text()));
        auto *older = window.findChild<QPushButton *>(QStringLiteral("timelineLoadOlder"));
        QVERIFY(older && older->isVisible());

        QElapsedTimer paging;
        paging.start();
        QTest::mouseClick(older, Qt::LeftButton);
        QTRY_COMPARE(list->count(), 2 * ActiveIncident::eventPage);
        qInfo("the next page came after %lld ms", qlonglong(paging.elapsed()));
        QVERIFY2(list->item(0)->text().contains(
                     QStringLiteral("lag sample %1:")
                         .arg(importedEvents - 2 * ActiveIncident::eventPage)),
                 qPrintable(list->item(0)->text()));
        QVERIFY(older->isVisible());
    }
};

QTEST_MAIN(TestLongTimeline)
#include "test_long_timeline.moc"
