// Composition root: a subcommand runs headless under QCoreApplication; the window, and a
// subcommand that renders (PDF export), run in the window's module (ui/GuiModule.h), loaded
// only then: the command line starts without QtGui and QtWidgets, about half of its start.
#include "cli/Invocation.h"
#include "ui/GuiModule.h"

#include <QCoreApplication>
#include <QFile>
#include <dlfcn.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

// True when Qt can reach a display (or a platform was forced with QT_QPA_PLATFORM).
bool displayAvailable()
{
    return !qEnvironmentVariableIsEmpty("DISPLAY") ||
           !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") ||
           !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
}

// The folder of this executable, links resolved; the module lives beside it in the build
// tree and at a fixed place relative to it when installed, so a moved install still works.
QByteArray executableDir()
{
    char path[4096];
    const ssize_t length = ::readlink("/proc/self/exe", path, sizeof path - 1);
    if (length <= 0)
        return {};
    const QByteArray executable(path, length);
    return executable.left(executable.lastIndexOf('/'));
}

GuiModuleMain loadGuiModule(QTextStream &err)
{
    const QByteArray dir = executableDir();
    const QByteArray name = "/incident-console-gui.so";
    QByteArray tried;
    const QByteArray candidates[] = {dir + name,
                                     dir + "/" INCIDENT_CONSOLE_GUI_MODULE_RELATIVE_DIR + name};
    for (const QByteArray &candidate : candidates) {
        // A path with a slash: dlopen searches nowhere else.
        if (void *module = ::dlopen(candidate.constData(), RTLD_NOW | RTLD_LOCAL)) {
            if (auto entry = reinterpret_cast<GuiModuleMain>(::dlsym(module, guiModuleEntry)))
                return entry;
            tried += "\n  " + candidate + ": no " + guiModuleEntry;
            continue;
        }
        tried += "\n  " + candidate + ": " + ::dlerror();
    }
    err << "incident-console: cannot load the window's module:" << QString::fromLocal8Bit(tried)
        << Qt::endl;
    return nullptr;
}

} // namespace

int main(int argc, char *argv[])
{
    // Everything the console writes (database, logs, exports) is private to the user.
    ::umask(077);
    // A core dump is a copy of memory, which holds the Slack webhook URL (a secret) once it
    // was read: the console never leaves one, whatever the shell's ulimit allows.
    const rlimit noCoreDumps{0, 0};
    ::setrlimit(RLIMIT_CORE, &noCoreDumps);
    QCoreApplication::setApplicationName(QStringLiteral("incident-console"));
    QCoreApplication::setApplicationVersion(QStringLiteral(INCIDENT_CONSOLE_VERSION));

    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    QTextStream out(stdout);
    QTextStream err(stderr);

    const ic::cli::Invocation invocation = ic::cli::parseInvocation(arguments, out, err);
    switch (invocation.kind) {
    case ic::cli::Invocation::Kind::Exit:
        return invocation.exitCode;
    case ic::cli::Invocation::Kind::Subcommand:
        if (!invocation.subcommand->needsGuiRendering) {
            QCoreApplication app(argc, argv);
            return ic::cli::runSubcommand(invocation, out, err);
        }
        break;
    case ic::cli::Invocation::Kind::Gui:
        if (!displayAvailable()) {
            err << "incident-console: no display (DISPLAY and WAYLAND_DISPLAY are unset); run "
                   "it in a desktop session, or use a subcommand (see --help)"
                << Qt::endl;
            return ic::cli::UsageError;
        }
        break;
    }
    const GuiModuleMain gui = loadGuiModule(err);
    if (!gui)
        return ic::cli::DataError;
    return gui(&argc, argv, &invocation, &out, &err);
}
