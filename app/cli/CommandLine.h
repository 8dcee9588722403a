#pragma once

#include "core/DataDir.h"
#include "core/TerminalText.h"
#include "storage/Database.h"

#include <QCommandLineParser>
#include <QStringList>
#include <QTextStream>
#include <functional>
#include <memory>
#include <vector>

namespace ic::cli {

// The exit codes of DESIGN.md's command-line contract.
enum ExitCode : int
{
    Success = 0,
    CheckFailed = 1,
    UsageError = 2,
    DataError = 3
};

// Options every invocation understands, before or after a subcommand.
struct GlobalOptions
{
    QString dataDir;
    QStringList runbookDirs;
    QString logLevel;
    bool exitAfterFirstPaint = false;
    bool exitWhenUsable = false;
};

void addGlobalOptions(QCommandLineParser &parser);
GlobalOptions globalOptionsFrom(const QCommandLineParser &parser);
// Values given after the subcommand override those before it.
GlobalOptions mergeGlobalOptions(const GlobalOptions &before, const GlobalOptions &after);

// What a subcommand gets: resolved global options, output streams, and the database.
// out() and err() are for people: whatever is written to them goes through terminalSafe(),
// so titles, reason phrases and notes from untrusted files cannot drive the terminal.
// json() writes to standard output unchanged, because JSON escapes control characters
// itself and must reach its reader exactly.
class Context
{
public:
    Context(GlobalOptions options, QTextStream &out, QTextStream &err);

    const GlobalOptions &options() const { return m_options; }
    // Global options given after the subcommand win over those before it.
    void overrideOptions(const GlobalOptions &after);
    const DataDirChoice &dataDir() const { return m_dataDir; }
    QTextStream &out() { return m_humanOut; }
    QTextStream &err() { return m_humanErr; }
    QTextStream &json();

    enum class Access
    {
        Write,          // refused, naming the directory, when the data dir is read-only
        ReadOnlyAllowed // a read-only data dir is opened read-only (isReadOnly() tells)
    };

    // Opens console.db in the data dir. On failure prints the reason and returns nothing;
    // the exit code to use is then DataError.
    std::unique_ptr<Database> openDatabase(Access access = Access::Write);

private:
    GlobalOptions m_options;
    DataDirChoice m_dataDir;
    QTextStream &m_out;
    // Declared before the streams on them, so the streams flush into them on destruction.
    TerminalSafeDevice m_safeOut;
    TerminalSafeDevice m_safeErr;
    QTextStream m_humanOut;
    QTextStream m_humanErr;
};

struct Subcommand
{
    QString name;
    QString summary; // one line for --help
    // args: everything after the subcommand name
    std::function<int(Context &, const QStringList &args)> run;
    // Renders with QtGui (PDF export): runs under a QGuiApplication on the offscreen
    // platform, still without a display.
    bool needsGuiRendering = false;
};

// Every subcommand that works, in --help order.
const std::vector<Subcommand> &subcommands();

// Sets up logging in the data dir from options.logLevel. Returns false after printing the
// problem when the level spec is invalid (exit UsageError).
bool startLogging(const GlobalOptions &options, QTextStream &err);

// Parses a subcommand's own arguments (its parser plus the global options), applies the
// global ones and starts logging. Prints help or the usage error; returns the exit code to
// end with, or -1 to go on.
int parseSubcommandArguments(QCommandLineParser &parser, const QString &commandLine,
                             const QStringList &args, Context &context);

} // namespace ic::cli
