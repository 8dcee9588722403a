#include "CommandLine.h"

#include "core/DataDir.h"
#include "core/Logging.h"
#include "storage/Database.h"
#include "storage/WriteAccess.h"

#include <QDir>

namespace ic::cli {

void addGlobalOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("data-dir"),
                      QStringLiteral("Directory for console.db, health.yaml and logs (also "
                                     "INCIDENT_CONSOLE_DATA_DIR)."),
                      QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("runbooks"),
                      QStringLiteral("Add a runbook folder to the bundled set (repeatable)."),
                      QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("log-level"),
                      QStringLiteral("Log levels, e.g. info or info,health=debug."),
                      QStringLiteral("SPEC")});
}

GlobalOptions globalOptionsFrom(const QCommandLineParser &parser)
{
    GlobalOptions options;
    options.dataDir = parser.value(QStringLiteral("data-dir"));
    options.runbookDirs = parser.values(QStringLiteral("runbooks"));
    options.logLevel = parser.value(QStringLiteral("log-level"));
    return options;
}

GlobalOptions mergeGlobalOptions(const GlobalOptions &before, const GlobalOptions &after)
{
    GlobalOptions merged = before;
    if (!after.dataDir.isEmpty())
        merged.dataDir = after.dataDir;
    merged.runbookDirs += after.runbookDirs;
    if (!after.logLevel.isEmpty())
        merged.logLevel = after.logLevel;
    return merged;
}

Context::Context(GlobalOptions options, QTextStream &out, QTextStream &err)
    : m_options(std::move(options)), m_dataDir(resolveDataDir(m_options.dataDir)), m_out(out),
      m_safeOut(out), m_safeErr(err), m_humanOut(&m_safeOut), m_humanErr(&m_safeErr)
{}

QTextStream &Context::json()
{
    // Human text written before the JSON comes out before it.
    m_humanOut.flush();
    return m_out;
}

void Context::overrideOptions(const GlobalOptions &after)
{
    m_options = mergeGlobalOptions(m_options, after);
    m_dataDir = resolveDataDir(m_options.dataDir);
}

bool startLogging(const GlobalOptions &options, QTextStream &err)
{
    log::Options logOptions;
    if (!options.logLevel.isEmpty()) {
        QString error;
        const auto levels = log::parseLevelSpec(options.logLevel, &error);
        if (!levels) {
            err << "incident-console: --log-level: " << error << Qt::endl;
            return false;
        }
        logOptions.levels = *levels;
        logOptions.verboseStderr = true;
    }
    const DataDirChoice dataDir = resolveDataDir(options.dataDir);
    if (ensureDataDir(dataDir.path))
        logOptions.logDir = QDir(dataDir.path).filePath(QStringLiteral("logs"));
    const QString problem = log::setup(logOptions);
    if (!problem.isEmpty())
        log::get(log::Core)->warn("{}", problem.toStdString());
    return true;
}

std::unique_ptr<Database> Context::openDatabase(Access access)
{
    if (const Result<void> ready = ensureDataDir(m_dataDir.path); !ready) {
        m_humanErr << "incident-console: " << ready.error() << Qt::endl;
        return nullptr;
    }
    const QString path = QDir(m_dataDir.path).filePath(Database::defaultFileName());
    DatabaseOpenResult result;
    std::unique_ptr<Database> database;
    if (const QString readOnly = whyNotWritable(path); !readOnly.isEmpty()) {
        if (access == Access::Write) {
            m_humanErr << "incident-console: " << readOnly << "; nothing was changed" << Qt::endl;
            return nullptr;
        }
        database = Database::openReadOnly(path, readOnly, &result);
    } else {
        database = Database::open(path, &result);
        if (result.status == DatabaseOpenResult::Status::NoSpace) {
            // A full disk stops changes, not reading: what is stored stays listable.
            if (access == Access::Write) {
                m_humanErr << "incident-console: " << result.message << " Nothing was changed."
                           << Qt::endl;
                return nullptr;
            }
            database = Database::openReadOnly(path, whyNoRoomToOpen(path), &result);
        }
    }
    if (!database)
        m_humanErr << "incident-console: " << result.message << Qt::endl;
    else if (!result.notice.isEmpty())
        m_humanErr << "incident-console: warning: " << result.notice << Qt::endl;
    return database;
}

int parseSubcommandArguments(QCommandLineParser &parser, const QString &commandLine,
                             const QStringList &args, Context &context)
{
    addGlobalOptions(parser);
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    parser.addOption(help);
    QStringList argv{QStringLiteral("incident-console")};
    argv += args;
    if (!parser.parse(argv)) {
        context.err() << "incident-console " << commandLine << ": " << parser.errorText()
                      << "\nTry: incident-console " << commandLine << " --help" << Qt::endl;
        return UsageError;
    }
    if (parser.isSet(help)) {
        // helpText() names only the program; put the subcommand into the usage line.
        QString text = parser.helpText();
        const qsizetype afterProgram = text.indexOf(QLatin1Char(' '), 7);
        text.replace(0, afterProgram, QStringLiteral("Usage: incident-console ") + commandLine);
        context.out() << text;
        return Success;
    }
    context.overrideOptions(globalOptionsFrom(parser));
    if (!startLogging(context.options(), context.err()))
        return UsageError;
    return -1;
}

} // namespace ic::cli
