#include "GuiLauncher.h"

#include "DatabaseProblemDialog.h"
#include "FirstPaintProbe.h"
#include "IncidentCockpit.h"
#include "MainWindow.h"
#include "core/DataDir.h"
#include "core/Logging.h"
#include "storage/Database.h"
#include "storage/DatabaseFile.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QIcon>
#include <QMessageBox>

namespace ic::ui {
namespace {

void showFatal(const QString &text)
{
    log::get(log::Ui)->error("{}", text.toStdString());
    if (DatabaseProblemDialog::answerForTests)
        return;
    QMessageBox::critical(nullptr, QApplication::translate("GuiLauncher", "Incident Console"),
                          text);
}

} // namespace

std::unique_ptr<Database> openDatabaseForGui(const QString &path)
{
    DatabaseOpenResult result;
    auto database = Database::open(path, &result);
    if (database || result.status != DatabaseOpenResult::Status::NotADatabase) {
        if (!database)
            showFatal(result.message);
        return database;
    }
    if (DatabaseProblemDialog::ask(result.message) == DatabaseProblemChoice::Quit)
        return nullptr;
    QString error;
    const QString movedTo = moveDatabaseAside(path, &error);
    if (movedTo.isEmpty()) {
        showFatal(error);
        return nullptr;
    }
    log::get(log::Storage)
        ->warn("moved unreadable {} to {}", path.toStdString(), movedTo.toStdString());
    database = Database::open(path, &result);
    if (!database)
        showFatal(result.message);
    return database;
}

namespace {

void applyStyle(QApplication &app)
{
    QFile style(QStringLiteral(":/style/console.qss"));
    if (style.open(QIODevice::ReadOnly))
        app.setStyleSheet(QString::fromUtf8(style.readAll()));
    app.setWindowIcon(QIcon(QStringLiteral(":/icons/incident-console.svg")));
}

} // namespace

bool displayAvailable()
{
    return !qEnvironmentVariableIsEmpty("DISPLAY") ||
           !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") ||
           !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
}

int runGui(const cli::GlobalOptions &options, QTextStream &out, QTextStream &err)
{
    if (!cli::startLogging(options, err))
        return cli::UsageError;
    const DataDirChoice dataDir = resolveDataDir(options.dataDir);
    if (const QString problem = ensureDataDir(dataDir.path); !problem.isEmpty()) {
        showFatal(problem);
        return cli::DataError;
    }
    auto database = openDatabaseForGui(QDir(dataDir.path).filePath(Database::defaultFileName()));
    if (!database)
        return cli::DataError;

    auto *app = qobject_cast<QApplication *>(QCoreApplication::instance());
    applyStyle(*app);
    MainWindow window({database.get(), dataDir.path, options.runbookDirs});
    installIncidentCockpit(window, *database, dataDir.path);
    if (options.exitAfterFirstPaint)
        new FirstPaintProbe(&window, out);
    window.show();
    log::get(log::Ui)->info("window shown, data dir {}", dataDir.path.toStdString());
    return app->exec();
}

} // namespace ic::ui
