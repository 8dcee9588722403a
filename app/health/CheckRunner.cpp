#include "CheckRunner.h"

#include "Evaluation.h"
#include "probes/Probe.h"

#include <QEventLoop>
#include <QNetworkAccessManager>

namespace ic::health {

CheckRunner::CheckRunner(QObject *parent) : QObject(parent), m_nam(new QNetworkAccessManager(this))
{}

void CheckRunner::run(const QList<CheckDefinition> &checks)
{
    m_checks = checks;
    m_results = QList<CheckResult>(checks.size());
    m_next = 0;
    m_running = 0;
    m_done = 0;
    if (checks.isEmpty()) {
        Q_EMIT finished(m_results);
        return;
    }
    startNext();
}

void CheckRunner::startNext()
{
    while (m_running < m_maxConcurrent && m_next < m_checks.size()) {
        const int index = m_next++;
        ++m_running;
        Probe *probe = createProbe(m_checks.at(index), m_nam, this);
        connect(probe, &Probe::finished, this,
                [this, probe, index](const Observation &observation) {
                    m_results[index] =
                        evaluate(m_checks.at(index), observation, QDateTime::currentDateTimeUtc());
                    probe->deleteLater();
                    --m_running;
                    ++m_done;
                    if (m_done == m_checks.size())
                        Q_EMIT finished(m_results);
                    else
                        startNext();
                });
        probe->run();
    }
}

QList<CheckResult> CheckRunner::runAndWait(const QList<CheckDefinition> &checks)
{
    QEventLoop loop;
    QList<CheckResult> results;
    const auto connection =
        connect(this, &CheckRunner::finished, &loop, [&](const QList<CheckResult> &all) {
            results = all;
            loop.quit();
        });
    run(checks);
    if (results.size() != checks.size())
        loop.exec();
    disconnect(connection);
    return results;
}

} // namespace ic::health
