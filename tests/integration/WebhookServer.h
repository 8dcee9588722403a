#pragma once

// webhook_server.py, the local stand-in for Slack, as the CLI tests use it: started on a free
// loopback port, it appends each posted body to a file and answers /ok/… with 200. Stopped
// when this is destroyed, so a failing test cannot leave it running.

#include <QProcess>
#include <QString>

namespace ic::test {

class WebhookServer
{
public:
    ~WebhookServer() { stop(); }

    // script: the calling test's QFINDTESTDATA("webhook_server.py").
    bool start(const QString &script, const QString &recordFile)
    {
        m_process.start(QStringLiteral("python3"), {script, recordFile});
        if (!m_process.waitForReadyRead(10000))
            return false;
        m_port = m_process.readLine().trimmed().toInt();
        return m_port > 0;
    }

    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.kill();
        m_process.waitForFinished();
    }

    // "http://127.0.0.1:<port><path>"
    QString url(const QString &path) const
    {
        return QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path);
    }

private:
    QProcess m_process;
    int m_port = 0;
};

} // namespace ic::test
