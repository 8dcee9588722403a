#include "Logging.h"

#include "TerminalSafeSink.h"

#include <QDir>
#include <QStringList>
#include <array>
#include <mutex>
#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

namespace ic::log {
namespace {

constexpr std::array knownLoggers{Core,  Storage, Runbooks, Health, Incidents,
                                  Comms, Team,    Ui,       Cli,    Qt};
constexpr std::array levelNames{"trace", "debug", "info", "warn", "error", "critical", "off"};
constexpr std::size_t maxLogFileBytes = 5 * 1024 * 1024;
constexpr std::size_t keptLogFiles = 5;

std::mutex setupMutex;
std::vector<spdlog::sink_ptr> activeSinks;
QString activeLogFile;

std::optional<spdlog::level::level_enum> levelFromName(const QString &name)
{
    const QString lower = name.trimmed().toLower();
    if (lower == QLatin1String("warning"))
        return spdlog::level::warn;
    for (std::size_t i = 0; i < levelNames.size(); ++i) {
        if (lower == QLatin1String(levelNames[i]))
            return static_cast<spdlog::level::level_enum>(i);
    }
    return std::nullopt;
}

bool isKnownLogger(const QString &name)
{
    for (const char *known : knownLoggers) {
        if (name == QLatin1String(known))
            return true;
    }
    return false;
}

QString joined(const auto &names)
{
    QStringList list;
    for (const char *name : names)
        list << QString::fromLatin1(name);
    return list.join(QStringLiteral(", "));
}

void qtMessageHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    spdlog::level::level_enum level = spdlog::level::info;
    switch (type) {
    case QtDebugMsg:
        level = spdlog::level::debug;
        break;
    case QtInfoMsg:
        level = spdlog::level::info;
        break;
    case QtWarningMsg:
        level = spdlog::level::warn;
        break;
    case QtCriticalMsg:
        level = spdlog::level::err;
        break;
    case QtFatalMsg:
        level = spdlog::level::critical;
        break;
    }
    const QByteArray text = message.toUtf8();
    if (context.category && qstrcmp(context.category, "default") != 0)
        get(Qt)->log(level, "[{}] {}", context.category, text.constData());
    else
        get(Qt)->log(level, "{}", text.constData());
    if (type == QtFatalMsg) {
        get(Qt)->flush();
        std::abort();
    }
}

std::shared_ptr<spdlog::logger> makeLogger(const char *name, spdlog::level::level_enum level)
{
    auto logger = std::make_shared<spdlog::logger>(name, activeSinks.begin(), activeSinks.end());
    logger->set_level(level);
    logger->flush_on(spdlog::level::warn);
    spdlog::register_logger(logger);
    return logger;
}

} // namespace

std::optional<LevelSpec> parseLevelSpec(const QString &spec, QString *error)
{
    LevelSpec result;
    const QStringList parts = spec.split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (parts.isEmpty()) {
        *error = QStringLiteral("empty log level spec; expected e.g. info,health=debug");
        return std::nullopt;
    }
    for (const QString &rawPart : parts) {
        const QString part = rawPart.trimmed();
        const qsizetype eq = part.indexOf(QLatin1Char('='));
        const QString levelName = eq < 0 ? part : part.mid(eq + 1);
        const auto level = levelFromName(levelName);
        if (!level) {
            *error = QStringLiteral("unknown log level \"%1\" in \"%2\"; valid levels: %3")
                         .arg(levelName, spec, joined(levelNames));
            return std::nullopt;
        }
        if (eq < 0) {
            result.defaultLevel = *level;
            continue;
        }
        const QString loggerName = part.left(eq).trimmed();
        if (!isKnownLogger(loggerName)) {
            *error = QStringLiteral("unknown logger \"%1\" in \"%2\"; loggers: %3")
                         .arg(loggerName, spec, joined(knownLoggers));
            return std::nullopt;
        }
        result.perLogger[loggerName.toStdString()] = *level;
    }
    return result;
}

QString setup(const Options &options)
{
    std::lock_guard lock(setupMutex);
    QString problem;
    activeSinks.clear();
    activeLogFile.clear();

    auto stderrSink =
        std::make_shared<TerminalSafeSink>(std::make_shared<spdlog::sinks::stderr_color_sink_mt>());
    spdlog::level::level_enum quietest = options.levels.defaultLevel;
    for (const auto &[name, level] : options.levels.perLogger)
        quietest = std::min(quietest, level);
    stderrSink->set_level(options.verboseStderr ? quietest : spdlog::level::warn);
    activeSinks.push_back(stderrSink);

    if (!options.logDir.isEmpty()) {
        const QString file = QDir(options.logDir).filePath(QStringLiteral("incident-console.log"));
        try {
            QDir().mkpath(options.logDir);
            activeSinks.push_back(std::make_shared<TerminalSafeSink>(
                std::make_shared<spdlog::sinks::rotating_file_sink_mt>(
                    file.toStdString(), maxLogFileBytes, keptLogFiles)));
            activeLogFile = file;
        } catch (const spdlog::spdlog_ex &e) {
            problem = QStringLiteral("cannot write log file %1: %2")
                          .arg(file, QString::fromUtf8(e.what()));
        }
    }

    spdlog::drop_all();
    for (const char *name : knownLoggers) {
        const auto found = options.levels.perLogger.find(name);
        makeLogger(name, found != options.levels.perLogger.end() ? found->second
                                                                 : options.levels.defaultLevel);
    }
    qInstallMessageHandler(qtMessageHandler);
    return problem;
}

std::shared_ptr<spdlog::logger> get(const char *name)
{
    if (auto existing = spdlog::get(name))
        return existing;
    std::lock_guard lock(setupMutex);
    if (auto raced = spdlog::get(name))
        return raced;
    if (activeSinks.empty()) {
        auto sink = std::make_shared<TerminalSafeSink>(
            std::make_shared<spdlog::sinks::stderr_color_sink_mt>());
        sink->set_level(spdlog::level::warn);
        activeSinks.push_back(sink);
    }
    return makeLogger(name, spdlog::level::info);
}

QString logFilePath()
{
    std::lock_guard lock(setupMutex);
    return activeLogFile;
}

} // namespace ic::log
