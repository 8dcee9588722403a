#include "WritableAgainWatch.h"

#include "core/AsyncTask.h"
#include "storage/WriteAccess.h"

#include <QTimer>

namespace ic::ui {

WritableAgainWatch::WritableAgainWatch(QString databasePath, std::chrono::milliseconds interval,
                                       QObject *parent)
    : QObject(parent), m_path(std::move(databasePath)), m_timer(new QTimer(this))
{
    connect(m_timer, &QTimer::timeout, this, &WritableAgainWatch::look);
    m_timer->start(interval);
}

void WritableAgainWatch::look()
{
    // One look at a time: a slow file system must not pile them up.
    if (m_looking)
        return;
    m_looking = true;
    runAsync(
        this,
        [path = m_path] {
            return whyNotWritable(path).isEmpty() && whyNoRoomToOpen(path).isEmpty();
        },
        [this](const Result<bool> &canWrite) {
            m_looking = false;
            if (!canWrite || !*canWrite || !m_timer->isActive())
                return;
            m_timer->stop();
            Q_EMIT writable();
        });
}

} // namespace ic::ui
