#pragma once

#include "Probe.h"

#include <QPointer>
#include <QProcess>

namespace ic::health {

// Runs a Nagios-style plugin from an argument list (never through a shell). Exit 0/1/2/3
// mean OK/WARN/CRIT/UNKNOWN; the first output line is the message and perfdata after '|'
// becomes [PERF].<label>. Output is capped at 64 KB; at the timeout the plugin is killed
// and the check is CRIT, as Nagios does. [EXIT_CODE] and [OUTPUT] are also available.
class CommandProbe : public Probe
{
    Q_OBJECT
public:
    static constexpr qsizetype outputCap = 64 * 1024;

    explicit CommandProbe(const CheckDefinition &check, QObject *parent = nullptr);
    ~CommandProbe() override;

protected:
    void start() override;
    Observation timedOut() override;

private:
    void readOutput();
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void releaseProcess();

    QPointer<QProcess> m_process;
    QByteArray m_stdout;
    QByteArray m_stderr;
};

// "DISK OK - free space: / 3326 MB | /=2643MB;5948;5958;0;5968 'load 1'=0.42"
//  -> message "DISK OK - free space: / 3326 MB", {"/": "2643", "load 1": "0.42"}
struct PluginOutput
{
    QString message;
    QMap<QString, QString> perfdata;
};
PluginOutput parsePluginOutput(const QByteArray &output);

} // namespace ic::health
