#include "TestSupport.h"
#include "core/Settings.h"
#include "health/HealthMonitor.h"
#include "incidents/IncidentConfig.h"
#include "storage/Database.h"
#include "ui/ActiveIncident.h"
#include "ui/DeclareDialog.h"
#include "ui/GuiLauncher.h"
#include "ui/IncidentListDialog.h"
#include "ui/MainWindow.h"
#include "ui/MilestonesDialog.h"
#include "ui/SettingsDialog.h"
#include "ui/ShortcutOverview.h"

#include <QAbstractButton>
#include <QAccessible>
#include <QApplication>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

using namespace ic;
using namespace ic::ui;

namespace {

bool takesTabFocus(const QWidget *widget, const QWidget *window)
{
    return (widget->focusPolicy() & Qt::TabFocus) && widget->isEnabled() &&
           widget->isVisibleTo(window) && !widget->focusProxy();
}

// The name a screen reader announces: accessibleName, a button's text, a label's buddy;
// a tooltip when nothing else names the control.
QString spokenName(QWidget *widget)
{
    QString name;
    if (QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(widget))
        name = accessible->text(QAccessible::Name).trimmed();
    return name.isEmpty() ? widget->toolTip().trimmed() : name;
}

QString describe(const QWidget *widget)
{
    QStringList path;
    for (const QObject *o = widget; o; o = o->parent())
        path.prepend(o->objectName().isEmpty() ? QString::fromLatin1(o->metaObject()->className())
                                               : o->objectName());
    return path.join(QLatin1Char('/'));
}

// Every control that takes focus by Tab has a name, listed by path when not.
QStringList unnamedControls(QWidget *window)
{
    QStringList unnamed;
    const QList<QWidget *> widgets = window->findChildren<QWidget *>();
    for (QWidget *widget : widgets) {
        if (takesTabFocus(widget, window) && spokenName(widget).isEmpty())
            unnamed << describe(widget);
    }
    return unnamed;
}

// Presses Tab as a user would and lists the controls it never reaches.
QStringList unreachableByTab(QWidget *window)
{
    QSet<QWidget *> reached;
    QWidget *start = QApplication::focusWidget();
    if (start)
        reached.insert(start);
    const QList<QWidget *> widgets = window->findChildren<QWidget *>();
    for (int presses = 0; presses < 2 * widgets.size() + 10; ++presses) {
        QWidget *focus = QApplication::focusWidget();
        if (!focus)
            break;
        QTest::keyClick(focus, Qt::Key_Tab);
        if (QApplication::focusWidget())
            reached.insert(QApplication::focusWidget());
    }
    QStringList missed;
    for (QWidget *widget : widgets) {
        if (takesTabFocus(widget, window) && widget->window() == window &&
            !reached.contains(widget))
            missed << describe(widget);
    }
    return missed;
}

} // namespace

// Keyboard and screen-reader access to the window in peacetime and during an incident, and
// to the declare and settings dialogs.
class TestAccessibility : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dataDir;
    std::unique_ptr<Database> m_database;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(test::writeFile(m_dataDir.filePath(QStringLiteral("health.yaml")),
                                "checks:\n"
                                "  - { name: api, type: tcp, host: 127.0.0.1, port: 1, "
                                "interval: 1h, runbook: service-down }\n"));
        DatabaseOpenResult result;
        m_database = Database::open(m_dataDir.filePath(QStringLiteral("console.db")), &result);
        QVERIFY2(m_database, qPrintable(result.message));
    }

    void everyControlHasANameAndIsReachableByTab()
    {
        health::HealthMonitor monitor(m_dataDir.filePath(QStringLiteral("health.yaml")), QString());
        MainWindow window(WindowServices{m_database.get(), m_dataDir.path(), {}});
        ActiveIncident *incident =
            assembleWindow(window, *m_database, monitor, m_dataDir.path(), {});
        monitor.reload(); // the tiles, without running the probes
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));

        QStringList unnamed = unnamedControls(&window);
        QVERIFY2(unnamed.isEmpty(), qPrintable(QStringLiteral("peacetime, no name: ") +
                                               unnamed.join(QStringLiteral(", "))));
        QStringList missed = unreachableByTab(&window);
        QVERIFY2(missed.isEmpty(), qPrintable(QStringLiteral("peacetime, not reached by Tab: ") +
                                              missed.join(QStringLiteral(", "))));

        incidents::DeclareRequest request;
        request.title = QStringLiteral("Checkout returns 502");
        request.severity = incident->severities().ids().value(0);
        QVERIFY(incident->declare(request));
        QTest::qWait(50); // let the panels lay out their rows
        window.findChild<QWidget *>(QStringLiteral("headerStatus"))->setFocus();
        unnamed = unnamedControls(&window);
        QVERIFY2(unnamed.isEmpty(), qPrintable(QStringLiteral("incident, no name: ") +
                                               unnamed.join(QStringLiteral(", "))));
        missed = unreachableByTab(&window);
        QVERIFY2(missed.isEmpty(), qPrintable(QStringLiteral("incident, not reached by Tab: ") +
                                              missed.join(QStringLiteral(", "))));

        // The incident's own dialogs.
        MilestonesDialog milestones(*incident, &window);
        IncidentListDialog history(*incident, &window);
        ShortcutOverview shortcuts(&window);
        for (QDialog *dialog :
             std::initializer_list<QDialog *>{&milestones, &history, &shortcuts}) {
            dialog->show();
            QVERIFY(QTest::qWaitForWindowExposed(dialog));
            unnamed = unnamedControls(dialog);
            QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));
            dialog->hide();
        }
    }

    void dialogsNameEveryControl()
    {
        DeclareDialog declare(incidents::loadIncidentConfig(m_dataDir.path()).severities,
                              QStringLiteral("Ana Lima"));
        declare.show();
        QVERIFY(QTest::qWaitForWindowExposed(&declare));
        QStringList unnamed = unnamedControls(&declare);
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));

        Settings settings(m_dataDir.path());
        SettingsDialog dialog(settings, m_dataDir.path());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        unnamed = unnamedControls(&dialog);
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));
    }
};

QTEST_MAIN(TestAccessibility)
#include "test_accessibility.moc"
