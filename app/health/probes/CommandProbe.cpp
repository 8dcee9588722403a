#include "CommandProbe.h"

#include <QRegularExpression>

namespace ic::health {

PluginOutput parsePluginOutput(const QByteArray &output)
{
    PluginOutput parsed;
    // The whole output when it has no newline at all.
    const qsizetype newline = output.indexOf('\n');
    const QString firstLine =
        QString::fromUtf8(newline < 0 ? output : output.left(newline)).trimmed();
    const qsizetype bar = firstLine.indexOf(QLatin1Char('|'));
    parsed.message = (bar >= 0 ? firstLine.left(bar) : firstLine).trimmed();
    if (bar < 0)
        return parsed;
    // label=value[UOM];warn;crit;min;max, the label quoted when it has spaces.
    static const QRegularExpression item(
        QStringLiteral(R"RX(('([^']+)'|([^\s=']+))=(-?[0-9.]+(?:[eE][-+]?[0-9]+)?))RX"));
    auto matches = item.globalMatch(firstLine.mid(bar + 1));
    while (matches.hasNext()) {
        const auto match = matches.next();
        const QString label = match.captured(2).isEmpty() ? match.captured(3) : match.captured(2);
        parsed.perfdata.insert(label, match.captured(4));
    }
    return parsed;
}

CommandProbe::CommandProbe(const CheckDefinition &check, QObject *parent) : Probe(check, parent) {}

CommandProbe::~CommandProbe()
{
    releaseProcess();
}

void CommandProbe::start()
{
    m_process = new QProcess(this);
    m_process->setProgram(check().command.first());
    m_process->setArguments(check().command.mid(1));
    m_process->setStandardInputFile(QProcess::nullDevice());
    connect(m_process, &QProcess::readyReadStandardOutput, this, &CommandProbe::readOutput);
    connect(m_process, &QProcess::readyReadStandardError, this, &CommandProbe::readOutput);
    connect(m_process, &QProcess::finished, this, &CommandProbe::onFinished);
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart)
            return;
        Observation observation;
        observation.verdict = State::Unknown;
        observation.message = QStringLiteral("cannot start %1: %2")
                                  .arg(check().command.first(), m_process->errorString());
        releaseProcess();
        finish(std::move(observation));
    });
    m_process->start();
}

void CommandProbe::readOutput()
{
    if (!m_process)
        return;
    // Read everything so a chatty plugin never blocks on a full pipe; keep only the cap.
    const QByteArray out = m_process->readAllStandardOutput();
    m_stdout += out.left(outputCap - m_stdout.size());
    const QByteArray err = m_process->readAllStandardError();
    m_stderr += err.left(outputCap - m_stderr.size());
}

void CommandProbe::onFinished(int exitCode, QProcess::ExitStatus status)
{
    readOutput();
    Observation observation;
    const PluginOutput output = parsePluginOutput(m_stdout.isEmpty() ? m_stderr : m_stdout);
    for (auto it = output.perfdata.begin(); it != output.perfdata.end(); ++it)
        observation.values.insert(QStringLiteral("[PERF].") + it.key(), it.value());
    observation.values.insert(QStringLiteral("[OUTPUT]"), output.message);
    observation.message = output.message;
    if (status == QProcess::CrashExit) {
        observation.verdict = State::Unknown;
        observation.message = QStringLiteral("%1 crashed").arg(check().command.first());
    } else {
        observation.values.insert(QStringLiteral("[EXIT_CODE]"), QString::number(exitCode));
        static const State byExitCode[] = {State::Ok, State::Warn, State::Crit, State::Unknown};
        observation.verdict =
            exitCode >= 0 && exitCode <= 3 ? byExitCode[exitCode] : State::Unknown;
        if (exitCode > 3)
            observation.message = QStringLiteral("exit code %1 is outside the plugin contract: %2")
                                      .arg(exitCode)
                                      .arg(output.message);
    }
    releaseProcess();
    finish(std::move(observation));
}

Observation CommandProbe::timedOut()
{
    releaseProcess();
    Observation observation;
    observation.verdict = State::Crit;
    observation.message = QStringLiteral("%1 did not finish within %2; killed")
                              .arg(check().command.first(), timeoutText());
    return observation;
}

void CommandProbe::releaseProcess()
{
    if (!m_process)
        return;
    QProcess *process = m_process;
    m_process = nullptr;
    process->disconnect(this);
    if (process->state() == QProcess::NotRunning) {
        process->deleteLater();
        return;
    }
    // Killed without waiting here: the process object lives on until the kernel reports the
    // exit, so the event loop never blocks on a plugin that ignores signals.
    process->setParent(nullptr);
    connect(process, &QProcess::finished, process, &QObject::deleteLater);
    process->kill();
}

} // namespace ic::health
