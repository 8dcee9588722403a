#pragma once

#include "CheckDefinition.h"

#include <QObject>
#include <QPointer>

class QNetworkAccessManager;

namespace ic::health {

// Runs a list of checks once, at most maxConcurrent at a time, and reports every result in
// the order of the list. Used by `incident-console check`.
class CheckRunner : public QObject
{
    Q_OBJECT
public:
    explicit CheckRunner(QObject *parent = nullptr);

    void setMaxConcurrent(int count) { m_maxConcurrent = std::max(1, count); }
    void run(const QList<CheckDefinition> &checks);

    // Starts the run and waits for it on a local event loop; for command-line use only.
    QList<CheckResult> runAndWait(const QList<CheckDefinition> &checks);

Q_SIGNALS:
    void finished(const QList<ic::health::CheckResult> &results);

private:
    void startNext();

    QNetworkAccessManager *m_nam;
    QList<CheckDefinition> m_checks;
    QList<CheckResult> m_results;
    int m_next = 0;
    int m_running = 0;
    int m_done = 0;
    int m_maxConcurrent = 32;
};

} // namespace ic::health
