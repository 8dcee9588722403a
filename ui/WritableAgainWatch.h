#pragma once

#include <QObject>
#include <QString>
#include <chrono>

class QTimer;

namespace ic::ui {

// Watches a database opened read-only because its disk was full or its directory not
// writable, and says once when that is over: enough free space to open it for writing and
// write access again. Each look (statvfs, access) runs on the thread pool, since a hung
// network mount must never freeze the window.
class WritableAgainWatch : public QObject
{
    Q_OBJECT
public:
    WritableAgainWatch(QString databasePath, std::chrono::milliseconds interval,
                       QObject *parent = nullptr);

Q_SIGNALS:
    void writable();

private:
    void look();

    QString m_path;
    QTimer *m_timer;
    bool m_looking = false;
};

} // namespace ic::ui
