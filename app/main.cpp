// Composition root: a subcommand runs headless under QCoreApplication; otherwise the window.
#include "cli/Invocation.h"
#include "ui/GuiLauncher.h"

#include <QApplication>
#include <QCoreApplication>
#include <QGuiApplication>
#include <sys/resource.h>
#include <sys/stat.h>

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
    case ic::cli::Invocation::Kind::Subcommand: {
        if (invocation.subcommand->needsGuiRendering) {
            if (!ic::ui::displayAvailable())
                qputenv("QT_QPA_PLATFORM", "offscreen");
            QGuiApplication app(argc, argv);
            return ic::cli::runSubcommand(invocation, out, err);
        }
        QCoreApplication app(argc, argv);
        return ic::cli::runSubcommand(invocation, out, err);
    }
    case ic::cli::Invocation::Kind::Gui:
        break;
    }
    if (!ic::ui::displayAvailable()) {
        err << "incident-console: no display (DISPLAY and WAYLAND_DISPLAY are unset); run it in "
               "a desktop session, or use a subcommand (see --help)"
            << Qt::endl;
        return ic::cli::UsageError;
    }
    QApplication app(argc, argv);
    return ic::ui::runGui(invocation.options, out, err);
}
