#include "CheckCommand.h"

#include "health/CheckRunner.h"
#include "health/HealthConfig.h"
#include "health/ResultFormat.h"

#include <QEventLoop>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTimer>

namespace ic::cli {
namespace {

using health::CheckDefinition;
using health::CheckResult;

void print(Context &context, const QList<CheckResult> &results, bool json, bool watching)
{
    if (json) {
        // One array per line while watching, so each round can be parsed on its own.
        context.json() << QString::fromUtf8(
            QJsonDocument(health::resultsToJson(results))
                .toJson(watching ? QJsonDocument::Compact : QJsonDocument::Indented));
        if (watching)
            context.json() << '\n';
        context.json().flush();
        return;
    }
    if (watching)
        context.out() << QDateTime::currentDateTime().toString(Qt::ISODate) << '\n';
    context.out() << health::resultsToTable(results);
    context.out().flush();
}

// Silenced checks are reported but do not fail the run: someone already knows.
bool allOk(const QList<CheckResult> &results, const QList<CheckDefinition> &checks)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (qsizetype i = 0; i < results.size(); ++i) {
        if (results.at(i).state != health::State::Ok && !checks.at(i).isSilenced(now))
            return false;
    }
    return true;
}

} // namespace

int runCheck(Context &context, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Run every enabled health check once and print the results. Exit 0 when all are OK, 1 "
        "when any is not, 2 when the configuration has a problem."));
    parser.addOption(
        {QStringLiteral("config"),
         QStringLiteral("Health config to use instead of health.yaml in the data dir."),
         QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print a JSON array.")});
    parser.addOption({QStringLiteral("watch"),
                      QStringLiteral("Run again after the shortest interval, until interrupted.")});
    if (const int code = parseSubcommandArguments(parser, QStringLiteral("check"), args, context);
        code >= 0)
        return code;
    if (!parser.positionalArguments().isEmpty()) {
        context.err() << "incident-console check: unexpected argument "
                      << parser.positionalArguments().first() << Qt::endl;
        return UsageError;
    }
    QString configPath = parser.value(QStringLiteral("config"));
    if (configPath.isEmpty()) {
        const QString dataDir = context.dataDir().path;
        const Result<void> ready = ensureDataDir(dataDir);
        const QString problem = ready ? health::ensureDefaultHealthConfig(dataDir) : ready.error();
        if (!problem.isEmpty()) {
            context.err() << "incident-console check: " << problem << Qt::endl;
            return DataError;
        }
        configPath = health::healthConfigPath(dataDir);
    } else if (!QFileInfo::exists(configPath)) {
        context.err() << "incident-console check: " << configPath << ": no such file" << Qt::endl;
        return UsageError;
    }
    const health::HealthConfig config = health::loadHealthConfig(configPath);
    if (!config.problems.isEmpty()) {
        for (const health::ConfigProblem &problem : config.problems)
            context.err() << problem.toString() << Qt::endl;
        return UsageError;
    }
    QList<CheckDefinition> enabled;
    std::chrono::milliseconds shortest = std::chrono::hours(24);
    for (const CheckDefinition &check : config.checks) {
        if (check.enabled) {
            enabled.append(check);
            shortest = std::min(shortest, check.interval);
        }
    }
    const bool json = parser.isSet(QStringLiteral("json"));
    const bool watch = parser.isSet(QStringLiteral("watch"));
    health::CheckRunner runner;
    for (;;) {
        const QList<CheckResult> results = runner.runAndWait(enabled);
        print(context, results, json, watch);
        if (!watch)
            return allOk(results, enabled) ? Success : CheckFailed;
        QEventLoop pause;
        QTimer::singleShot(shortest, &pause, &QEventLoop::quit);
        pause.exec();
    }
}

} // namespace ic::cli
