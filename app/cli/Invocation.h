#pragma once

#include "CommandLine.h"

namespace ic::cli {

// What the command line asks for: the GUI, a subcommand, or an immediate exit (--help,
// --version, usage errors), decided before any QCoreApplication exists.
struct Invocation
{
    enum class Kind
    {
        Gui,
        Subcommand,
        Exit
    };
    Kind kind = Kind::Gui;
    int exitCode = Success;
    GlobalOptions options;
    const Subcommand *subcommand = nullptr;
    QStringList subcommandArgs;
};

Invocation parseInvocation(const QStringList &argv, QTextStream &out, QTextStream &err);

// Runs a parsed subcommand under the QCoreApplication the caller created.
int runSubcommand(const Invocation &invocation, QTextStream &out, QTextStream &err);

} // namespace ic::cli
