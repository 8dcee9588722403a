#pragma once

#include <QString>
#include <map>
#include <optional>
#include <spdlog/logger.h>
#include <string>

namespace ic::log {

// The named loggers; a --log-level spec may name only these.
inline constexpr const char *Core = "core";
inline constexpr const char *Storage = "storage";
inline constexpr const char *Runbooks = "runbooks";
inline constexpr const char *Health = "health";
inline constexpr const char *Incidents = "incidents";
inline constexpr const char *Comms = "comms";
inline constexpr const char *Team = "team";
inline constexpr const char *Ui = "ui";
inline constexpr const char *Cli = "cli";
inline constexpr const char *Qt = "qt";

// "info,health=debug": a default level, then logger=level overrides.
struct LevelSpec
{
    spdlog::level::level_enum defaultLevel = spdlog::level::info;
    std::map<std::string, spdlog::level::level_enum> perLogger;
};

// Parses a level spec; on failure returns nothing and explains in *error which part is wrong
// and what is valid.
std::optional<LevelSpec> parseLevelSpec(const QString &spec, QString *error);

struct Options
{
    QString logDir;             // empty: no log file
    LevelSpec levels;           // applied to every named logger
    bool verboseStderr = false; // false: stderr shows warnings and errors only
};

// Configures every named logger with a rotating file sink and a stderr sink (thread-safe)
// and routes Qt's messages in. Call once at startup, before other threads log. Returns an
// empty string, or why the log file could not be opened (logging then goes to stderr).
QString setup(const Options &options);

// The named logger; before setup() it logs warnings to stderr.
std::shared_ptr<spdlog::logger> get(const char *name);

// Path of the active log file, empty when logging to stderr only.
QString logFilePath();

} // namespace ic::log
