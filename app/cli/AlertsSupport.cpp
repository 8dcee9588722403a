#include "AlertsSupport.h"

#include "core/Settings.h"
#include "runbooks/RunbookLibrary.h"

#include <QEventLoop>
#include <QFileInfo>
#include <QTimer>

namespace ic::cli {

std::optional<alerts::AlertsConfig> loadAlertSources(Context &context, const QString &command,
                                                     const QString &configOption, int *exitCode)
{
    QString path = configOption;
    if (path.isEmpty()) {
        const QString dataDir = context.dataDir().path;
        const Result<void> ready = ensureDataDir(dataDir);
        const QString problem = ready ? alerts::ensureDefaultAlertsConfig(dataDir) : ready.error();
        if (!problem.isEmpty()) {
            context.err() << "incident-console " << command << ": " << problem << Qt::endl;
            *exitCode = DataError;
            return std::nullopt;
        }
        path = alerts::alertsConfigPath(dataDir);
    } else if (!QFileInfo::exists(path)) {
        context.err() << "incident-console " << command << ": " << path << ": no such file"
                      << Qt::endl;
        *exitCode = UsageError;
        return std::nullopt;
    }
    alerts::AlertsConfig config = alerts::loadAlertsConfig(path);
    if (!config.problems.isEmpty()) {
        for (const ConfigProblem &problem : config.problems)
            context.err() << problem.toString() << Qt::endl;
        *exitCode = UsageError;
        return std::nullopt;
    }
    return config;
}

void pollOnce(alerts::AlertMonitor &monitor)
{
    if (monitor.sourceNames().isEmpty())
        return;
    QEventLoop loop;
    const auto connection = QObject::connect(&monitor, &alerts::AlertMonitor::polled, &loop, [&] {
        if (!monitor.isPolling())
            loop.quit();
    });
    monitor.pollAll();
    if (monitor.isPolling())
        loop.exec();
    QObject::disconnect(connection);
}

int reportDownSources(Context &context, const alerts::AlertMonitor &monitor)
{
    int down = 0;
    for (const QString &name : monitor.sourceNames()) {
        const alerts::SourceStatus status = monitor.source(name);
        if (status.state == alerts::SourceStatus::State::Down) {
            ++down;
            context.err() << "source " << name << " (" << status.source.url.toString()
                          << ") is down: " << status.message << Qt::endl;
        } else if (!status.note.isEmpty()) {
            context.err() << "source " << name << ": " << status.note << Qt::endl;
        }
    }
    return down;
}

std::optional<alerts::Alert> findAlert(Context &context, const QString &command,
                                       const alerts::AlertMonitor &monitor,
                                       const QString &fingerprint)
{
    const QString wanted = fingerprint.trimmed().toLower();
    QList<alerts::Alert> matches;
    for (const alerts::Alert &alert : monitor.alerts()) {
        if (alert.fingerprint == wanted)
            return alert;
        if (wanted.size() >= 4 && alert.fingerprint.startsWith(wanted))
            matches.append(alert);
    }
    if (matches.size() == 1)
        return matches.first();
    if (matches.size() > 1)
        context.err() << "incident-console " << command << ": " << fingerprint << " names "
                      << matches.size() << " alerts; give more of the fingerprint" << Qt::endl;
    else
        context.err() << "incident-console " << command << ": no alert with fingerprint "
                      << fingerprint << " is firing (incident-console alerts lists them)"
                      << Qt::endl;
    return std::nullopt;
}

alerts::RunbookResolver runbookResolver(Context &context, Database &database)
{
    runbooks::RunbookLibrary library(database.connection());
    if (!database.isReadOnly()) {
        const auto report = library.sync(
            runbooks::runbookRoots(context.options().runbookDirs +
                                   Settings(context.dataDir().path).get(settings::runbookFolders)));
        if (!report.error.isEmpty())
            context.err() << "incident-console: cannot update the runbook index: " << report.error
                          << Qt::endl;
    }
    return alerts::RunbookResolver(library.list());
}

} // namespace ic::cli
