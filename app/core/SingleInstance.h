#pragma once

#include <QObject>
#include <QString>

class QLocalServer;

namespace ic {

// One console window per user and data dir: a second launch asks the first to come
// forward and exits. Two consoles on one database would each show stale state.
class SingleInstance : public QObject
{
    Q_OBJECT
public:
    explicit SingleInstance(const QString &dataDir, QObject *parent = nullptr);

    // True when this process is now the instance. False when another one answered: it has
    // been asked to activate itself. A socket left by a crashed instance is taken over.
    bool claim();

    QString serverName() const { return m_name; }

Q_SIGNALS:
    // Another launch asked this instance to show its window.
    void activationRequested();

private:
    QString m_name;
    QLocalServer *m_server = nullptr;
};

} // namespace ic
