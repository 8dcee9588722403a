#include "TestSupport.h"
#include "incidents/Timeline.h"
#include "storage/Database.h"
#include "ui/ActiveIncident.h"
#include "ui/FeatureLinks.h"
#include "ui/IncidentCockpit.h"
#include "ui/MainWindow.h"
#include "ui/runbooks/RunbookPanel.h"

#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace ic;
using namespace ic::ui;

namespace {

const QByteArray diskRunbook = R"(---
title: Disk full
---
# Disk full

## Resolution

### Free space
- [ ] Remove rotated logs older than a week
- [ ] Grow the volume
)";

} // namespace

// A runbook's task list becomes a section of the incident checklist, in the real window.
class TestRunbookTasksToChecklist : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void attachedTasksJoinTheChecklistAndTheTimeline()
    {
        const QString folder = m_dir.filePath(QStringLiteral("runbooks"));
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(test::writeFile(folder + QStringLiteral("/disk-full.md"), diskRunbook));
        DatabaseOpenResult result;
        auto database = Database::open(m_dir.filePath(QStringLiteral("console.db")), &result);
        QVERIFY2(database, qPrintable(result.message));

        MainWindow window(WindowServices{database.get(), m_dir.path(), {}});
        auto *panel = new RunbookPanel(database->path(), QStringList{folder});
        QSignalSpy ready(panel, &RunbookPanel::indexReady);
        window.setAreaContent(MainWindow::Area::Runbooks, panel);
        ActiveIncident *incident = installIncidentCockpit(window, *database, m_dir.path());
        linkRunbookTasks(panel, incident);
        window.show();
        QTRY_VERIFY(!ready.isEmpty());

        incidents::DeclareRequest request;
        request.title = QStringLiteral("Disk full on db-1");
        request.severity = QStringLiteral("SEV-2");
        QVERIFY(incident->declare(request));
        const std::size_t itemsBefore = incident->items().size();

        auto *attach = panel->findChild<QPushButton *>(QStringLiteral("runbookAttachTasks"));
        QVERIFY(!attach->isVisible()); // nothing open to attach yet
        QVERIFY(panel->openRunbookById(QStringLiteral("disk-full")));
        QTRY_VERIFY(attach->isVisible());
        QTest::mouseClick(attach, Qt::LeftButton);

        QCOMPARE(incident->items().size(), itemsBefore + 2);
        const incidents::ChecklistItem &last = incident->items().back();
        QVERIFY2(last.text.startsWith(QStringLiteral("Grow the volume")), qPrintable(last.text));
        QVERIFY(last.text.contains(QStringLiteral("Free space"))); // where it came from
        QVERIFY(last.phase.contains(QStringLiteral("Disk full")));
        QCOMPARE(incident->events().back().kind, incidents::EventKind::TasksAttached);
    }
};

QTEST_MAIN(TestRunbookTasksToChecklist)
#include "test_runbook_tasks_to_checklist.moc"
