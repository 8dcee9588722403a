#include "Invocation.h"

namespace ic::cli {
namespace {

const QCommandLineOption exitAfterFirstPaintOption(
    QStringLiteral("exit-after-first-paint"),
    QStringLiteral("Quit once the window has painted; print milliseconds since process start."));

const QCommandLineOption exitWhenUsableOption(
    QStringLiteral("exit-when-usable"),
    QStringLiteral("Quit once the runbook list and the health board are filled and painted; "
                   "print milliseconds since process start."));

QString helpText(const QCommandLineParser &parser)
{
    // Qt names the program from QCoreApplication, which does not exist yet at this point.
    QString text = parser.helpText();
    text.replace(0, text.indexOf(QLatin1Char(' '), 7), QStringLiteral("Usage: incident-console"));
    text += QStringLiteral("\nSubcommands (run headless; add --help to one for its options):\n");
    for (const Subcommand &subcommand : subcommands())
        text += QStringLiteral("  %1  %2\n").arg(subcommand.name, -10).arg(subcommand.summary);
    text += QStringLiteral("\nWithout a subcommand the console window opens.\n"
                           "Exit codes: 0 success, 1 a check or lint failed, 2 usage or "
                           "configuration error, 3 data error.\n");
    return text;
}

const Subcommand *findSubcommand(const QString &name)
{
    for (const Subcommand &subcommand : subcommands()) {
        if (subcommand.name == name)
            return &subcommand;
    }
    return nullptr;
}

} // namespace

Invocation parseInvocation(const QStringList &argv, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Incident Console: runbooks, the commander's checklist, health checks "
                       "and announcements, offline."));
    // Everything after the subcommand name belongs to the subcommand's own parser.
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    addGlobalOptions(parser);
    parser.addOption(exitAfterFirstPaintOption);
    parser.addOption(exitWhenUsableOption);
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    const QCommandLineOption version(QStringLiteral("version"),
                                     QStringLiteral("Show the version."));
    parser.addOption(help);
    parser.addOption(version);
    parser.addPositionalArgument(QStringLiteral("subcommand"),
                                 QStringLiteral("A subcommand below; none opens the window."),
                                 QStringLiteral("[subcommand]"));

    Invocation invocation;
    if (!parser.parse(argv)) {
        err << "incident-console: " << parser.errorText() << "\nTry: incident-console --help"
            << Qt::endl;
        return {Invocation::Kind::Exit, UsageError, {}, nullptr, {}};
    }
    if (parser.isSet(help)) {
        out << helpText(parser);
        return {Invocation::Kind::Exit, Success, {}, nullptr, {}};
    }
    if (parser.isSet(version)) {
        out << "incident-console " << INCIDENT_CONSOLE_VERSION << Qt::endl;
        return {Invocation::Kind::Exit, Success, {}, nullptr, {}};
    }
    invocation.options = globalOptionsFrom(parser);
    invocation.options.exitAfterFirstPaint = parser.isSet(exitAfterFirstPaintOption);
    invocation.options.exitWhenUsable = parser.isSet(exitWhenUsableOption);
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return invocation;

    invocation.subcommand = findSubcommand(positional.first());
    if (!invocation.subcommand) {
        QStringList names;
        for (const Subcommand &subcommand : subcommands())
            names << subcommand.name;
        err << "incident-console: unknown subcommand \"" << positional.first()
            << "\"; available: " << names.join(QStringLiteral(", "))
            << "\nTry: incident-console --help" << Qt::endl;
        return {Invocation::Kind::Exit, UsageError, {}, nullptr, {}};
    }
    invocation.kind = Invocation::Kind::Subcommand;
    invocation.subcommandArgs = positional.mid(1);
    return invocation;
}

int runSubcommand(const Invocation &invocation, QTextStream &out, QTextStream &err)
{
    Context context(invocation.options, out, err);
    return invocation.subcommand->run(context, invocation.subcommandArgs);
}

} // namespace ic::cli
