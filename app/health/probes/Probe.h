#pragma once

#include "health/CheckDefinition.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QObject>
#include <QTimer>

class QNetworkAccessManager;

namespace ic::health {

// One asynchronous run of a check. run() returns at once; finished() is emitted exactly once,
// at the latest when the check's timeout expires. Nothing here blocks the thread it lives on.
class Probe : public QObject
{
    Q_OBJECT
public:
    explicit Probe(CheckDefinition check, QObject *parent = nullptr);

    void run();
    const CheckDefinition &check() const { return m_check; }

Q_SIGNALS:
    void finished(const ic::health::Observation &observation);

protected:
    virtual void start() = 0;
    // Called when the timeout expires: stop the work and describe what was seen so far.
    virtual Observation timedOut() = 0;

    void finish(Observation observation);
    // A password this run sends: finish() replaces it in the message, every value and the
    // body, since servers repeat what they were sent in their errors. The check's inline
    // password is masked from the start.
    void maskSecret(const QString &secret);
    // [IP] as Gatus writes it: "127.0.0.1", "::1" (an IPv4-mapped address as IPv4).
    static QString addressText(const QHostAddress &address);
    qint64 elapsedMs() const { return m_elapsed.elapsed(); }
    QString timeoutText() const;

private:
    CheckDefinition m_check;
    QTimer m_timeout;
    QElapsedTimer m_elapsed;
    bool m_done = false;
    QStringList m_secrets;
};

// The probe for check's type (CheckType::createProbe), for a check health.yaml's reader
// accepted, so of a registered type. nam serves http and prometheus checks; it must live on
// the caller's thread.
Probe *createProbe(const CheckDefinition &check, QNetworkAccessManager *nam,
                   QObject *parent = nullptr);

} // namespace ic::health
