#pragma once

class QTextStream;

namespace ic::cli {
struct Invocation;
}

// The window's module (incident-console-gui.so): everything that needs QtGui, loaded by the
// executable only when the window opens or a subcommand renders (PDF export), so that the
// command line never pays for loading QtGui and QtWidgets.
extern "C" {

// The symbol app/main.cpp looks up.
inline constexpr char guiModuleEntry[] = "incidentConsoleGuiMain";

// Creates the QApplication (QGuiApplication for a subcommand that renders) and runs the
// window or the subcommand; returns the exit code.
using GuiModuleMain = int (*)(int *argc, char **argv, const ic::cli::Invocation *invocation,
                              QTextStream *out, QTextStream *err);
}
